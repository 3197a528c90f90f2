import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '../../common/app-error';
import { type Cursor, fetchPage, inBatches, rowsEnd } from '../../common/cursor';
import { IssuedLinksRepository } from '../../links/issued-links.repository';
import {
  type SessionFilter,
  type ViewingSessionRecord,
  ViewingSessionsRepository,
} from '../../sessions/viewing-sessions.repository';
import type { SessionsQueryDto } from './sessions.dto';

const EXPORT_BATCH = 500;
export const ALREADY_ENDED = 'The session has already ended.';

/** Who is watching through which link, and ending one viewer's session without revoking the link. */
@Injectable()
export class AdminSessionsService {
  constructor(
    private readonly sessions: ViewingSessionsRepository,
    private readonly links: IssuedLinksRepository,
  ) {}

  list(query: SessionsQueryDto): Promise<{ data: ViewingSessionRecord[]; nextCursor: string | null }> {
    return fetchPage(query, (after, take) => this.sessions.list(toFilter(query), after, take), cursorOf);
  }

  /** A link's sessions, newest first; 404 for an unknown link (one without sessions has an empty page). */
  async listByLink(
    linkId: string,
    query: { limit?: number; cursor?: string },
  ): Promise<{ data: ViewingSessionRecord[]; nextCursor: string | null }> {
    if (!(await this.links.findById(linkId, new Date()))) throw AppError.notFound('Link');
    return fetchPage(query, (after, take) => this.sessions.listByLink(linkId, after, take), cursorOf);
  }

  /** Open sessions, newest first, of one link or all: the console's "Watching now". */
  watchingNow(linkId: string | undefined, limit: number): Promise<ViewingSessionRecord[]> {
    return this.sessions.list({ active: true, linkId }, undefined, limit);
  }

  /** Every matching session, a batch at a time, so an export never holds more than one batch. */
  export(query: SessionsQueryDto): AsyncGenerator<ViewingSessionRecord[]> {
    const filter = toFilter(query);
    return inBatches(
      query.cursor,
      EXPORT_BATCH,
      (after, take) => this.sessions.list(filter, after, take),
      rowsEnd(cursorOf),
    );
  }

  /**
   * Ends one viewer's session, its link untouched: a MediaMTX session is left for the kicker to
   * end on the media server; nginx and Flussonic keep allowing the link, so a viewer who goes on
   * watching shows up as a new session. 404 unknown, 409 already ended.
   */
  async end(id: string, now: Date): Promise<ViewingSessionRecord> {
    const ended = await this.sessions.markEnded([id], 'ended_by_admin', now);
    const session = await this.sessions.findById(id);
    if (!session) throw AppError.notFound('Session');
    if (!ended.length) throw new AppError(ErrorCode.Conflict, ALREADY_ENDED);
    return session;
  }
}

const cursorOf = (session: ViewingSessionRecord): Cursor => ({ at: session.startedAt, id: session.id });

function toFilter(query: SessionsQueryDto): SessionFilter {
  return {
    active: query.active === undefined ? undefined : query.active === 'true',
    cameraUuid: query.camera_uuid,
    integrationId: query.integration_id,
    userId: query.user_id,
    mediaServerId: query.media_server_id,
  };
}
