import { Inject, Injectable, type Type } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type Change, type ChangeSubscriber, DatabaseChanges } from './database-changes';

/** How CACHE_MAX_MB is shared among the caches: link states are the many, the rest are few per caller. */
export const CACHE_SHARES = {
  linkStates: 0.5,
  cameras: 0.25,
  grants: 0.1,
  credentials: 0.1,
  mediaServersBySecret: 0.05,
} as const;

/** The bytes `cache` may hold, by its share of CACHE_MAX_MB. */
function cacheBytes(config: AppConfig, cache: keyof typeof CACHE_SHARES): number {
  return Math.floor(config.cache.maxMb * 2 ** 20 * CACHE_SHARES[cache]);
}

/**
 * What an entry costs in the V8 heap, estimated from its JSON text: a Map slot, the entry object
 * and its key (two bytes per character), plus objects and strings at about twice their JSON
 * length (measured: bench/cache-memory.js).
 */
function estimatedBytes(key: string, value: unknown): number {
  return 120 + 2 * key.length + (value === null ? 0 : 2 * (JSON.stringify(value)?.length ?? 8));
}

interface Entry<V> {
  value: V | null;
  staleAt: number;
}

export interface CacheOptions<V = unknown> {
  /** How long a found value is kept: a bound on staleness even if a notification were missed. */
  foundMs: number;
  /** How long "not found" is kept, so a flood of guesses costs one query per guess at most. */
  missingMs: number;
  /** The estimated bytes all entries may take; the least recently used go first. */
  maxBytes: number;
  /**
   * The table whose keyed changes name this cache's own keys (link states: issued_links, by
   * token hash): such a change drops just those entries. Every other change empties the cache.
   */
  keyedBy?: string;
  /**
   * The table whose changes may come with a selection (a revocation rule's), and whether a
   * selection covers a cached value: such a change drops just the values it covers.
   */
  selectedBy?: { table: string; covers(selection: NonNullable<Change['selection']>, value: V): boolean };
}

/** What a change may name: keys (keyedBy) or a selection (selectedBy); without either it may touch anything. */
export type CacheOptionsOf<V> = Pick<CacheOptions<V>, 'keyedBy' | 'selectedBy'>;

/**
 * Database answers by key (a token hash, a camera), emptied whenever the database reports a
 * change (only the named entries when the change names them in this cache's keys) and bypassed
 * while those reports cannot be received. Bounded by estimated size:
 * the least recently used entries go first.
 */
export class ChangeAwareCache<V> implements ChangeSubscriber {
  private readonly entries: LRUCache<string, Entry<V>>;
  private enabled = false;
  /**
   * Bumped by every clear. An answer read from the database before a change was announced must
   * not be cached after it: `through` and `throughMany` note the generation before their query.
   */
  private generation = 0;

  constructor(
    private readonly options: CacheOptions<V>,
    private readonly changes: DatabaseChanges,
    readonly tables: readonly string[],
  ) {
    this.entries = new LRUCache({
      maxSize: options.maxBytes,
      sizeCalculation: (entry, key) => estimatedBytes(key, entry.value),
    });
    changes.subscribe(this);
  }

  /** undefined: not cached (or not answerable: changes not proven heard lately); null: cached as not found. */
  private get(key: string, now: number): V | null | undefined {
    if (!this.changes.proven(now)) return undefined;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (now < entry.staleAt) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  private set(key: string, value: V | null, now: number, seenGeneration: number): void {
    if (!this.enabled || seenGeneration !== this.generation) return;
    this.entries.set(key, { value, staleAt: now + (value === null ? this.options.missingMs : this.options.foundMs) });
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

  /**
   * Values by id for many ids: from the cache where it has them, and from one `loadMissing` of
   * the rest (each remembered, found or not, when that is safe, as in `through`).
   */
  async throughMany(
    ids: string[],
    keyOf: (id: string) => string,
    loadMissing: (ids: string[]) => Promise<V[]>,
    idOf: (value: V) => string,
  ): Promise<Map<string, V | null>> {
    const found = new Map<string, V | null>();
    const missing: string[] = [];
    const at = Date.now();
    for (const id of ids) {
      const value = this.get(keyOf(id), at);
      if (value === undefined) missing.push(id);
      else found.set(id, value);
    }
    if (!missing.length) return found;
    const generation = this.generation;
    const loaded = new Map((await loadMissing(missing)).map((value) => [idOf(value), value]));
    const loadedAt = Date.now();
    for (const id of missing) {
      const value = loaded.get(id) ?? null;
      this.set(keyOf(id), value, loadedAt, generation);
      found.set(id, value);
    }
    return found;
  }

  /** Entries held and their estimated bytes, for metrics and the benchmark. */
  usage(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize };
  }

  onChange(table?: string, keys?: readonly string[], selection?: Change['selection']): void {
    // A keyed change still bumps the generation: a load of any key that began before it is not
    // remembered (cheap: only loads in flight lose their entry), so no load can outlive it.
    this.generation++;
    const { keyedBy, selectedBy } = this.options;
    if (keys && table !== undefined && table === keyedBy) for (const key of keys) this.entries.delete(key);
    else if (selection && selectedBy && table === selectedBy.table) {
      const covered = [...this.entries.entries()]
        .filter(([, entry]) => entry.value !== null && selectedBy.covers(selection, entry.value))
        .map(([key]) => key);
      for (const key of covered) this.entries.delete(key);
    } else this.entries.clear();
  }

  onListening(listening: boolean): void {
    this.enabled = listening;
    this.onChange();
  }
}

/**
 * The base class of an injectable cache holding `share` of CACHE_MAX_MB and emptied by changes
 * of `tables` (only of what a change names, for the tables of `named`), e.g.
 * `class GrantCache extends ConfiguredCache<GrantFacts>('grants', ['access_grants']) {}`.
 * Found values are kept a minute at most, "not found" ten seconds.
 */
export function ConfiguredCache<V>(
  share: keyof typeof CACHE_SHARES,
  tables: readonly string[],
  named: CacheOptionsOf<V> = {},
): Type<ChangeAwareCache<V>> {
  @Injectable()
  class Configured extends ChangeAwareCache<V> {
    constructor(changes: DatabaseChanges, @Inject(APP_CONFIG) config: AppConfig) {
      super({ foundMs: 60_000, missingMs: 10_000, maxBytes: cacheBytes(config, share), ...named }, changes, tables);
    }
  }
  return Configured;
}
