import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Redirect,
  Render,
  Req,
  Res,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AdminsService } from '../admin/admins/admins.service';
import { AuditEventsService } from '../admin/audit-events/audit-events.service';
import { AdminCamerasService } from '../admin/cameras/cameras.service';
import { AnnouncesItsChanges, ChangesHereInterceptor } from '../admin/changes-here.interceptor';
import { mapRevocation } from '../admin/revocations/revocations.dto';
import { IntegrationsService } from '../admin/integrations/integrations.service';
import { CsvExports } from '../admin/csv-export';
import { streamLinksCsv } from '../admin/links/links-csv';
import { LINK_STATUSES } from '../links/link-status';
import { AdminLinksService } from '../admin/links/links.service';
import { AdminSessionsService } from '../admin/sessions/sessions.service';
import { UsersService } from '../admin/users/users.service';
import { addAuditDetails, AuditInterceptor } from '../audit/audit.interceptor';
import { RequiresRole } from '../auth/admin-roles';
import { IdParamDto } from '../common/id-params.dto';
import { LINK_KINDS } from '../links/link-kind';
import { ConsoleAuthGuard, ConsoleSession } from './console-auth.guard';
import { ConsoleExceptionFilter } from './console-exception.filter';
import { filterOf, page, queryString } from './console-page';
import type { ConsoleSessionRecord } from './console-sessions.repository';
import {
  BulkRevokeFormDto,
  ConsoleAuditQueryDto,
  EndSessionFormDto,
  ConsoleLinksQueryDto,
  RevokeFormDto,
  toAuditQuery,
  toLinksQuery,
} from './console.dto';
import { OverviewService } from './overview.service';

const PAGE_SIZE = 50;
/** "Watching now" shows this many open sessions at most (the API lists them all). */
const WATCHING_MAX = 50;
/** Past this many cameras, users or integrations, a filter asks for the id instead of offering a list. */
export const FILTER_CHOICES_MAX = 200;

/**
 * The console's pages: another front of the admin API's services (links, audit events), as
 * server-rendered HTML that works with plain links and form posts. Changes are audited and
 * felt at once by this instance's caches, as the API's are.
 */
@ApiExcludeController()
@UseGuards(ConsoleAuthGuard)
@UseFilters(ConsoleExceptionFilter)
@UseInterceptors(AuditInterceptor, ChangesHereInterceptor)
@Controller('admin')
export class ConsoleController {
  constructor(
    private readonly overviews: OverviewService,
    private readonly links: AdminLinksService,
    private readonly sessions: AdminSessionsService,
    private readonly events: AuditEventsService,
    private readonly admins: AdminsService,
    private readonly cameras: AdminCamerasService,
    private readonly users: UsersService,
    private readonly integrations: IntegrationsService,
    private readonly exports: CsvExports,
  ) {}

  @Get()
  @RequiresRole('auditor')
  @Render('overview')
  async overview(@ConsoleSession() session: ConsoleSessionRecord): Promise<object> {
    const now = new Date();
    const [overview, watching] = await Promise.all([
      this.overviews.overview(now),
      this.sessions.watchingNow(undefined, WATCHING_MAX),
    ]);
    const { active, expired, revoked } = overview.counts;
    return page(session, 'overview', 'Overview', { overview, watching, firstRun: active + expired + revoked === 0 });
  }

  @Get('links')
  @RequiresRole('auditor')
  @Render('links')
  async list(@Query() form: ConsoleLinksQueryDto, @ConsoleSession() session: ConsoleSessionRecord): Promise<object> {
    const query = toLinksQuery(form);
    const [{ data, nextCursor }, choices] = await Promise.all([
      this.links.list({ ...query, limit: form.limit ?? PAGE_SIZE }, new Date()),
      this.choices(),
    ]);
    const filter = filterOf(form);
    return page(session, 'links', 'Links', {
      links: data,
      filter,
      choices,
      kinds: LINK_KINDS,
      statuses: LINK_STATUSES,
      revoked: form.revoked,
      nextPage: nextCursor && `/admin/links${queryString({ ...filter, cursor: nextCursor })}`,
      csvUrl: `/admin/links.csv${queryString(filter)}`,
      bulkRevokeUrl: `/admin/links/revoke${queryString({ ...filter, status: undefined })}`,
      canBulkRevoke: this.links.canRevokeSelection(query),
    });
  }

  @Get('links.csv')
  @RequiresRole('auditor')
  async csv(@Query() form: ConsoleLinksQueryDto, @Res() response: Response): Promise<void> {
    await streamLinksCsv(this.exports, this.links, toLinksQuery(form), new Date(), response);
  }

