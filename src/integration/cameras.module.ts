import { Module } from '@nestjs/common';
import { LinksModule } from '../links/links.module';
import { LinkRevocationController } from './link-revocation.controller';
import { LinkRevocationService } from './link-revocation.service';
import { ArchiveController } from './archive.controller';
import { ArchiveService } from './archive.service';
import { CameraLinksService } from './camera-links.service';
import { CamerasRepository } from './cameras.repository';
import { CameraCache, GrantCache, LinkableCameras } from './linkable-cameras';
import { PreviewController } from './preview.controller';
import { PreviewService } from './preview.service';
import { VideoController } from './video.controller';
import { VideoService } from './video.service';

/** The integration API: the vendor's link endpoints (previews, live and archive video, archive segments), and taking links back. */
@Module({
  imports: [LinksModule],
  controllers: [PreviewController, VideoController, ArchiveController, LinkRevocationController],
  providers: [
    LinkRevocationService,
    CamerasRepository,
    CameraCache,
    GrantCache,
    LinkableCameras,
    CameraLinksService,
    PreviewService,
    VideoService,
    ArchiveService,
  ],
})
export class CamerasModule {}
