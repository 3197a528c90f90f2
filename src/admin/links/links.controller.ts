import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
import { addAuditDetails } from '../../audit/audit.interceptor';
import type { Request, Response } from 'express';
import { AdminApi } from '../admin-api.decorator';
import { AnnouncesItsChanges } from '../changes-here.interceptor';
import { AdminActor } from '../../auth/admin-auth.guard';
import { RequiresRole } from '../../auth/admin-roles';
import {
  LinkDto,
  LinkPageDto,
  LinksExportQueryDto,
  LinksQueryDto,
  mapLink,
  RevokedCountDto,
  RevokeLinkDto,
  RevokeLinksDto,
} from './links.dto';
import { ApiExportLimit, CsvExports } from '../csv-export';
import { LINK_CSV_COLUMNS, streamLinksCsv } from './links-csv';
import { AdminLinksService, REVOKE_AT_ONCE_MAX } from './links.service';
import { mapRevocation, RevocationDto } from '../revocations/revocations.dto';
import { IdParamDto } from '../../common/id-params.dto';

@ApiTags('admin: links')
@AdminApi()
// One prefix for `links` and `links.csv`: a CSV export is its own operation, not a second type of the list's 200.
@Controller('api/v1/admin')
export class LinksAdminController {
  constructor(
    private readonly links: AdminLinksService,
    private readonly exports: CsvExports,
  ) {}

  @Get('links')
  @RequiresRole('auditor')
  @ApiExportLimit()
  @ApiOperation({
    summary: 'List issued links',
    description:
      'Links matching the filters, newest first, a page at a time (pass `next_cursor` as `cursor` for the next). ' +
      'For a CSV file use `GET /api/v1/admin/links.csv`. (Deprecated, kept for existing callers: this route still answers ' +
      '`Accept: text/csv` with that file.)',
  })
  @ApiOkResponse({ type: LinkPageDto })
  @ApiInvalid({ status: ['The status field must be one of: active, expired, revoked.'] })
  async list(
    @Query() query: LinksQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LinkPageDto | void> {
    const now = new Date();
    if (accept?.includes('text/csv')) return streamLinksCsv(this.exports, this.links, query, now, res);
    const { data, nextCursor } = await this.links.list(query, now);
    return { data: data.map(mapLink), next_cursor: nextCursor };
  }

  @Get('links.csv')
  @RequiresRole('auditor')
  @ApiExportLimit()
  @ApiOperation({
    summary: 'Export issued links as CSV',
    description:
      'Every link matching the filters (from `cursor` on, if given), newest first, as one streamed CSV file: the list without pages.',
  })
  @ApiOkResponse({
    description: 'The links, as a download.',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          description: `A header row, then one row per link: ${Object.keys(LINK_CSV_COLUMNS).join(', ')}.`,
        },
      },
    },
    headers: {
      'Content-Disposition': {
        required: true,
        description: '`attachment; filename="links.csv"`.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiInvalid({ status: ['The status field must be one of: active, expired, revoked.'] })
  async export(@Query() query: LinksExportQueryDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await streamLinksCsv(this.exports, this.links, query, new Date(), res);
  }

  @Get('links/:id')
  @RequiresRole('auditor')
  @ApiOperation({
    summary: 'Get an issued link',
    description: 'Who it was issued to, for what, its usage and whether it was revoked; never the token.',
  })
  @ApiNotFound('Link')
  @ApiOkResponse({ type: LinkDto })
  async get(@Param() { id }: IdParamDto): Promise<LinkDto> {
    return mapLink(await this.links.get(id, new Date()));
  }

  @Post('links/revoke')
  @HttpCode(200)
  @AnnouncesItsChanges()
  @ApiOperation({
    summary: 'Revoke every link matching a filter',
    description:
      'By camera, user, integration, issue time, source, kind and/or token prefix (as the listing filters); the filter must narrow: a camera, user or integration, a `token_prefix` of at least 8 characters, or an issue window (`issued_after` to `issued_before`) no longer than LINK_TTL_MAX. Each active match stops working at once, on every instance: ' +
      `up to ${REVOKE_AT_ONCE_MAX} in this request (200), more by a revocation in force at once whose rows are marked in batches after the answer (202).`,
  })
  @ApiInvalid({
    filter: [
      'The filter field needs camera_uuid, user_id or integration_id, a token_prefix of at least 8 characters, or issued_after and issued_before at most LINK_TTL_MAX (86400 s) apart.',
    ],
  })
  @ApiOkResponse({
    type: RevokedCountDto,
    description: `At most ${REVOKE_AT_ONCE_MAX} links matched: revoked, and how many.`,
  })
  @ApiAcceptedResponse({
    type: RevocationDto,
    description:
      `More than ${REVOKE_AT_ONCE_MAX} links matched: every one is refused from this answer on, on every instance, and listed as revoked; ` +
      'their rows are marked in batches. `GET /api/v1/admin/revocations/{id}` tells the progress and, once done, the count.',
  })
  async revokeMatching(
    @Body() body: RevokeLinksDto,
    @AdminActor() actor: AdminIdentity,
    @Req() request: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RevokedCountDto | RevocationDto> {
    const outcome = await this.links.revokeMatching(body, actor);
    const { reason: _, ...filter } = body;
    if ('count' in outcome) {
      addAuditDetails(request, { revoked: outcome.count, filter });
      return { count: outcome.count };
    }
    // The final count goes into an audit event of its own when the last row is marked.
    addAuditDetails(request, { revocation_id: outcome.revocation.id, filter });
    res.status(202);
    return mapRevocation(outcome.revocation);
  }

  @Post('links/:id/revoke')
  @HttpCode(200)
  @AnnouncesItsChanges()
  @ApiOperation({
    summary: 'Revoke a link',
    description: 'It stops working at once, on every instance; the revocation (who, when, why) is kept.',
  })
  @ApiNotFound('Link')
  @ApiOkResponse({ type: LinkDto, description: 'The link, revoked (revoking twice keeps the first revocation).' })
  async revoke(
    @Param() { id }: IdParamDto,
    @Body() body: RevokeLinkDto,
    @AdminActor() actor: AdminIdentity,
  ): Promise<LinkDto> {
    return mapLink(await this.links.revoke(id, actor, body.reason, new Date()));
  }
}
