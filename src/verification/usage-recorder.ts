import { Inject, Injectable } from '@nestjs/common';
import { PeriodicFlush } from '../common/periodic-flush';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG, Shutdown } from '../config/config.module';
import type { Decision } from './link-decision';
import { type UsageDelta, VerificationRepository } from './verification.repository';

/**
 * Counts uses and refusals per link in memory and writes them in one statement per interval,
 * so verification never waits on a write (PeriodicFlush: retried, and spooled on a stop).
 */
@Injectable()
export class UsageRecorder extends PeriodicFlush<UsageDelta> {
  private pending = new Map<string, UsageDelta>();

  constructor(
    private readonly repository: VerificationRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    shutdown: Shutdown,
  ) {
    super({ name: 'usage', intervalMs: config.verification.usageFlushMs, config, shutdown });
  }

  record(decision: Decision, ip: string | undefined, now: Date): void {
    const link = decision.link;
    if (!link) return;
    let delta = this.pending.get(link.id);
    if (!delta) {
      delta = {
        linkId: link.id,
        linkIssuedAt: link.issued.at,
        uses: 0,
        denied: 0,
        firstUsedAt: null,
        lastUsedAt: null,
        lastIp: null,
        lastDeniedAt: null,
        lastDeniedReason: null,
      };
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

  protected take(): UsageDelta[] {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    // In key order, as the database locks them (VerificationRepository.addUsage).
    return batch.sort((a, b) => (a.linkId < b.linkId ? -1 : a.linkId > b.linkId ? 1 : 0));
  }

  protected write(batch: UsageDelta[], id: string): Promise<void> {
    return this.repository.addUsage(batch, id);
  }
}
