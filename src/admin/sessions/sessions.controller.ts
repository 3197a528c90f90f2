import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { IdParamDto } from '../../common/id-params.dto';
import { ApiConflict, ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminApi } from '../admin-api.decorator';
import { streamCsv } from '../csv-export';
import { EndSessionDto, LinkSessionsQueryDto, mapSession, SESSION_CSV_COLUMNS, SessionDto, SessionPageDto, SessionsQueryDto } from './sessions.dto';
import { ALREADY_ENDED, AdminSessionsService } from './sessions.service';

@ApiTags('admin: sessions')
@AdminApi()
@Controller('api/v1/admin')
export class SessionsAdminController {
  constructor(private readonly sessions: AdminSessionsService) {}

  @Get('sessions')
  @ApiOperation({
    summary: 'List or export viewing sessions',
    description:
      'Who watches (or watched) through which link, newest first, a page at a time (pass `next_cursor` as `cursor` for the next); `active=true` for who is watching now. ' +
      'With `Accept: text/csv`, every matching session (from `cursor` on, if given) as one streamed CSV file instead.',
  })
  @ApiExtraModels(SessionPageDto)
  @ApiOkResponse({
    description: 'A page of sessions (JSON), or all of them (CSV).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(SessionPageDto) } },
      'text/csv': { schema: { type: 'string', description: `A header row, then one row per session: ${SESSION_CSV_COLUMNS.join(', ')}.` } },
    },
    headers: { 'Content-Disposition': { required: false, description: 'With text/csv: `attachment; filename="sessions.csv"`.', schema: { type: 'string' } } },
  })
  async list(
    @Query() query: SessionsQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionPageDto | void> {
    if (accept?.includes('text/csv')) return streamSessionsCsv(this.sessions, query, res);
    const { data, nextCursor } = await this.sessions.list(query);
    return { data: data.map(mapSession), next_cursor: nextCursor };
  }

  @Get('links/:id/sessions')
  @ApiTags('admin: links')
  @ApiOperation({ summary: "List a link's viewing sessions", description: 'Newest first, a page at a time, open and ended ones.' })
  @ApiNotFound('Link')
  @ApiOkResponse({ type: SessionPageDto })
  async listByLink(@Param() { id }: IdParamDto, @Query() query: LinkSessionsQueryDto): Promise<SessionPageDto> {
    const { data, nextCursor } = await this.sessions.listByLink(id, query);
    return { data: data.map(mapSession), next_cursor: nextCursor };
  }

  @Post('sessions/:id/end')
  @HttpCode(200)
  @ApiOperation({
    summary: "End one viewer's session",
    description:
      'Without revoking its link. A MediaMTX session is kicked on its media server (`kick_state` pending, then what came of it). nginx and Flussonic ' +
      'cannot be told to stop one viewer: they keep allowing the link, so a viewer who goes on watching appears as a new session (revoke the link to stop them).',
  })
  @ApiNotFound('Session')
  @ApiConflict('The session has already ended.', ALREADY_ENDED)
  @ApiOkResponse({ type: SessionDto, description: 'The session, ended.' })
  async end(@Param() { id }: IdParamDto, @Body() _body: EndSessionDto): Promise<SessionDto> {
    return mapSession(await this.sessions.end(id, new Date()));
  }
}

/** Every session matching the query as a CSV download (the API's, like the links' export). */
export function streamSessionsCsv(sessions: AdminSessionsService, query: SessionsQueryDto, res: Response): Promise<void> {
  return streamCsv(res, 'sessions.csv', sessions.export(query), SESSION_CSV_COLUMNS, mapSession);
}
