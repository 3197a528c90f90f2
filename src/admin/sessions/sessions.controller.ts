import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequiresRole } from '../../auth/admin-roles';
import { IdParamDto } from '../../common/id-params.dto';
import { ApiConflict, ApiNotFound } from '../../openapi/api-responses.decorator';
import { AdminApi } from '../admin-api.decorator';
import { ApiExportLimit, CsvExports, csvRows } from '../csv-export';
import {
  EndSessionDto,
  LinkSessionsQueryDto,
  mapSession,
  SESSION_CSV_COLUMNS,
  SessionDto,
  SessionPageDto,
  SessionsQueryDto,
} from './sessions.dto';
import { ALREADY_ENDED, AdminSessionsService } from './sessions.service';

@ApiTags('admin: sessions')
@AdminApi()
@Controller('api/v1/admin')
export class SessionsAdminController {
  constructor(
    private readonly sessions: AdminSessionsService,
    private readonly exports: CsvExports,
  ) {}

  @Get('sessions')
  @RequiresRole('auditor')
  @ApiOperation({
    summary: 'List viewing sessions',
    description:
      'Who watches (or watched) through which link, newest first, a page at a time (pass `next_cursor` as `cursor` for the next); `active=true` for who is watching now. ' +
      'For a CSV file use `GET /api/v1/admin/sessions.csv`.',
  })
  @ApiOkResponse({ type: SessionPageDto })
  async list(@Query() query: SessionsQueryDto): Promise<SessionPageDto> {
    const { data, nextCursor } = await this.sessions.list(query);
    return { data: data.map(mapSession), next_cursor: nextCursor };
  }

  @Get('sessions.csv')
  @RequiresRole('auditor')
  @ApiExportLimit()
  @ApiOperation({
    summary: 'Export viewing sessions as CSV',
    description:
      'Every session matching the filters (from `cursor` on, if given), newest first, as one streamed CSV file: the list without pages.',
  })
  @ApiOkResponse({
    description: 'The sessions, as a download.',
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          description: `A header row, then one row per session: ${Object.keys(SESSION_CSV_COLUMNS).join(', ')}.`,
        },
      },
    },
    headers: {
      'Content-Disposition': {
        required: true,
        description: '`attachment; filename="sessions.csv"`.',
        schema: { type: 'string' },
      },
    },
  })
  async export(@Query() query: SessionsQueryDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.exports.stream(
      res,
      'sessions.csv',
      csvRows(this.sessions.export(query), SESSION_CSV_COLUMNS, mapSession),
    );
  }

  @Get('links/:id/sessions')
  @RequiresRole('auditor')
  @ApiOperation({
    summary: "List a link's viewing sessions",
    description: 'Newest first, a page at a time, open and ended ones.',
  })
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
