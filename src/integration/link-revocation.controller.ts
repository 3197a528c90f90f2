import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { actionOf } from '../audit/audit.interceptor';
import { WritesOwnAuditEvent } from '../audit/audited-actions';
import { CurrentPrincipal, IntegrationAuthGuard } from '../auth/integration-auth.guard';
import type { Principal } from '../auth/principal';
import { ApiInvalid } from '../openapi/api-responses.decorator';
import { OwnLinksRevokedDto, RevokeOwnLinksDto } from './link-revocation.dto';
import { LinkRevocationService } from './link-revocation.service';

@ApiTags('integration')
@Controller('api/v1/links')
export class LinkRevocationController {
  constructor(private readonly revocations: LinkRevocationService) {}

  @Post('revoke')
  @HttpCode(200)
  @UseGuards(IntegrationAuthGuard)
  @ApiBearerAuth('integration')
  @WritesOwnAuditEvent()
  @ApiOperation({
    summary: 'Revoke links the caller issued',
    description:
      'Takes back links by token or URL (a user signed out, a ticket closed): each stops working at once, on every instance, as when an admin revokes it. ' +
      "An integration token revokes its own links, its users' included (with `X-User-Token`, only that user's); a user token only the links it was issued itself. " +
      'All or nothing, audited as the caller. Links of anyone else are answered as not found and never revoked.',
  })
  @ApiHeader({
    name: 'X-User-Token',
    required: false,
    description: "A user's token (`clu_…`), with an integration token: only that user's links.",
  })
  @ApiOkResponse({ type: OwnLinksRevokedDto, description: 'Every link sent, in one of three lists.' })
  @ApiInvalid({ links: ['The links field must contain at least 1 link.'] })
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Body() body: RevokeOwnLinksDto,
    @Req() request: Request & { id?: string },
  ): Promise<OwnLinksRevokedDto> {
    return this.revocations.revoke(principal, body, {
      action: actionOf(request),
      requestId: request.id ?? null,
      clientIp: request.ip ?? null,
    });
  }
}
