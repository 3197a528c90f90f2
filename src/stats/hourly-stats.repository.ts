import { Injectable } from '@nestjs/common';
import { CLAIM_FLUSH } from '../database/applied-flushes';
import { PrismaService } from '../database/prisma.service';

export interface HourlyCount {
  hour: Date;
  metric: string;
  count: number;
}

/** The only code that touches hourly_stats. */
@Injectable()
export class HourlyStatsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Adds a batch of counts in one statement. Rows are written (and locked) in key order, so two
   * flushes adding to the same rows wait for each other instead of deadlocking. With a
   * `flushId`, the batch is added only the first time that id is written (CLAIM_FLUSH).
   */
  async add(counts: HourlyCount[], flushId: string | null = null): Promise<void> {
    await this.prisma.$executeRawUnsafe(
      `WITH ${CLAIM_FLUSH}
      INSERT INTO hourly_stats (hour, metric, count)
      SELECT c.hour, c.metric, c.count FROM jsonb_to_recordset($1::jsonb) AS c(hour timestamptz, metric text, count int)
       WHERE $2::uuid IS NULL OR EXISTS (SELECT 1 FROM claim)
       ORDER BY c.hour, c.metric
      ON CONFLICT (hour, metric) DO UPDATE SET count = hourly_stats.count + EXCLUDED.count`,
      JSON.stringify(counts),
      flushId,
    );
  }

  /** Every count of the hours in [from, to), by primary key order. */
  between(from: Date, to: Date): Promise<HourlyCount[]> {
    return this.prisma.hourlyStat.findMany({
      where: { hour: { gte: from, lt: to } },
      orderBy: [{ hour: 'asc' }, { metric: 'asc' }],
    });
  }

  /** Deletes the hours before `before`; returns how many rows went. A few rows an hour: one statement is enough. */
  purgeBefore(before: Date): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM hourly_stats WHERE hour < ${before}::timestamptz`;
  }
}
