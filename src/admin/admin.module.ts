import { Module } from '@nestjs/common';
import { MediaServersController } from './media-servers/media-servers.controller';
import { MediaServersRepository } from './media-servers/media-servers.repository';
import { MediaServersService } from './media-servers/media-servers.service';

/** The admin API: everything an operator manages, under /api/v1/admin, behind ADMIN_TOKEN. */
@Module({
  controllers: [MediaServersController],
  providers: [MediaServersRepository, MediaServersService],
})
export class AdminModule {}
