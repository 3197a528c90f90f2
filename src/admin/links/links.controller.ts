import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { ApiInvalid, ApiNotFound } from '../../openapi/api-responses.decorator';
import type { Response } from 'express';
import { AdminApi } from '../admin-api.decorator';
import { streamCsv } from '../csv-export';
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
    description: 'By camera, user, integration and/or issue time (at least one); each active match stops working at once, on every instance.',
  })
  @ApiInvalid({ filter: ['The filter field needs at least one of camera_uuid, user_id, integration_id or issued_before.'] })
  @ApiOkResponse({ type: RevokedCountDto })
  async revokeMatching(@Body() body: RevokeLinksDto, @AdminActor() actor: AdminIdentity): Promise<RevokedCountDto> {
    return { count: await this.links.revokeMatching(body, actor) };
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

/** Every link matching the query as a CSV download (the API's and the console's). */
export function streamLinksCsv(links: LinksAdminService, query: LinksQueryDto, now: Date, res: Response): Promise<void> {
  return streamCsv(res, 'links.csv', links.export(query, now), LINK_CSV_COLUMNS, (link) => flattenLink(mapLink(link)));
}
