import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LinksModule } from '../links/links.module';
import { StatsModule } from '../stats/stats.module';
import { RetentionService } from './retention.service';

@Module({
  imports: [ScheduleModule.forRoot(), LinksModule, StatsModule],
  providers: [RetentionService],
})
export class RetentionModule {}
