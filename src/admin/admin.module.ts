import { Module } from '@nestjs/common';
import { LinksModule } from '../links/links.module';
import { SessionsModule } from '../sessions/sessions.module';
import { CsvExports } from './csv-export';
import { AdminsController } from './admins/admins.controller';
import { AdminsRepository } from './admins/admins.repository';
import { AdminsService } from './admins/admins.service';
import { AuditEventsController } from './audit-events/audit-events.controller';
import { AuditEventsService } from './audit-events/audit-events.service';
import { LinksAdminController } from './links/links.controller';
import { AdminLinksService } from './links/links.service';
import { SessionsAdminController } from './sessions/sessions.controller';
import { AdminSessionsService } from './sessions/sessions.service';
import { RevocationJob } from './revocations/revocation-job';
import { RevocationsAdminController } from './revocations/revocations.controller';
import { ArchiveRangesController } from './archive-ranges/archive-ranges.controller';
import { ArchiveRangesRepository } from './archive-ranges/archive-ranges.repository';
import { ArchiveRangesService } from './archive-ranges/archive-ranges.service';
import { CamerasController } from './cameras/cameras.controller';
import { AdminCamerasRepository } from './cameras/cameras.repository';
import { AdminCamerasService } from './cameras/cameras.service';
import { GrantsController } from './grants/grants.controller';
import { GrantsRepository } from './grants/grants.repository';
import { GrantsService } from './grants/grants.service';
import { IntegrationsController, IntegrationTokensController } from './integrations/integrations.controller';
import { IntegrationsRepository } from './integrations/integrations.repository';
import { IntegrationsService } from './integrations/integrations.service';
import { MediaServersController } from './media-servers/media-servers.controller';
import { MediaServersRepository } from './media-servers/media-servers.repository';
import { MediaServersService } from './media-servers/media-servers.service';
import { TokensRepository } from './tokens/tokens.repository';
import { TokensService } from './tokens/tokens.service';
import { UsersController, UserTokensController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/** The admin API: everything an operator manages, under /api/v1/admin, behind ADMIN_TOKEN. */
@Module({
  imports: [LinksModule, SessionsModule],
  controllers: [
    LinksAdminController,
    RevocationsAdminController,
    SessionsAdminController,
    AdminsController,
    AuditEventsController,
    MediaServersController,
    CamerasController,
    ArchiveRangesController,
    UsersController,
    UserTokensController,
    GrantsController,
    IntegrationsController,
    IntegrationTokensController,
  ],
  providers: [
    MediaServersRepository,
    MediaServersService,
    AdminCamerasRepository,
    AdminCamerasService,
    ArchiveRangesRepository,
    ArchiveRangesService,
    UsersRepository,
    UsersService,
    TokensRepository,
    TokensService,
    GrantsRepository,
    GrantsService,
    IntegrationsRepository,
    IntegrationsService,
    AdminLinksService,
    RevocationJob,
    AdminSessionsService,
    AdminsRepository,
    AdminsService,
    AuditEventsService,
    CsvExports,
  ],
  // The console (src/console) is another front of the same services.
  exports: [
    CsvExports,
    AdminLinksService,
    AdminSessionsService,
    AuditEventsService,
    AdminsService,
    AdminCamerasService,
    UsersService,
    IntegrationsService,
  ],
})
export class AdminModule {}
