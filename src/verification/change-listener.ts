import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { OpenDatabase, Unlisten } from '../database/adapter-factory';
import { DATABASE_CONNECTION } from '../database/prisma.service';
import { LinkStateCache } from './link-state-cache';

/** The channel the migration's triggers notify on (see prisma/migrations/*_verification_usage_audit). */
export const CHANGES_CHANNEL = 'camlinks_changes';
const RETRY_MS = 1000;

/**
 * Keeps every instance's LinkStateCache honest: a revocation, a revoked token, a deleted grant,
 * a blocked camera — any change committed by any instance — empties the cache within the time
 * PostgreSQL takes to deliver a NOTIFY. While not listening, the cache is off.
 */
@Injectable()
export class ChangeListener implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(ChangeListener.name);
  private unlisten?: Unlisten;
  private retry?: NodeJS.Timeout;
  private stopped = false;
  /** Seconds between a change's commit and its arrival here, for the last change seen. */
  lastLagSeconds = 0;

  constructor(
    @Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase,
    private readonly cache: LinkStateCache,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    this.cache.setEnabled(false);
    await this.unlisten?.().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    try {
      this.unlisten = await this.db.listen(CHANGES_CHANNEL, (payload) => this.onChange(payload), (error) => this.onLost(error));
      this.cache.setEnabled(true);
    } catch (error) {
      this.onLost(error as Error);
    }
  }

  private onChange(payload: string): void {
    this.cache.clear();
    const at = Number((JSON.parse(payload || '{}') as { at?: number }).at);
    if (Number.isFinite(at)) this.lastLagSeconds = Math.max(0, Date.now() / 1000 - at);
  }

  private onLost(error: Error): void {
    this.cache.setEnabled(false);
    if (this.stopped) return;
    this.logger.warn(`Not receiving database changes (${error.message}); verifying without cache until reconnected`);
    this.retry = setTimeout(() => void this.listen(), RETRY_MS);
    this.retry.unref();
  }
}
