import type { ChangeSubscriber, DatabaseChanges } from './database-changes';

const MAX_ENTRIES = 100_000;

interface Entry<V> {
  value: V | null;
  staleAt: number;
}

export interface CacheLifetimes {
  /** How long a found value is kept: a bound on staleness even if a notification were missed. */
  foundMs: number;
  /** How long "not found" is kept, so a flood of guesses costs one query per guess at most. */
  missingMs: number;
}

/**
 * Database answers by key (a token hash), emptied whenever the database reports a change and
 * bypassed while those reports cannot be received. Bounded: the oldest entries go first.
 */
export class ChangeAwareCache<V> implements ChangeSubscriber {
  private readonly entries = new Map<string, Entry<V>>();
  private enabled = false;
  /**
   * Bumped by every clear. An answer read from the database before a change was announced must
   * not be cached after it: callers pass the generation they saw before their query.
   */
  generation = 0;

  constructor(
    private readonly lifetimes: CacheLifetimes,
    changes: DatabaseChanges,
  ) {
    changes.subscribe(this);
  }

  /** undefined: not cached; null: cached as not found. */
  get(key: string, now: number): V | null | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now < entry.staleAt) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V | null, now: number, seenGeneration: number): void {
    if (!this.enabled || seenGeneration !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, staleAt: now + (value === null ? this.lifetimes.missingMs : this.lifetimes.foundMs) });
  }

  /** The cached answer, or `load`'s, remembered when that is safe. */
  async through(key: string, load: () => Promise<V | null>): Promise<V | null> {
    const cached = this.get(key, Date.now());
    if (cached !== undefined) return cached;
    const generation = this.generation;
    const value = await load();
    this.set(key, value, Date.now(), generation);
    return value;
  }

  onChange(): void {
    this.generation++;
    this.entries.clear();
  }

  onListening(listening: boolean): void {
    this.enabled = listening;
    this.onChange();
  }
}
