import { SerialPass } from '../../common/serial-pass';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { AdvisoryLeader } from '../../database/advisory-leader';
import { type ChangeSubscriber, DatabaseChanges } from '../../database/database-changes';
import type { OpenDatabase } from '../../database/open-database';
import { DATABASE_CONNECTION } from '../../database/prisma.service';
import type { Cursor } from '../../common/cursor';
import { isoOrNull } from '../../common/timestamps';
import { type RevocationRuleRecord, RevocationRulesRepository } from '../../links/revocation-rules.repository';

/** The advisory lock the marking instance holds ('clrv'). */
export const REVOCATION_JOB_LOCK_KEY = 0x636c7276;
/**
 * Links marked per statement: 5,000 rows through the issued_links indexes take well under a
 * second, so no statement holds row locks or writes WAL for long.
 */
export const MARK_BATCH = 5_000;
/**
 * A batch that took longer than this is halved (down to MARK_BATCH_MIN), one that took under a
 * quarter of it grows back: on a table larger than memory, whose rows are read from disk, a
 * statement stays well under the 5 s a statement may take (issue 22).
 */
const MARK_BATCH_SLOW_MS = 1_000;
const MARK_BATCH_MIN = 500;
/**
 * After each batch the job rests this many times as long as the batch took: the marking keeps to
 * a third of its connection's time. Verification (at 10 M links its p99 rose 4.7x while batches
 * ran back to back, up to 3.4x over a whole marking when resting as long) and retention's
 * partition locks get the rest; the links are refused by their rule meanwhile.
 */
const MARK_REST_PER_WORK = 2;

/**
 * Marks the rows of revocation rules (bulk revocations already in force) revoked, a batch per
 * transaction, until none is left; then the rule is finished (it stays in force: link-status.ts).
 * LATE_COMMIT_MS after its cut-off, it marks the rule's links of its last LATE_COMMIT_MS once
 * more (a transaction issuing one may have committed after the marking passed it), so that every
 * link the rule selects ends up marked: the overview counts it, and the revoked listing no longer
 * probes the rule. One instance does it (AdvisoryLeader); it starts on a new rule from any
 * instance (the rule's change notification), on taking the lead (a restart resumes unfinished
 * rules after their last committed batch), and when a late window closes.
 */
@Injectable()
export class RevocationJob implements ChangeSubscriber, OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly tables = ['revocation_rules'];
  private readonly logger = new Logger(RevocationJob.name);
  private readonly leader: AdvisoryLeader;
  private readonly passes: SerialPass;
  private stopped = false;
  /** The next pass for a late window that closes later. */
  private lateTimer?: NodeJS.Timeout;

  constructor(
    @Inject(DATABASE_CONNECTION) db: OpenDatabase,
    private readonly changes: DatabaseChanges,
    private readonly rules: RevocationRulesRepository,
  ) {
    this.leader = new AdvisoryLeader(db, REVOCATION_JOB_LOCK_KEY, 'revocation job', this.logger, {
      onLead: () => this.run(),
      onLost: () => undefined,
    });
    this.passes = new SerialPass(
      () => this.markAll(),
      () => this.leader.leading && !this.stopped,
      (error) => this.logger.warn(`Marking revoked links failed (${error.message}); trying again`),
    );
  }

  onApplicationBootstrap(): void {
    this.changes.subscribe(this);
    this.leader.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.lateTimer);
    this.passes.cancelRetry();
    await Promise.allSettled([this.passes.current]);
    await this.leader.stop();
  }

  onChange(): void {
    this.run();
  }

  onListening(listening: boolean): void {
    if (listening) this.run();
  }

  /** A rule was recorded here: start now rather than when its notification comes back. */
  wake(): void {
    this.run();
  }

  private run(): void {
    this.passes.run();
  }

  private async markAll(): Promise<void> {
    for (const id of await this.rules.unfinished()) {
      let rule: RevocationRuleRecord | undefined;
      let batch = MARK_BATCH;
      do {
        if (this.stopped || !this.leader.leading) return;
        const started = performance.now();
        rule = await this.rules.markBatch(id, batch, finishedEvent);
        const tookMs = performance.now() - started;
        batch = nextBatch(batch, tookMs);
        await sleep(MARK_REST_PER_WORK * tookMs);
      } while (rule && !rule.finishedAt);
      if (rule) this.logger.log(`Revocation ${id} finished: ${rule.marked} links marked revoked`);
    }
    await this.markLate(new Date());
  }

  /** Marks the late links of the finished rules whose late window closed by `now`; a pass is due when the next one closes. */
  async markLate(now: Date): Promise<void> {
    for (const { id, from } of await this.rules.lateToMark()) {
      if (from > now) {
        clearTimeout(this.lateTimer);
        this.lateTimer = setTimeout(() => this.run(), from.getTime() - now.getTime());
        this.lateTimer.unref();
        return;
      }
      let next: Cursor | undefined | null = null;
      do {
        if (this.stopped || !this.leader.leading) return;
        next = await this.rules.markLateBatch(id, next, MARK_BATCH, now);
        await yieldToLoop();
      } while (next);
    }
  }
}

/** The next batch size after a batch of `batch` links took `tookMs`. */
export function nextBatch(batch: number, tookMs: number): number {
  if (tookMs > MARK_BATCH_SLOW_MS) return Math.max(MARK_BATCH_MIN, Math.floor(batch / 2));
  if (tookMs < MARK_BATCH_SLOW_MS / 4) return Math.min(MARK_BATCH, batch * 2);
  return batch;
}

/** The audit event of a finished bulk revocation: the request's own event has its id, this one the final count. */
function finishedEvent(rule: RevocationRuleRecord) {
  const { selection, revocation } = rule;
  return {
    actorType: 'admin' as const,
    actor: revocation.by.name,
    actorId: revocation.by.id,
    action: 'POST /api/v1/admin/links/revoke',
    objectType: 'links',
    objectId: rule.id,
    outcome: 'success' as const,
    statusCode: 200,
    requestId: null,
    clientIp: null,
    details: {
      revocation_id: rule.id,
      revoked: rule.marked,
      finished: true,
      filter: {
        camera_uuid: selection.cameraUuid,
        integration_id: selection.integrationId,
        user_id: selection.userId,
        issued_after: isoOrNull(selection.issuedFrom ?? null) ?? undefined,
        issued_before: isoOrNull(selection.issuedTo ?? null) ?? undefined,
        source: selection.source,
        kind: selection.kind,
        token_prefix: selection.tokenPrefix,
      },
    },
  };
}
