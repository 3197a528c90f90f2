import { Injectable } from '@nestjs/common';
import type { LinkState } from './link-decision';

const MAX_ENTRIES = 100_000;
/** Unknown tokens are remembered briefly, so a flood of guesses costs one query per guess at most. */
const UNKNOWN_TTL_MS = 10_000;
/** A bound on staleness even if a change notification were ever missed. */
const KNOWN_TTL_MS = 60_000;

interface Entry {
  state: LinkState | null;
  staleAt: number;
}

/**
 * Link states by token hash, so a known token is decided without a query. Emptied whenever
 * the database reports a change a decision depends on (ChangeListener), and bypassed while
 * those reports cannot be received.
 */
@Injectable()
export class LinkStateCache {
  private readonly entries = new Map<string, Entry>();
  private enabled = false;
  /**
   * Bumped by every clear. A state read from the database before a change was announced must
   * not be cached after it: callers pass the generation they saw before their query.
   */
  generation = 0;

  /** undefined: not cached; null: cached as unknown. */
  get(tokenHash: string, now: number): LinkState | null | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (now < entry.staleAt) return entry.state;
    this.entries.delete(tokenHash);
    return undefined;
  }

  set(tokenHash: string, state: LinkState | null, now: number, seenGeneration: number): void {
    if (!this.enabled || seenGeneration !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { state, staleAt: now + (state ? KNOWN_TTL_MS : UNKNOWN_TTL_MS) });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Caching is safe only while change notifications arrive. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
