import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
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
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: LinkPageDto, description: 'Newest first. With `Accept: text/csv`, every matching link as a streamed CSV file instead.' })
  async list(
    @Query() query: LinksQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LinkPageDto | void> {
    const now = new Date();
    if (accept?.includes('text/csv')) return this.streamCsv(query, now, res);
    const { data, nextCursor } = await this.links.list(query, now);
    return { data: data.map((link) => mapLink(link, now)), next_cursor: nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: LinkDto })
  async get(@Param() { id }: IdParamDto): Promise<LinkDto> {
    return mapLink(await this.links.get(id), new Date());
  }

  @Post('revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: RevokedCountDto })
  async revokeMatching(@Body() body: RevokeLinksDto, @AdminActor() actor: string): Promise<RevokedCountDto> {
    return { count: await this.links.revokeMatching(body, actor) };
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOkResponse({ type: LinkDto, description: 'The link, revoked (revoking twice keeps the first revocation).' })
  async revoke(@Param() { id }: IdParamDto, @Body() body: RevokeLinkDto, @AdminActor() actor: string): Promise<LinkDto> {
    return mapLink(await this.links.revoke(id, actor, body.reason), new Date());
  }

  /** Streams batch by batch with backpressure: an export of a month of links stays flat in memory. */
  private async streamCsv(query: LinksQueryDto, now: Date, res: Response): Promise<void> {
    const batches = this.links.export(query, now);
    const first = await batches.next(); // a bad filter or cursor still gets a JSON error, before any CSV
    res.status(200).set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="links.csv"' });
    async function* rows() {
      for (let batch = first; !batch.done; batch = await batches.next()) {
        for (const link of batch.value) yield flattenLink(mapLink(link, now));
      }
    }
    await pipeline(Readable.from(rows()), stringify({ header: true, columns: [...LINK_CSV_COLUMNS] }), res);
  }
}
