import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { Unlisten } from './change-listener-connection';
import type { OpenDatabase } from './open-database';
import { DATABASE_CONNECTION } from './prisma.service';

/** The channel the migrations' triggers notify on (see prisma/migrations/*_verification_usage_audit). */
export const CHANGES_CHANNEL = 'camlinks_changes';
const RETRY_MS = 1000;

/**
 * A change of `table` that names what it changed: the keys of the cached answers it touches
 * (for issued_links, the token hashes of the links revoked: see
 * prisma/migrations/*_keyed_link_invalidation). A change without keys may touch anything.
 */
export interface Change {
  table: string;
  keys?: readonly string[];
  /** What a change of many rows selects them by (a revocation rule's selection), as its trigger sends it. */
  selection?: Readonly<Record<string, unknown>>;
}

/** What a cache of database state needs to hear to stay honest. */
export interface ChangeSubscriber {
  /** The tables its answers are read from: only their changes (or a change of unknown table) reach it. */
  readonly tables: readonly string[];
  /**
   * Something a cached answer may depend on changed, in this instance or another (in `table`;
   * undefined: unknown), limited to `keys` or to what `selection` selects when the change says.
   */
  onChange(table: string | undefined, keys?: readonly string[], selection?: Change['selection']): void;
  /** Whether changes are being heard at all: while not, caching is unsafe. */
  onListening(listening: boolean): void;
  /** What a cache holds, for metrics. */
  usage?(): { entries: number; bytes: number };
}

/** How the listener is doing, for health and metrics. */
export interface ListenerState {
  listening: boolean;
  /** Seconds since the newest heartbeat of its own that this instance heard was sent; null where there is none (embedded). */
  heartbeatAgeSeconds: number | null;
  /** How many times changes stopped being heard (connection lost or heartbeat missed). */
  losses: number;
}

/**
 * Delivers the database's change notifications to the in-memory caches of this instance: a
 * revocation, a revoked token, a deleted grant, a blocked camera — any change committed by any
 * instance — arrives within the time PostgreSQL takes to deliver a NOTIFY. While the
 * notification connection is down, subscribers are told so, and it reconnects.
 *
 * A connection can also stop delivering without closing (a middlebox that forgot it): on
 * PostgreSQL the listener proves it still hears the channel by notifying it itself, over the
 * pool, every heartbeat interval, with the time it sent it. A heartbeat heard proves that every
 * change committed before it was sent has arrived (one connection delivers in commit order), so
 * the caches answer only while the newest heartbeat heard was sent less than the timeout ago
 * (`proven`, asked on every cache read, whatever the timers do); past that the listener counts
 * as lost: a warning and a new connection.
 */
