import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
import { addAuditDetails } from '../../audit/audit.interceptor';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { AdminApi } from '../admin-api.decorator';
import { AdminActor } from '../../auth/admin-auth.guard';
import { flattenLink, LINK_CSV_COLUMNS, LinkDto, LinkPageDto, LinksQueryDto, mapLink, RevokedCountDto, RevokeLinkDto, RevokeLinksDto } from './links.dto';
import { LinksAdminService } from './links.service';
import { IdParamDto } from '../../common/id-params.dto';

@ApiTags('admin: links')
@AdminApi()
@Controller('api/v1/admin/links')
export class LinksAdminController {
  constructor(private readonly links: LinksAdminService) {}

  @Get()
  @ApiOperation({
    summary: 'List or export issued links',
    description:
      'Links matching the filters, newest first, a page at a time (pass `next_cursor` as `cursor` for the next). ' +
      'With `Accept: text/csv`, every matching link (from `cursor` on, if given) as one streamed CSV file instead.',
  })
  @ApiExtraModels(LinkPageDto)
  @ApiOkResponse({
    description: 'A page of links (JSON), or all of them (CSV).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(LinkPageDto) } },
      'text/csv': { schema: { type: 'string', description: `A header row, then one row per link: ${LINK_CSV_COLUMNS.join(', ')}.` } },
    },
    headers: { 'Content-Disposition': { required: false, description: 'With text/csv: `attachment; filename="links.csv"`.', schema: { type: 'string' } } },
  })
  @ApiInvalid({ status: ['The status field must be one of: active, expired, revoked.'] })
  async list(
    @Query() query: LinksQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LinkPageDto | void> {
    const now = new Date();
    if (accept?.includes('text/csv')) return streamLinksCsv(this.links, query, now, res);
    const { data, nextCursor } = await this.links.list(query, now);
    return { data: data.map(mapLink), next_cursor: nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get an issued link', description: 'Who it was issued to, for what, its usage and whether it was revoked; never the token.' })
  @ApiNotFound('Link')
  @ApiOkResponse({ type: LinkDto })
  async get(@Param() { id }: IdParamDto): Promise<LinkDto> {
    return mapLink(await this.links.get(id, new Date()));
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke every link matching a filter',
    description:
      'By camera, user, integration and/or issue time; the filter must narrow: a camera, user or integration, or an issue window (`issued_after` to `issued_before`) no longer than LINK_TTL_MAX. Each active match stops working at once, on every instance.',
  })
  @ApiInvalid({
    filter: ['The filter field needs camera_uuid, user_id or integration_id, or issued_after and issued_before at most LINK_TTL_MAX (86400 s) apart.'],
  })
  @ApiOkResponse({ type: RevokedCountDto })
  async revokeMatching(@Body() body: RevokeLinksDto, @AdminActor() actor: AdminIdentity, @Req() request: Request): Promise<RevokedCountDto> {
    const count = await this.links.revokeMatching(body, actor);
    const { reason: _, ...filter } = body;
    addAuditDetails(request, { revoked: count, filter });
    return { count };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a link', description: 'It stops working at once, on every instance; the revocation (who, when, why) is kept.' })
  @ApiNotFound('Link')
  @ApiOkResponse({ type: LinkDto, description: 'The link, revoked (revoking twice keeps the first revocation).' })
  async revoke(@Param() { id }: IdParamDto, @Body() body: RevokeLinkDto, @AdminActor() actor: AdminIdentity): Promise<LinkDto> {
    return mapLink(await this.links.revoke(id, actor, body.reason, new Date()));
  }
}

/**
 * Every link matching the query as a CSV download (the API's and the console's). Streams batch
 * by batch with backpressure: an export of a month of links stays flat in memory.
 */
export async function streamLinksCsv(links: LinksAdminService, query: LinksQueryDto, now: Date, res: Response): Promise<void> {
  const batches = links.export(query, now);
  const first = await batches.next(); // a bad filter or cursor still gets a JSON error, before any CSV
  res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="links.csv"' });
  async function* rows() {
    for (let batch = first; !batch.done; batch = await batches.next()) {
      for (const link of batch.value) yield flattenLink(mapLink(link));
    }
  }
  // Cells carry text others chose (camera names, user agents, revoke reasons): one starting with
  // = + - @ tab or CR would run as a spreadsheet formula, so it gets a leading '.
  await pipeline(Readable.from(rows()), stringify({ header: true, columns: [...LINK_CSV_COLUMNS], escape_formulas: true }), res);
}
