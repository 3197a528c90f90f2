import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/integration-auth.guard';
import type { Principal } from '../auth/principal';
import { EXAMPLE_CAMERA } from '../common/chosen-id';
import { LinkEndpoint } from './link-endpoint.decorator';
import { requestOrigin } from './request-origin';
import { mapVideoLink, VideoLinkDto, VideoRequestDto } from './video.dto';
import { VideoService } from './video.service';

const DOCS = {
  summary: 'URLs to play live video, or the archive from a time',
  description:
    'Live video (`hls` or `rtsp`) of each camera, or its archive from `date`. With `archive_ranges: true`, each item also lists the archive the stream has.',
  body: VideoRequestDto,
  response: VideoLinkDto,
  examples: {
    live: {
      summary: 'Live HLS',
      value: { cameras: [{ uuid: EXAMPLE_CAMERA, stream_type: 'high' }], source: 'hls', ttl: 3600 },
    },
    archive: {
      summary: 'Archive from a time, with the archive ranges',
      value: {
        cameras: [{ uuid: EXAMPLE_CAMERA, date: '2000-01-01T00:00:00Z', archive_ranges: true }],
        source: 'hls',
        ttl: '600',
      },
    },
    rtsp: { summary: 'Live RTSP', value: { cameras: [{ uuid: EXAMPLE_CAMERA }], source: 'rtsp' } },
  },
};

@ApiTags('integration')
@Controller()
export class VideoController {
  constructor(private readonly videos: VideoService) {}

  @Post('api/v1/cameras/video')
  @LinkEndpoint(DOCS)
  async issue(
    @CurrentPrincipal() principal: Principal,
    @Body() body: VideoRequestDto,
    @Req() request: Request,
  ): Promise<VideoLinkDto[]> {
    return (await this.videos.issue(principal, body, requestOrigin(request))).map(mapVideoLink);
  }

  /** The same endpoint where the vendor's production documentation places it. */
  @Post('api/v1/billing/cameras/video')
  @LinkEndpoint({
    ...DOCS,
    summary: `${DOCS.summary} (at the vendor's billing path)`,
    description: `The same as \`POST /api/v1/cameras/video\`, at the path the vendor's production documentation gives. ${DOCS.description}`,
  })
  issueAtBillingPath(
    @CurrentPrincipal() principal: Principal,
    @Body() body: VideoRequestDto,
    @Req() request: Request,
  ): Promise<VideoLinkDto[]> {
    return this.issue(principal, body, request);
  }
}
