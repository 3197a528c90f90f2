import { Inject, Injectable } from '@nestjs/common';
import type { Cursor } from '../common/cursor';
import type { NamedStatement } from '../database/direct-sql';
import type { OpenDatabase } from '../database/open-database';
import { DATABASE_CONNECTION, PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import type { EndReason, KickState, MediaServerKind } from './viewing-session';

/** What one instance saw of one session since its last flush (SessionRecorder). */
export interface SessionSighting {
  /**
   * The row's id for a session the media server does not name (chosen in memory by the
   * recorder, so later sightings update the same row); unused for named ones.
   */
  id: string;
  linkId: string;
  /** The link's issue time: with it, the batch finds the link in its one partition of issued_links. */
  linkIssuedAt: Date;
  mediaServerId: string;
  mediaServerKind: MediaServerKind;
  /** MediaMTX's `id`, Flussonic's `session_id`; null: the session is the link and the viewer's address. */
  mediaServerSessionId: string | null;
  protocol: string;
  viewerIp: string | null;
  userAgent: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** A session as the admin API shows it, with what its link was issued for. */
export interface ViewingSessionRecord {
  id: string;
  linkId: string;
  cameraUuid: string;
  userId: string | null;
  integrationId: string | null;
  mediaServerId: string | null;
  mediaServerKind: MediaServerKind;
  mediaServerSessionId: string | null;
  protocol: string;
  viewerIp: string | null;
  userAgent: string | null;
  startedAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
  endReason: EndReason | null;
  kickState: KickState | null;
  kickAttempts: number;
  kickedAt: Date | null;
  kickError: string | null;
}

/** An open session, as the kicker re-decides it. */
export interface OpenSession {
  id: string;
  linkId: string;
  mediaServerId: string | null;
  mediaServerKind: MediaServerKind;
  mediaServerSessionId: string | null;
  protocol: string;
  startedAt: Date;
  kickState: KickState | null;
  kickAttempts: number;
}

/** An ended MediaMTX session still to be kicked, with where its media server's control API is. */
export interface PendingKick {
  id: string;
  mediaServerId: string | null;
  mediaServerSessionId: string;
  protocol: string;
  endedAt: Date;
  kickAttempts: number;
  controlApiUrl: string | null;
  controlApiUsername: string | null;
  controlApiPassword: string | null;
}

export interface SessionFilter {
  /** true: only sessions that have not ended; false: only ended ones. */
  active?: boolean;
  linkId?: string;
  cameraUuid?: string;
  integrationId?: string;
  userId?: string;
  mediaServerId?: string;
}

/** How long a session may go unseen before it counts as ended (`idle`), by how it is known. */
export interface IdleCutoffs {
  /** Sessions without a media-server id (nginx, MediaMTX playback): last seen before this. */
  unnamed: Date;
  /** Flussonic's: it asks again within X-AuthDuration while the viewer plays. */
  flussonic: Date;
  /** MediaMTX's: it asks once per session, so only a long bound tells. */
  mediamtx: Date;
}

/** The longest kick error kept: a media server's answer is not ours to store whole. */
export const KICK_ERROR_MAX = 500;

/**
 * A batch of sightings in one statement. Named sessions upsert on the one open row per media
 * server and session id; a sighting no later than an end already recorded for that session id is
 * old news (seen before an admin ended it, flushed after) and dropped, while a later one starts a
 * new row. Unnamed sessions upsert by the recorder's id and are never reopened: the ids of those
 * found ended come back, so the recorder starts new ones.
 */
export const RECORD_SIGHTINGS: NamedStatement = {
  name: 'camlinks_record_sessions',
  text: `
    WITH given AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS g(id uuid, "linkId" uuid, "linkIssuedAt" timestamptz, "mediaServerId" uuid, "mediaServerKind" text,
             "mediaServerSessionId" text, protocol text, "viewerIp" text, "userAgent" text, "firstSeenAt" timestamptz, "lastSeenAt" timestamptz)
    ), dated AS MATERIALIZED (
      -- A batch spooled by a version before partitioning has no issue times: those are looked up.
      SELECT g.*, COALESCE(g."linkIssuedAt", (SELECT l.issued_at FROM issued_links l WHERE l.id = g."linkId" LIMIT 1)) AS "issuedAt"
        FROM given g
    ), v AS (
      -- A link deleted since (retention, a test's cleanup) takes its sightings with it, and a
      -- media server deleted since leaves them without one, as the foreign keys would have:
      -- otherwise one such sighting would fail every later flush of the batch it is in.
      SELECT g.id, g."linkId", m.id AS "mediaServerId", g."mediaServerKind", g."mediaServerSessionId", g.protocol,
             g."viewerIp", g."userAgent", g."firstSeenAt", g."lastSeenAt"
        FROM dated g JOIN issued_links l ON l.id = g."linkId" AND l.issued_at = g."issuedAt" LEFT JOIN media_servers m ON m.id = g."mediaServerId"
    ), named AS (
      INSERT INTO viewing_sessions AS s (id, link_id, media_server_id, media_server_kind, media_server_session_id, protocol, viewer_ip, user_agent, started_at, last_seen_at)
      SELECT gen_random_uuid(), v."linkId", v."mediaServerId", v."mediaServerKind", v."mediaServerSessionId", v.protocol, v."viewerIp", v."userAgent", v."firstSeenAt", v."lastSeenAt"
        FROM v
       WHERE v."mediaServerSessionId" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM viewing_sessions e
                          WHERE e.link_id = v."linkId" AND e.media_server_id = v."mediaServerId" AND e.media_server_session_id = v."mediaServerSessionId"
                            AND e.ended_at >= v."lastSeenAt")
      ON CONFLICT (media_server_id, media_server_session_id) WHERE media_server_session_id IS NOT NULL AND ended_at IS NULL
      DO UPDATE SET last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at), started_at = LEAST(s.started_at, EXCLUDED.started_at),
                    viewer_ip = COALESCE(EXCLUDED.viewer_ip, s.viewer_ip), user_agent = COALESCE(EXCLUDED.user_agent, s.user_agent)
       WHERE s.link_id = EXCLUDED.link_id
    ), unnamed AS (
      INSERT INTO viewing_sessions AS s (id, link_id, media_server_id, media_server_kind, protocol, viewer_ip, user_agent, started_at, last_seen_at)
      SELECT v.id, v."linkId", v."mediaServerId", v."mediaServerKind", v.protocol, v."viewerIp", v."userAgent", v."firstSeenAt", v."lastSeenAt"
        FROM v WHERE v."mediaServerSessionId" IS NULL
      ON CONFLICT (id) DO UPDATE SET last_seen_at = GREATEST(s.last_seen_at, EXCLUDED.last_seen_at), user_agent = COALESCE(s.user_agent, EXCLUDED.user_agent)
       WHERE s.ended_at IS NULL
      RETURNING s.id
    )
    SELECT g.id FROM given g WHERE g."mediaServerSessionId" IS NULL AND g.id NOT IN (SELECT id FROM unnamed)`,
};

const RECORD = Prisma.sql`
  s.id, s.link_id AS "linkId", l.camera_uuid AS "cameraUuid", l.user_id AS "userId", l.integration_id AS "integrationId",
  s.media_server_id AS "mediaServerId", s.media_server_kind AS "mediaServerKind", s.media_server_session_id AS "mediaServerSessionId",
  s.protocol, s.viewer_ip AS "viewerIp", s.user_agent AS "userAgent", s.started_at AS "startedAt", s.last_seen_at AS "lastSeenAt",
  s.ended_at AS "endedAt", s.end_reason AS "endReason", s.kick_state AS "kickState", s.kick_attempts AS "kickAttempts",
  s.kicked_at AS "kickedAt", s.kick_error AS "kickError"`;

/** The only code that reads or writes viewing_sessions. */
@Injectable()
export class ViewingSessionsRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase,
  ) {}

  /**
   * Records a flush's sightings in one statement (through the driver, like the usage flush);
   * returns the ids of unnamed sessions that had ended meanwhile (idle, or ended by an admin).
   */
  async recordBatch(sightings: SessionSighting[]): Promise<string[]> {
    if (!sightings.length) return [];
    const rows = await this.db.sql.query<{ id: string }>(RECORD_SIGHTINGS, [JSON.stringify(sightings)]);
    return rows.map((row) => row.id);
  }

  /** Every open session with its link: as many as there are viewers. */
  listOpen(): Promise<OpenSession[]> {
    return this.prisma.$queryRaw<OpenSession[]>`
      SELECT id, link_id AS "linkId", media_server_id AS "mediaServerId", media_server_kind AS "mediaServerKind",
             media_server_session_id AS "mediaServerSessionId", protocol, started_at AS "startedAt", kick_state AS "kickState", kick_attempts AS "kickAttempts"
        FROM viewing_sessions WHERE ended_at IS NULL ORDER BY started_at, id`;
  }

  /**
   * Ends the given sessions that are still open, for `reason`; those MediaMTX named are left
   * `pending` for the kicker (the others cannot be kicked: nginx is refused at its next request,
   * Flussonic at its next re-check). Returns the ids it ended.
   */
  async markEnded(ids: string[], reason: EndReason, at: Date): Promise<string[]> {
    if (!ids.length) return [];
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      UPDATE viewing_sessions SET ended_at = ${at}::timestamptz, end_reason = ${reason},
             kick_state = CASE WHEN media_server_kind = 'mediamtx' AND media_server_session_id IS NOT NULL THEN 'pending' END
       WHERE id = ANY(${ids}::uuid[]) AND ended_at IS NULL
      RETURNING id`;
    return rows.map((row) => row.id);
  }

  /** Closes sessions unseen for longer than their kind allows, as ended when last seen; returns how many. */
  closeIdle(cutoffs: IdleCutoffs): Promise<number> {
    return this.prisma.$executeRaw`
      UPDATE viewing_sessions SET ended_at = last_seen_at, end_reason = 'idle'
       WHERE ended_at IS NULL AND last_seen_at < CASE
         WHEN media_server_session_id IS NULL THEN ${cutoffs.unnamed}::timestamptz
         WHEN media_server_kind = 'flussonic' THEN ${cutoffs.flussonic}::timestamptz
         ELSE ${cutoffs.mediamtx}::timestamptz END`;
  }

  /** What a kick attempt came to; the error (bounded) only when it failed. */
  async recordKickOutcome(id: string, state: KickState, at: Date, error: string | null = null): Promise<void> {
    await this.prisma.viewingSession.update({
      where: { id },
      data: {
        kickState: state,
        kickAttempts: { increment: 1 },
        kickedAt: state === 'done' || state === 'gone' ? at : undefined,
        kickError: error === null ? null : error.slice(0, KICK_ERROR_MAX),
      },
    });
  }

  /** Sessions left `pending` for the kicker (ended by it or by an admin), oldest end first. */
  listPendingKicks(): Promise<PendingKick[]> {
    return this.prisma.$queryRaw<PendingKick[]>`
      SELECT s.id, s.media_server_id AS "mediaServerId", s.media_server_session_id AS "mediaServerSessionId", s.protocol,
             s.ended_at AS "endedAt", s.kick_attempts AS "kickAttempts", m.control_api_url AS "controlApiUrl",
             m.control_api_username AS "controlApiUsername", m.control_api_password AS "controlApiPassword"
        FROM viewing_sessions s LEFT JOIN media_servers m ON m.id = s.media_server_id
       WHERE s.kick_state = 'pending' ORDER BY s.ended_at, s.id`;
  }

  async findById(id: string): Promise<ViewingSessionRecord | undefined> {
    const rows = await this.prisma.$queryRaw<ViewingSessionRecord[]>`
      SELECT ${RECORD} FROM viewing_sessions s JOIN issued_links l ON l.id = s.link_id WHERE s.id = ${id}::uuid`;
    return rows[0];
  }

  /** A link's sessions, newest first, after `cursor`; `take` rows at most. */
  listByLink(linkId: string, cursor: Cursor | undefined, take: number): Promise<ViewingSessionRecord[]> {
    return this.list({ linkId }, cursor, take);
  }

  /** Newest first, after `cursor`; `take` rows at most. */
  list(filter: SessionFilter, cursor: Cursor | undefined, take: number): Promise<ViewingSessionRecord[]> {
    const conditions = [Prisma.sql`TRUE`];
    if (filter.active !== undefined)
      conditions.push(filter.active ? Prisma.sql`s.ended_at IS NULL` : Prisma.sql`s.ended_at IS NOT NULL`);
    if (filter.linkId) conditions.push(Prisma.sql`s.link_id = ${filter.linkId}::uuid`);
    if (filter.cameraUuid) conditions.push(Prisma.sql`l.camera_uuid = ${filter.cameraUuid}::uuid`);
    if (filter.integrationId) conditions.push(Prisma.sql`l.integration_id = ${filter.integrationId}::uuid`);
    if (filter.userId) conditions.push(Prisma.sql`l.user_id = ${filter.userId}::uuid`);
    if (filter.mediaServerId) conditions.push(Prisma.sql`s.media_server_id = ${filter.mediaServerId}::uuid`);
    if (cursor) conditions.push(Prisma.sql`(s.started_at, s.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
    return this.prisma.$queryRaw<ViewingSessionRecord[]>`
      SELECT ${RECORD} FROM viewing_sessions s JOIN issued_links l ON l.id = s.link_id
       WHERE ${Prisma.join(conditions, ' AND ')}
       ORDER BY s.started_at DESC, s.id DESC LIMIT ${take}::int`;
  }
}
