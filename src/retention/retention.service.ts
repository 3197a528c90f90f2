import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditEventsRepository } from '../audit/audit-events.repository';
import { APPLIED_FLUSH_DAYS, AppliedFlushesRepository } from '../database/applied-flushes';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { IssuedLinksRepository } from '../links/issued-links.repository';
import { IssuedUnderEndsRepository } from '../links/issued-under-ends.repository';
import { LinkCountsRepository } from '../links/link-counts.repository';
import { earliestIssuedUnexpired, LATE_COMMIT_MS } from '../links/link-status';
import { RevocationRulesRepository } from '../links/revocation-rules.repository';
import { HourlyStatsRepository } from '../stats/hourly-stats.repository';
import { DAY_MS } from '../common/timestamps';
import { OVERVIEW_DAYS } from '../stats/hourly-stats';

/** Small enough that each DELETE holds its row locks for milliseconds. */
export const PURGE_BATCH_SIZE = 5000;
/**
 * How many days ahead issued_links has its day partitions: a week of instances that could not
 * reach the database, or of a retention job that failed, before links fall into the DEFAULT one.
 */
export const PARTITION_DAYS_AHEAD = 7;
/** Between batches, so that purging never crowds out requests for the database. */
const PAUSE_MS = 50;
/**
 * How long making or dropping a partition waits for its lock on issued_links: the queries that
 * come meanwhile (verification's) queue behind it, so this is the most it delays them. A query
 * or transaction holding the table for longer (a batch of revocations, an export) makes it try
 * again, LOCK_RETRY_FIRST_MS later and then twice as long each time up to LOCK_RETRY_MAX_MS, for
 * LOCK_TRIES tries (about 50 s) before the pass gives up until the next hour.
 */
const PARTITION_LOCK_WAIT_MS = 150;
const LOCK_TRIES = 11;
const LOCK_RETRY_FIRST_MS = 250;
const LOCK_RETRY_MAX_MS = 8_000;
/** The console's overview shows OVERVIEW_DAYS of hourly counters; older ones serve nothing. */
const HOURLY_STATS_DAYS = OVERVIEW_DAYS + 1;

export interface PurgeResult {
  links: number;
  /** Finished bulk revocations that no longer refuse any link. */
  revocationRules: number;
  /** Ends of what links were issued under, older than any unexpired link issued under them. */
  issuedUnderEnds: number;
  /** Buckets of the overview's counts whose links all expired, folded into one per day of issue. */
  linkCountBuckets: number;
  auditEvents: number;
  hourlyStats: number;
  appliedFlushes: number;
}

/**
 * Every hour: makes issued_links' day partitions PARTITION_DAYS_AHEAD days ahead (also at start),
 * drops the partitions whose links all expired longer than LINK_RETENTION_DAYS ago (links of days
 * without a partition are deleted in batches), the finished bulk revocations that no longer
 * refuse any link and the ends of what links were issued under that no listing needs, folds the
 * overview's counts of links that expired (link_counts), deletes audit events older than
 * AUDIT_RETENTION_DAYS in batches, the console's hourly counters older than it shows, and the ids
 * of counter batches no stop can retry any more. Every instance runs it: partitions are made and
 * dropped by one instance at a time, and batches skip rows another instance is deleting, so they
 * share the work instead of waiting on each other.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionService.name);
  private running = false;

  constructor(
    private readonly links: IssuedLinksRepository,
    private readonly linkCounts: LinkCountsRepository,
    private readonly revocationRules: RevocationRulesRepository,
    private readonly issuedUnderEnds: IssuedUnderEndsRepository,
    private readonly auditEvents: AuditEventsRepository,
    private readonly hourlyStats: HourlyStatsRepository,
    private readonly appliedFlushes: AppliedFlushesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Links issued from the first request on need today's partition (the DEFAULT one would take
   * them); the overview reads link_counts folded (links imported or left by a long stop would
   * have it read their every minute of expiry until the next hour).
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.createPartitions(new Date());
      await this.linkCounts.foldExpired(new Date());
    } catch (error) {
      this.logger.warn(
        `Could not make the partitions of issued_links or fold link_counts, will retry next hour: ${(error as Error).message}`,
      );
    }
  }

  /** From yesterday (an instance whose clock is behind) to PARTITION_DAYS_AHEAD days ahead. */
  createPartitions(now: Date): Promise<number> {
    return whenLockHad('Making partitions of issued_links', () =>
      this.links.createPartitions(
        new Date(now.getTime() - DAY_MS),
        new Date(now.getTime() + PARTITION_DAYS_AHEAD * DAY_MS),
        PARTITION_LOCK_WAIT_MS,
      ),
    );
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'retention' })
  async purgeOnSchedule(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.createPartitions(new Date());
      const purged = await this.purge(new Date());
      if (purged.links || purged.auditEvents)
        this.logger.log(`Purged ${purged.links} expired links and ${purged.auditEvents} audit events`);
    } catch (error) {
      this.logger.warn(`Retention purge failed, will retry next hour: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  async purge(now: Date, batchSize = PURGE_BATCH_SIZE): Promise<PurgeResult> {
    const { linkDays, auditDays } = this.config.retention;
    const cutoff = (days: number) => new Date(now.getTime() - days * DAY_MS);
    return {
      links: linkDays ? await this.purgeLinks(cutoff(linkDays), batchSize) : 0,
      revocationRules: linkDays ? await this.revocationRules.purgeFinishedBefore(cutoff(linkDays)) : 0,
      issuedUnderEnds: await this.issuedUnderEnds.purgeBefore(
        new Date(earliestIssuedUnexpired(now, this.config.links.ttlMax).getTime() - LATE_COMMIT_MS),
      ),
      linkCountBuckets: await this.linkCounts.foldExpired(now),
      auditEvents: auditDays
        ? await inBatches((size) => this.auditEvents.purgeOlderThan(cutoff(auditDays), size), batchSize)
        : 0,
      hourlyStats: await this.hourlyStats.purgeBefore(cutoff(HOURLY_STATS_DAYS)),
      appliedFlushes: await this.appliedFlushes.purgeBefore(cutoff(APPLIED_FLUSH_DAYS)),
    };
  }

  private async purgeLinks(cutoff: Date, batchSize: number): Promise<number> {
    let dropped = 0;
    for (const name of await this.links.partitionsEndedBefore(cutoff))
      dropped += await whenLockHad(`Dropping ${name}`, () =>
        this.links.dropPartitionIfExpired(name, cutoff, PARTITION_LOCK_WAIT_MS),
      );
    return dropped + (await inBatches((size) => this.links.purgeUnpartitionedExpiredBefore(cutoff, size), batchSize));
  }
}

/** Tries `attempt` until it had its lock (not null), as PARTITION_LOCK_WAIT_MS says. */
async function whenLockHad<T>(what: string, attempt: () => Promise<T | null>): Promise<T> {
  for (let tries = 1, delay = LOCK_RETRY_FIRST_MS; ; tries++, delay = Math.min(2 * delay, LOCK_RETRY_MAX_MS)) {
    const done = await attempt();
    if (done !== null) return done;
    if (tries === LOCK_TRIES) throw new Error(`${what}: issued_links stayed locked by other transactions`);
    await sleep(delay);
  }
}

async function inBatches(purgeBatch: (size: number) => Promise<number>, size: number): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await purgeBatch(size);
    total += deleted;
    if (deleted < size) return total;
    await sleep(PAUSE_MS);
  }
}
