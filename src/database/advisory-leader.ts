import type { Logger } from '@nestjs/common';
import type { Unlisten } from './change-listener-connection';
import type { OpenDatabase } from './open-database';

/** How often an instance that does not lead tries to: the takeover delay when the holder dies. */
const CAMPAIGN_MS = 1_000;

/**
 * One instance of many doing a job: whoever holds the PostgreSQL advisory lock `key` leads (on
 * the embedded database the one process does). The lock lives with its connection, so a holder
 * that dies (even by SIGKILL) lets another instance take over at its next try, within a second.
 */
export class AdvisoryLeader {
  private release?: Unlisten;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  /**
   * `job` names the lock in the log ("the kicker lock"); `onLead` runs when this instance takes
   * it, `onLost` when it loses it.
   */
  constructor(
    private readonly db: OpenDatabase,
    private readonly key: number,
    private readonly job: string,
    private readonly logger: Logger,
    private readonly events: { onLead(): void; onLost(): void },
  ) {}

  get leading(): boolean {
    return this.release !== undefined;
  }

  start(): void {
    void this.campaign();
  }

  /** Stops trying, and gives the lock up if held. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const release = this.release;
    this.release = undefined;
    await release?.();
  }

  /** Takes the lock if no one holds it, else tries again later. */
  private async campaign(): Promise<void> {
    if (this.stopped || this.leading) return;
    try {
      const release = this.db.tryAdvisoryLock
        ? await this.db.tryAdvisoryLock(this.key, (error) => this.lost(error))
        : async () => undefined;
      if (release) return this.lead(release);
    } catch (error) {
      this.logger.warn(`Could not ask for the ${this.job} lock (${(error as Error).message}); trying again`);
    }
    this.retry();
  }

  private retry(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.campaign(), CAMPAIGN_MS);
    this.timer.unref();
  }

  private lead(release: Unlisten): void {
    if (this.stopped) return void release();
    this.release = release;
    this.events.onLead();
  }

  private lost(error: Error): void {
    this.logger.warn(`Lost the ${this.job} lock (${error.message}); another instance may take over`);
    this.release = undefined;
    this.events.onLost();
    this.retry();
  }
}
