import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { OpenDatabase, Unlisten } from './adapter-factory';
import { DATABASE_CONNECTION } from './prisma.service';

/** The channel the migrations' triggers notify on (see prisma/migrations/*_verification_usage_audit). */
export const CHANGES_CHANNEL = 'camlinks_changes';
const RETRY_MS = 1000;

/** What a cache of database state needs to hear to stay honest. */
export interface ChangeSubscriber {
  /** Something a cached answer may depend on changed, in this instance or another. */
  onChange(): void;
  /** Whether changes are being heard at all: while not, caching is unsafe. */
  onListening(listening: boolean): void;
}

/**
 * Delivers the database's change notifications to the in-memory caches of this instance: a
 * revocation, a revoked token, a deleted grant, a blocked camera — any change committed by any
 * instance — arrives within the time PostgreSQL takes to deliver a NOTIFY. While the
 * notification connection is down, subscribers are told so, and it reconnects.
 */
@Injectable()
export class DatabaseChanges implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(DatabaseChanges.name);
  private readonly subscribers: ChangeSubscriber[] = [];
  private unlisten?: Unlisten;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  /** Seconds between a change's commit and its arrival here, for the last change seen. */
  lastLagSeconds = 0;

  constructor(@Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase) {}

  subscribe(subscriber: ChangeSubscriber): void {
    this.subscribers.push(subscriber);
    subscriber.onListening(this.unlisten !== undefined);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.setListening(false);
    await this.unlisten?.().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    try {
      this.unlisten = await this.db.listen(
        CHANGES_CHANNEL,
        (payload) => this.onChange(payload),
        (error) => this.onLost(error),
      );
      this.setListening(true);
    } catch (error) {
      this.onLost(error as Error);
    }
  }

  /**
   * A change this instance has just committed: its own caches forget now, so the caller's
   * next request already sees it (other instances hear of it through NOTIFY).
   */
  changedHere(): void {
    for (const subscriber of this.subscribers) subscriber.onChange();
  }

  private onChange(payload: string): void {
    this.changedHere();
    const at = Number((JSON.parse(payload || '{}') as { at?: number }).at);
    if (Number.isFinite(at)) this.lastLagSeconds = Math.max(0, Date.now() / 1000 - at);
  }

  private onLost(error: Error): void {
    this.unlisten = undefined;
    this.setListening(false);
    if (this.stopped) return;
    this.logger.warn(`Not receiving database changes (${error.message}); caches are off until reconnected`);
    this.retry = setTimeout(() => void this.listen(), RETRY_MS);
    this.retry.unref();
  }

  private setListening(listening: boolean): void {
    for (const subscriber of this.subscribers) subscriber.onListening(listening);
  }
}
