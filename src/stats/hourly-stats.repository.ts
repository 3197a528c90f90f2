import { Injectable } from '@nestjs/common';
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

  /** Adds a batch of counts in one statement; instances add to the same rows in any order. */
  async add(counts: HourlyCount[]): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO hourly_stats (hour, metric, count)
      SELECT c.hour, c.metric, c.count FROM jsonb_to_recordset(${JSON.stringify(counts)}::jsonb) AS c(hour timestamptz, metric text, count int)
      ON CONFLICT (hour, metric) DO UPDATE SET count = hourly_stats.count + EXCLUDED.count`;
  }

  /** Every count of the hours in [from, to), by primary key order. */
  between(from: Date, to: Date): Promise<HourlyCount[]> {
    return this.prisma.hourlyStat.findMany({ where: { hour: { gte: from, lt: to } }, orderBy: [{ hour: 'asc' }, { metric: 'asc' }] });
  }

  /** Deletes the hours before `before`; returns how many rows went. A few rows an hour: one statement is enough. */
  purgeBefore(before: Date): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM hourly_stats WHERE hour < ${before}::timestamptz`;
  }
}