  @Get('links/revoke')
  @Render('bulk-revoke')
  async confirmBulkRevoke(
    @Query() form: ConsoleLinksQueryDto,
    @ConsoleSession() session: ConsoleSessionRecord,
  ): Promise<object> {
    const filter = { ...filterOf(form), status: undefined };
    const query = toLinksQuery(filter);
    const [count, choices] = await Promise.all([this.links.countRevocable(query, new Date()), this.choices()]);
    return page(session, 'links', 'Revoke links', {
      count,
      filter,
      issuedFrom: query.issued_from,
      issuedTo: query.issued_to,
      choices,
      back: `/admin/links${queryString(filter)}`,
    });
  }

  @Post('links/revoke')
  @HttpCode(303)
  @Redirect('/admin/links', 303)
  @AnnouncesItsChanges()
  async bulkRevoke(
    @Body() body: BulkRevokeFormDto,
    @ConsoleSession() session: ConsoleSessionRecord,
    @Req() request: Request,
  ): Promise<{ url: string }> {
    const { _csrf, reason, ...filter } = body;
    const outcome = await this.links.revokeSelection(toLinksQuery(filter), session.admin, reason || undefined);
    if ('revocation' in outcome) {
      addAuditDetails(request, { revocation_id: outcome.revocation.id, filter });
      return { url: `/admin/revocations/${outcome.revocation.id}` };
    }
    addAuditDetails(request, { revoked: outcome.count, filter });
    return { url: `/admin/links${queryString({ ...filter, revoked: outcome.count })}` };
  }

  /** A large bulk revocation: in force already, its rows being marked; the page reloads itself until done. */
  @Get('revocations/:id')
  @RequiresRole('auditor')
  @Render('revocation')
  async revocation(@Param() { id }: IdParamDto, @ConsoleSession() session: ConsoleSessionRecord): Promise<object> {
    const revocation = mapRevocation(await this.links.revocation(id));
    return page(session, 'links', 'Revocation', { revocation });
  }

  @Get('links/:id')
  @RequiresRole('auditor')
  @Render('link')
  async link(@Param() { id }: IdParamDto, @ConsoleSession() session: ConsoleSessionRecord): Promise<object> {
    const [link, watching] = await Promise.all([
      this.links.get(id, new Date()),
      this.sessions.watchingNow(id, WATCHING_MAX),
    ]);
    return page(session, 'links', `Link ${link.tokenPrefix}…`, { link, watching });
  }

  @Post('links/:id/revoke')
  @HttpCode(303)
  @Redirect('/admin/links', 303)
  @AnnouncesItsChanges()
  async revoke(
    @Param() { id }: IdParamDto,
    @Body() body: RevokeFormDto,
    @ConsoleSession() session: ConsoleSessionRecord,
  ): Promise<{ url: string }> {
    await this.links.revoke(id, session.admin, body.reason || undefined, new Date());
    return { url: `/admin/links/${id}` };
  }

  /** Ends one viewer's session (the reason is audited with the form), back to the page it was ended from. */
  @Post('sessions/:id/end')
  @HttpCode(303)
  @Redirect('/admin', 303)
  async endSession(@Param() { id }: IdParamDto, @Body() body: EndSessionFormDto): Promise<{ url: string }> {
    const ended = await this.sessions.end(id, new Date());
    return { url: body.from === 'link' ? `/admin/links/${ended.linkId}` : '/admin' };
  }

  @Get('audit-events')
  @RequiresRole('auditor')
  @Render('audit-events')
  async auditEvents(
    @Query() form: ConsoleAuditQueryDto,
    @ConsoleSession() session: ConsoleSessionRecord,
  ): Promise<object> {
    const [{ data, nextCursor }, admins] = await Promise.all([
      this.events.list({ ...toAuditQuery(form), limit: form.limit ?? PAGE_SIZE }),
      this.admins.list(),
    ]);
    const filter = filterOf(form);
    return page(session, 'audit', 'Audit events', {
      events: data,
      filter,
      admins,
      objectTypes: [
        'links',
        'sessions',
        'admins',
        'cameras',
        'media-servers',
        'users',
        'grants',
        'integrations',
        'sign-in',
        'sign-out',
      ],
      nextPage: nextCursor && `/admin/audit-events${queryString({ ...filter, cursor: nextCursor })}`,
    });
  }

  /**
   * What the links filter offers for cameras, users and integrations: their names while there
   * are at most FILTER_CHOICES_MAX of a kind, null beyond (the filter then takes an id).
   */
  private async choices() {
    const bounded = async (names: Promise<{ id: string; name: string }[]>) => {
      const rows = await names;
      return rows.length > FILTER_CHOICES_MAX ? null : rows;
    };
    const take = FILTER_CHOICES_MAX + 1;
    const [cameras, users, integrations] = await Promise.all([
      bounded(this.cameras.names(take)),
      bounded(this.users.names(take)),
      bounded(this.integrations.names(take)),
    ]);
    return { cameras, users, integrations };
  }
}
