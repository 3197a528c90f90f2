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
        linkIssuedAt: link.issuedAt,
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

  protected putBack(batch: UsageDelta[]): void {
    for (const delta of batch) this.merge(delta.linkId, delta);
  }

  protected write(batch: UsageDelta[], id: string | null): Promise<void> {
    return this.repository.addUsage(batch, id);
  }

  private merge(id: string, failed: UsageDelta): void {
    const pending = this.pending.get(id);
    this.pending.set(id, pending ? mergeUsage(pending, failed) : failed);
  }
}

/**
 * Two deltas of one link as one, in either order: the earliest first use, the latest last use
 * and refusal, each with the IP or reason of its own event. The database merges flushes from
 * several instances by the same rule (VerificationRepository.addUsage).
 */
export function mergeUsage(a: UsageDelta, b: UsageDelta): UsageDelta {
  const [used, otherUse] = newer(a, b, 'lastUsedAt');
  const [denied] = newer(a, b, 'lastDeniedAt');
  return {
    linkId: a.linkId,
    linkIssuedAt: a.linkIssuedAt ?? b.linkIssuedAt,
    uses: a.uses + b.uses,
    denied: a.denied + b.denied,
    firstUsedAt: earliest(a.firstUsedAt, b.firstUsedAt),
    lastUsedAt: used.lastUsedAt,
    lastIp: used.lastIp ?? otherUse.lastIp,
    lastDeniedAt: denied.lastDeniedAt,
    lastDeniedReason: denied.lastDeniedReason,
  };
}

/** [the delta whose `field` is later, the other]; a missing time is the oldest. */
function newer(a: UsageDelta, b: UsageDelta, field: 'lastUsedAt' | 'lastDeniedAt'): [UsageDelta, UsageDelta] {
  return (b[field]?.getTime() ?? -Infinity) > (a[field]?.getTime() ?? -Infinity) ? [b, a] : [a, b];
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a <= b ? a : b;
}
