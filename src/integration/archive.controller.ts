import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/integration-auth.guard';
import type { Principal } from '../auth/principal';
import { EXAMPLE_CAMERA } from '../common/chosen-id';
import { CameraLinkDto, mapCameraLink } from './camera-links.dto';
import { ArchiveRequestDto } from './archive.dto';
import { ArchiveService } from './archive.service';
import { LinkEndpoint } from './link-endpoint.decorator';
import { requestOrigin } from './request-origin';

@ApiTags('integration')
@Controller('api/v1/cameras')
export class ArchiveController {
  constructor(private readonly archives: ArchiveService) {}

  @Post('archive')
  @LinkEndpoint({
    summary: 'URLs to an archive segment',
    description:
      'An HLS playlist of the recorded segment `from`–`to` of each camera (at most ARCHIVE_SEGMENT_MAX_SECONDS long).',
    body: ArchiveRequestDto,
    response: CameraLinkDto,
    examples: {
      segment: {
        summary: 'One hour of archive',
        value: {
          cameras: [
            { uuid: EXAMPLE_CAMERA, stream_type: 'high', from: '2000-01-01T00:00:00Z', to: '2000-01-01T01:00:00Z' },
          ],
          source: 'hls',
          ttl: 600,
        },
      },
    },
  })
  async issue(
    @CurrentPrincipal() principal: Principal,
    @Body() body: ArchiveRequestDto,
    @Req() request: Request,
  ): Promise<CameraLinkDto[]> {
    return (await this.archives.issue(principal, body, requestOrigin(request))).map(mapCameraLink);
  }
}
