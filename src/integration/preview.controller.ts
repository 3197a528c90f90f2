import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/integration-auth.guard';
import type { Principal } from '../auth/principal';
import { EXAMPLE_CAMERA } from '../common/chosen-id';
import { CameraLinkDto, mapCameraLink } from './camera-links.dto';
import { requestOrigin } from './request-origin';
import { LinkEndpoint } from './link-endpoint.decorator';
import { PreviewRequestDto } from './preview.dto';
import { PreviewService } from './preview.service';

@ApiTags('integration')
@Controller('api/v1/cameras')
export class PreviewController {
  constructor(private readonly previews: PreviewService) {}

  @Post('preview')
  @LinkEndpoint({
    summary: 'URLs to preview live and archive video from cameras',
    description:
      'A preview clip (`mp4`) or image (`jpg`) of each camera: live, or from `date` in the archive (moved to the archive start if earlier, and said in `move_to`).',
    body: PreviewRequestDto,
    response: CameraLinkDto,
    examples: {
      vendor: {
        summary: "The vendor's example",
        value: {
          cameras: [{ uuid: EXAMPLE_CAMERA, stream_type: 'high', date: '2000-01-01T00:00:00Z' }],
          source: 'mp4',
          ttl: '100',
        },
      },
      live: { summary: 'Live preview image', value: { cameras: [{ uuid: EXAMPLE_CAMERA }], source: 'jpg', ttl: 100 } },
    },
  })
  async issue(
    @CurrentPrincipal() principal: Principal,
    @Body() body: PreviewRequestDto,
    @Req() request: Request,
  ): Promise<CameraLinkDto[]> {
    return (await this.previews.issue(principal, body, requestOrigin(request))).map(mapCameraLink);
  }
}
