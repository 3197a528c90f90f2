import { Body, Controller, Header, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentPrincipal, IntegrationAuthGuard } from '../auth/integration-auth.guard';
import type { Principal } from '../auth/principal';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto';
import { mapPreviewLink, PreviewLinkDto, PreviewRequestDto } from './preview.dto';
import { PreviewService } from './preview.service';

@ApiTags('cameras')
@ApiBearerAuth('integration')
@Controller('api/v1/cameras')
@UseGuards(IntegrationAuthGuard)
export class PreviewController {
  constructor(private readonly previews: PreviewService) {}

  @Post('preview')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'URLs to preview live and archive video from cameras',
    description: 'Issues one short-lived link per accessible camera, in request order. With `X-User-Token`, only that user\'s cameras get links.',
  })
  @ApiHeader({ name: 'X-User-Token', required: false, description: 'A user\'s integration token: act for that user (integration tokens only).' })
  @ApiBody({
    type: PreviewRequestDto,
    examples: {
      vendor: { summary: 'The vendor\'s example', value: { cameras: [{ uuid: '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11', stream_type: 'high', date: '2000-01-01T00:00:00Z' }], source: 'mp4', ttl: '100' } },
      live: { summary: 'Live preview image', value: { cameras: [{ uuid: '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11' }], source: 'jpg', ttl: 100 } },
    },
  })
  @ApiOkResponse({ type: [PreviewLinkDto], description: 'One link per accessible camera.' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Missing, unknown, expired or revoked token.' })
  @ApiUnprocessableEntityResponse({ type: ValidationErrorResponseDto, description: 'A field is invalid; `errors` names each one by its path.' })
  async preview(@CurrentPrincipal() principal: Principal, @Body() body: PreviewRequestDto, @Req() request: Request): Promise<PreviewLinkDto[]> {
    const results = await this.previews.issue(principal, body, { clientIp: request.ip, userAgent: request.get('user-agent') });
    return results.map(mapPreviewLink);
  }
}