@Injectable()
export class DatabaseChanges implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(DatabaseChanges.name);
  private readonly subscribers: ChangeSubscriber[] = [];
  /** Tells this instance's heartbeats from those of the other instances on the channel. */
  private readonly instance = randomUUID();
  private unlisten?: Unlisten;
  private connecting = false;
  private retry?: NodeJS.Timeout;
  private heartbeat?: NodeJS.Timeout;
  /**
   * When the newest heartbeat of this instance that came back was sent (or when listening
   * started), ms since the epoch: every change committed before then has been heard.
   */
  private provenAt = Date.now();
  private losses = 0;
  private stopped = false;
  /** Seconds between a change's commit and its arrival here, for the last change seen. */
  lastLagSeconds = 0;

  constructor(
    @Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  subscribe(subscriber: ChangeSubscriber): void {
    this.subscribers.push(subscriber);
    subscriber.onListening(this.unlisten !== undefined);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
    if (this.db.notify) {
      this.heartbeat = setInterval(() => this.beat(), this.config.changes.heartbeatMs);
      this.heartbeat.unref();
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    this.setListening(false);
    await this.unlisten?.().catch(() => undefined);
  }

  state(): ListenerState {
    return {
      listening: this.unlisten !== undefined,
      heartbeatAgeSeconds: this.db.notify ? (Date.now() - this.provenAt) / 1000 : null,
      losses: this.losses,
    };
  }

  /**
   * Whether the caches may answer at `now`: the newest heartbeat heard back was sent less than
   * CHANGES_HEARTBEAT_TIMEOUT_MS ago, so a change committed elsewhere is missed for at most that
   * long, even by a silently dead listener (the embedded database has no heartbeat to miss).
   */
  proven(now: number): boolean {
    return !this.db.notify || now - this.provenAt < this.config.changes.heartbeatTimeoutMs;
  }

  /** What the subscribed caches hold together (bytes estimated), for metrics and the benchmark. */
  cacheUsage(): { entries: number; bytes: number } {
    const total = { entries: 0, bytes: 0 };
    for (const usage of this.subscribers.map((subscriber) => subscriber.usage?.())) {
      total.entries += usage?.entries ?? 0;
      total.bytes += usage?.bytes ?? 0;
    }
    return total;
  }

  /**
   * A change this instance has just committed (`change`: what it was, when known; else anything):
   * its own caches forget now, so the caller's next request already sees it (other instances
   * hear of it through NOTIFY).
   */
  changedHere(change?: Change): void {
    this.changed(change?.table, change?.keys, change?.selection);
  }

  /** A change of `table` (undefined: of any table) reaches the subscribers that read it. */
  private changed(table: string | undefined, keys?: readonly string[], selection?: Change['selection']): void {
    for (const subscriber of this.subscribers)
      if (table === undefined || subscriber.tables.includes(table)) subscriber.onChange(table, keys, selection);
  }

  private async listen(): Promise<void> {
    if (this.connecting || this.stopped) return;
    this.connecting = true;
    try {
      this.unlisten = await this.db.listen(
        CHANGES_CHANNEL,
        (payload) => this.onNotification(payload),
        (error) => this.onLost(error),
      );
      this.provenAt = Date.now();
      this.setListening(true);
    } catch (error) {
      this.onLost(error as Error);
    } finally {
      this.connecting = false;
    }
  }

  private onNotification(payload: string): void {
    const message = parseNotification(payload);
    // Heartbeats change nothing; another instance's prove nothing about this connection.
    if (message.heartbeat !== undefined) {
      if (message.heartbeat === this.instance && typeof message.sent === 'number')
        this.provenAt = Math.max(this.provenAt, message.sent);
      return;
    }
    const table = typeof message.table === 'string' ? message.table : undefined;
    if (table === undefined) this.changed(undefined);
    else this.changed(table, keysOf(message.keys), selectionOf(message.selection));
    const at = Number(message.at);
    if (Number.isFinite(at)) this.lastLagSeconds = Math.max(0, Date.now() / 1000 - at);
  }

  /**
   * Every heartbeat interval: give up on a listener whose heartbeat is overdue, else send the
   * next one. Decided in setImmediate, after pending I/O: when the event loop was blocked, the
   * heartbeat may be waiting in the socket, and must not be taken for lost.
   */
  private beat(): void {
    setImmediate(() => {
      if (!this.unlisten || this.stopped) return;
      const now = Date.now();
      if (this.proven(now)) {
        const heartbeat = JSON.stringify({ heartbeat: this.instance, sent: now });
        this.db.notify!(CHANGES_CHANNEL, heartbeat).catch(() => undefined); // a failed send is an overdue heartbeat
        return;
      }
      const silentMs = now - this.provenAt;
      this.logger.warn(
        `No heartbeat from the database change listener for ${silentMs} ms; caches are off until it is reconnected`,
      );
      const stale = this.unlisten;
      this.stopListening();
      void stale().catch(() => undefined);
      void this.listen();
    });
  }

  private onLost(error: Error): void {
    if (this.unlisten) this.stopListening();
    if (this.stopped) return;
    this.logger.warn(`Not receiving database changes (${error.message}); caches are off until reconnected`);
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.listen(), RETRY_MS);
    this.retry.unref();
  }

  private stopListening(): void {
    this.unlisten = undefined;
    this.losses++;
    this.setListening(false);
  }

  private setListening(listening: boolean): void {
    for (const subscriber of this.subscribers) subscriber.onListening(listening);
  }
}

/** A notification's keys when they are a list of strings; anything else names nothing (the change may touch anything). */
function keysOf(keys: unknown): string[] | undefined {
  return Array.isArray(keys) && keys.every((key) => typeof key === 'string') ? keys : undefined;
}

/** A notification's selection when it is an object; anything else selects nothing (the change may touch anything). */
function selectionOf(selection: unknown): Change['selection'] {
  return typeof selection === 'object' && selection !== null && !Array.isArray(selection)
    ? (selection as Record<string, unknown>)
    : undefined;
}

/** The triggers' `{table, at, keys?, selection?}` or a heartbeat; anything unreadable still counts as a change of every table. */
function parseNotification(payload: string): {
  table?: unknown;
  at?: number;
  keys?: unknown;
  selection?: unknown;
  heartbeat?: string;
  sent?: unknown;
} {
  try {
    return (JSON.parse(payload) as object | null) ?? {};
  } catch {
    return {};
  }
}

/**
 * The tables a statement reads (after FROM or JOIN), so the cache of its answers hears exactly
 * their changes; derived from the SQL itself, it cannot drift from it.
 */
export function tablesReadBy(sql: string): string[] {
  return [
    ...new Set(
      [...sql.matchAll(/\b(?:FROM|JOIN)\s+([a-z_][a-z0-9_]*)\b(?!\s*\()/gi)].map((match) => match[1].toLowerCase()),
    ),
  ];
}
