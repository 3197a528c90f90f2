import { Inject, Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditEventsRepository } from '../audit/audit-events.repository';
import { APPLIED_FLUSH_DAYS, AppliedFlushesRepository } from '../database/applied-flushes';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { IssuedLinksRepository } from '../links/issued-links.repository';
import { HourlyStatsRepository } from '../stats/hourly-stats.repository';
import { DAY_MS } from '../common/timestamps';
import { OVERVIEW_DAYS } from '../stats/hourly-stats';

/** Small enough that each DELETE holds its row locks for milliseconds. */
export const PURGE_BATCH_SIZE = 5000;
/** Between batches, so that purging never crowds out requests for the database. */
const PAUSE_MS = 50;
/** The console's overview shows OVERVIEW_DAYS of hourly counters; older ones serve nothing. */
const HOURLY_STATS_DAYS = OVERVIEW_DAYS + 1;

export interface PurgeResult {
  links: number;
  auditEvents: number;
  hourlyStats: number;
  appliedFlushes: number;
}

/**
 * Deletes links expired longer than LINK_RETENTION_DAYS and audit events older than
 * AUDIT_RETENTION_DAYS, every hour, in batches, the console's hourly counters older than it
 * shows, and the ids of counter batches no stop can retry any more. Every instance runs it: batches skip rows
 * another instance is deleting, so they share the work instead of waiting on each other.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);
  private running = false;

  constructor(
    private readonly links: IssuedLinksRepository,
    private readonly auditEvents: AuditEventsRepository,
    private readonly hourlyStats: HourlyStatsRepository,
    private readonly appliedFlushes: AppliedFlushesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'retention' })
  async purgeOnSchedule(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
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
      links: linkDays ? await inBatches((size) => this.links.purgeExpiredBefore(cutoff(linkDays), size), batchSize) : 0,
      auditEvents: auditDays
        ? await inBatches((size) => this.auditEvents.purgeOlderThan(cutoff(auditDays), size), batchSize)
        : 0,
      hourlyStats: await this.hourlyStats.purgeBefore(cutoff(HOURLY_STATS_DAYS)),
      appliedFlushes: await this.appliedFlushes.purgeBefore(cutoff(APPLIED_FLUSH_DAYS)),
    };
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
