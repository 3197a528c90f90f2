import { type BeforeApplicationShutdown, Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { Decision } from './link-decision';
import { type UsageDelta, VerificationRepository } from './verification.repository';

/**
 * Counts uses and refusals per link in memory and writes them in one statement per interval,
 * so verification never waits on a write. Flushed on shutdown; a failed flush is retried.
 */
@Injectable()
export class UsageRecorder implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(UsageRecorder.name);
  private pending = new Map<string, UsageDelta>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly repository: VerificationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.config.verification.usageFlushMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  record(decision: Decision, ip: string | undefined, now: Date): void {
    const link = decision.link;
    if (!link) return;
    let delta = this.pending.get(link.id);
    if (!delta) {
      delta = { linkId: link.id, uses: 0, denied: 0, firstUsedAt: null, lastUsedAt: null, lastIp: null, lastDeniedAt: null, lastDeniedReason: null };
      this.pending.set(link.id, delta);
    }
    if (decision.allow) {
      delta.uses++;
      delta.firstUsedAt ??= now;
      delta.lastUsedAt = now;
      delta.lastIp = ip ?? delta.lastIp;
    } else {
      delta.denied++;
      delta.lastDeniedAt = now;
      delta.lastDeniedReason = decision.reason;
    }
  }

  async flush(): Promise<void> {
    if (!this.pending.size) return;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.repository.addUsage([...batch.values()]);
    } catch (error) {
      this.logger.warn(`Could not record link usage, will retry: ${(error as Error).message}`);
      for (const [id, delta] of batch) this.merge(id, delta);
    }
  }

  private merge(id: string, older: UsageDelta): void {
    const newer = this.pending.get(id);
    if (!newer) return void this.pending.set(id, older);
    newer.uses += older.uses;
    newer.denied += older.denied;
    newer.firstUsedAt = older.firstUsedAt ?? newer.firstUsedAt;
    newer.lastUsedAt ??= older.lastUsedAt;
    newer.lastIp ??= older.lastIp;
    newer.lastDeniedAt ??= older.lastDeniedAt;
    newer.lastDeniedReason ??= older.lastDeniedReason;
  }
}
