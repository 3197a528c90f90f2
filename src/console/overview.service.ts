import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { hourOf, OVERVIEW_DAYS } from '../stats/hourly-stats';
import { type HourlyCount, HourlyStatsRepository } from '../stats/hourly-stats.repository';
import { type BarChart, barChart } from './charts';
import { LinkCountsRepository } from '../links/link-counts.repository';
import { OverviewRepository } from './overview.repository';
import { decisionInWords } from './refusal-reasons';
import { DAY_MS, HOUR_MS } from '../common/timestamps';

export interface Overview {
  issuedHourly: BarChart;
  decisionsHourly: BarChart;
  issuedDaily: BarChart;
  decisionsDaily: BarChart;
  counts: { active: number; expired: number; revoked: number };
  busiest: Busiest & { asOf: Date };
}

type Busiest = Awaited<ReturnType<OverviewRepository['busiest']>>;

/** What the console's first page shows: the hourly counters as charts, link counts, the busiest cameras and integrations. */
@Injectable()
export class OverviewService {
  /** The last ranking asked for (or being read): CONSOLE_BUSIEST_MAX_AGE_S. */
  private busiest?: { asOf: Date; ranking: Promise<Busiest> };

  constructor(
    private readonly stats: HourlyStatsRepository,
    private readonly repository: OverviewRepository,
    private readonly linkCounts: LinkCountsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async overview(now: Date): Promise<Overview> {
    const thisHour = hourOf(now);
    const today = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
    const hoursFrom = new Date(thisHour.getTime() - 23 * HOUR_MS);
    const daysFrom = new Date(today.getTime() - (OVERVIEW_DAYS - 1) * DAY_MS);
    const [counts, busiest, rows] = await Promise.all([
      this.linkCounts.countByState(now),
      this.busiestAsOf(now),
      this.stats.between(daysFrom, new Date(thisHour.getTime() + HOUR_MS)),
    ]);
    const hours = buckets(
      rows,
      hoursFrom,
      24,
      HOUR_MS,
      (at) => `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 13)}:00`,
      (at) => `${dayOf(at)} ${at.toISOString().slice(11, 13)}:00`,
    );
    const days = buckets(rows, daysFrom, OVERVIEW_DAYS, DAY_MS, (at) => at.toISOString().slice(0, 10), dayOf);
    const decisions = decisionSeries(rows);
    return {
      issuedHourly: barChart('Links issued per hour, last 24 hours (UTC)', hours, ['issued']),
      decisionsHourly: barChart(
        'Verification decisions per hour, last 24 hours (UTC)',
        hours,
        decisions,
        decisionInWords,
      ),
      issuedDaily: barChart('Links issued per day, last 30 days (UTC)', days, ['issued']),
      decisionsDaily: barChart('Verification decisions per day, last 30 days (UTC)', days, decisions, decisionInWords),
      counts,
      busiest,
    };
  }

  /**
   * The busiest cameras and integrations of the 24 hours before `now`, or of a moment at most
   * CONSOLE_BUSIEST_MAX_AGE_S earlier: the ranking reads every link of a day (twice some
   * 170,000 index entries at 10 M links), the rest of the overview a bounded number of rows.
   * Reloads of the page and several admins share one reading; a reading that failed is not kept.
   */
  private async busiestAsOf(now: Date): Promise<Busiest & { asOf: Date }> {
    const kept = this.busiest;
    if (kept && now.getTime() - kept.asOf.getTime() < this.config.console.busiestMaxAgeMs)
      return { ...(await kept.ranking), asOf: kept.asOf };
    const reading = { asOf: now, ranking: this.repository.busiest(new Date(now.getTime() - DAY_MS), 5) };
    this.busiest = reading;
    try {
      return { ...(await reading.ranking), asOf: now };
    } catch (error) {
      if (this.busiest === reading) this.busiest = undefined;
      throw error;
    }
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An axis's date: `Dec 7` (UTC, as the charts' titles say). */
function dayOf(at: Date): string {
  return `${MONTHS[at.getUTCMonth()]} ${at.getUTCDate()}`;
}

/** `allowed` first, then each refusal reason seen, by name. */
function decisionSeries(rows: HourlyCount[]): string[] {
  const refused = [...new Set(rows.map((row) => row.metric).filter((metric) => metric.startsWith('refused:')))].sort();
  return ['allowed', ...refused];
}

function buckets(
  rows: HourlyCount[],
  from: Date,
  count: number,
  size: number,
  label: (at: Date) => string,
  tick: (at: Date) => string,
) {
  const result = Array.from({ length: count }, (_, i) => {
    const at = new Date(from.getTime() + i * size);
    return { label: label(at), tick: tick(at), counts: {} as Record<string, number> };
  });
  for (const row of rows) {
    const bucket = result[Math.floor((row.hour.getTime() - from.getTime()) / size)];
    if (bucket) bucket.counts[row.metric] = (bucket.counts[row.metric] ?? 0) + row.count;
  }
  return result;
}
