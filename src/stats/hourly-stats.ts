import { Inject, Injectable } from '@nestjs/common';
import { PeriodicFlush } from '../common/periodic-flush';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG, Shutdown } from '../config/config.module';
import { type HourlyCount, HourlyStatsRepository } from './hourly-stats.repository';
import { HOUR_MS } from '../common/timestamps';

/** How many days of hourly counters the console's overview shows (and retention keeps, plus one). */
export const OVERVIEW_DAYS = 30;

/** The start of the hour `at` falls in. */
export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/**
 * Per-hour counts of what the console's overview charts (links issued, verification
 * decisions by outcome), kept in memory and added to hourly_stats with the usage flush's
 * interval: counting never waits on a write, and the overview never scans issued_links.
 */
@Injectable()
export class HourlyStats extends PeriodicFlush<HourlyCount> {
  private pending = new Map<string, HourlyCount>();

  constructor(
    private readonly repository: HourlyStatsRepository,
    @Inject(APP_CONFIG) config: AppConfig,
    shutdown: Shutdown,
  ) {
    super({ name: 'hourly-stats', intervalMs: config.verification.usageFlushMs, config, shutdown });
  }

  count(metric: string, by: number, at: Date): void {
    const hour = hourOf(at);
    const key = `${hour.getTime()}|${metric}`;
    const pending = this.pending.get(key);
    if (pending) pending.count += by;
    else this.pending.set(key, { hour, metric, count: by });
  }

  linksIssued(count: number, at: Date): void {
    this.count('issued', count, at);
  }

  /** `allowed`, or `refused:<reason>`. */
  decision(refusedBecause: string | null, at: Date): void {
    this.count(refusedBecause === null ? 'allowed' : `refused:${refusedBecause}`, 1, at);
  }

  protected take(): HourlyCount[] {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    return batch.sort(
      (a, b) => a.hour.getTime() - b.hour.getTime() || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0),
    );
  }

  protected write(batch: HourlyCount[], id: string): Promise<void> {
    return this.repository.add(batch, id);
  }
}
