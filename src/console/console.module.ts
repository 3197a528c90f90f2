import { Module } from '@nestjs/common';
import { LinksModule } from '../links/links.module';
import { AdminModule } from '../admin/admin.module';
import { ConsoleAuthGuard } from './console-auth.guard';
import { ConsoleSessionsRepository } from './console-sessions.repository';
import { ConsoleSessionsService } from './console-sessions.service';
import { ConsoleSignInController } from './console-sign-in.controller';
import { ConsoleController } from './console.controller';
import { LandingController } from './landing.controller';
import { OverviewRepository } from './overview.repository';
import { OverviewService } from './overview.service';

/** The admin console at /admin: server-rendered pages over the admin API's services; and the landing page at /. */
@Module({
  imports: [AdminModule, LinksModule],
  controllers: [ConsoleSignInController, ConsoleController, LandingController],
  providers: [ConsoleSessionsRepository, ConsoleSessionsService, ConsoleAuthGuard, OverviewRepository, OverviewService],
})
export class ConsoleModule {}
