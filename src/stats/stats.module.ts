import { Global, Module } from '@nestjs/common';
import { HourlyStats } from './hourly-stats';
import { HourlyStatsRepository } from './hourly-stats.repository';

/** Global so that issuance and verification can count without depending on the console. */
@Global()
@Module({
  providers: [HourlyStats, HourlyStatsRepository],
  exports: [HourlyStats, HourlyStatsRepository],
})
export class StatsModule {}
