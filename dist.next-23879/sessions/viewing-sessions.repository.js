"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get KICK_ERROR_MAX () {
        return KICK_ERROR_MAX;
    },
    get ViewingSessionsRepository () {
        return ViewingSessionsRepository;
    }
});
const _common = require("@nestjs/common");
const _prismaservice = require("../database/prisma.service");
const _client = require("../generated/prisma/client");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const KICK_ERROR_MAX = 500;
/**
 * A batch of sightings in one statement. Named sessions upsert on the one open row per media
 * server and session id; a sighting no later than an end already recorded for that session id is
 * old news (seen before an admin ended it, flushed after) and dropped, while a later one starts a
 * new row. Unnamed sessions upsert by the recorder's id and are never reopened: the ids of those
 * found ended come back, so the recorder starts new ones.
 */ const RECORD_SIGHTINGS = {
    name: 'camlinks_record_sessions',
    text: `
    WITH v AS (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "linkId" uuid, "mediaServerId" uuid, "mediaServerKind" text, "mediaServerSessionId" text,
             protocol text, "viewerIp" text, "userAgent" text, "firstSeenAt" timestamptz, "lastSeenAt" timestamptz)
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
    SELECT v.id FROM v WHERE v."mediaServerSessionId" IS NULL AND v.id NOT IN (SELECT id FROM unnamed)`
};
const RECORD = _client.Prisma.sql`
  s.id, s.link_id AS "linkId", l.camera_uuid AS "cameraUuid", l.user_id AS "userId", l.integration_id AS "integrationId",
  s.media_server_id AS "mediaServerId", s.media_server_kind AS "mediaServerKind", s.media_server_session_id AS "mediaServerSessionId",
  s.protocol, s.viewer_ip AS "viewerIp", s.user_agent AS "userAgent", s.started_at AS "startedAt", s.last_seen_at AS "lastSeenAt",
  s.ended_at AS "endedAt", s.end_reason AS "endReason", s.kick_state AS "kickState", s.kick_attempts AS "kickAttempts",
  s.kicked_at AS "kickedAt", s.kick_error AS "kickError"`;
let ViewingSessionsRepository = class ViewingSessionsRepository {
    prisma;
    db;
    constructor(prisma, db){
        this.prisma = prisma;
        this.db = db;
    }
    /**
   * Records a flush's sightings in one statement (through the driver, like the usage flush);
   * returns the ids of unnamed sessions that had ended meanwhile (idle, or ended by an admin).
   */ async recordBatch(sightings) {
        if (!sightings.length) return [];
        const rows = await this.db.sql.query(RECORD_SIGHTINGS, [
            JSON.stringify(sightings)
        ]);
        return rows.map((row)=>row.id);
    }
    /** Every open session with its link: as many as there are viewers. */ listOpen() {
        return this.prisma.$queryRaw`
      SELECT id, link_id AS "linkId", media_server_id AS "mediaServerId", media_server_kind AS "mediaServerKind",
             media_server_session_id AS "mediaServerSessionId", protocol, started_at AS "startedAt", kick_state AS "kickState", kick_attempts AS "kickAttempts"
        FROM viewing_sessions WHERE ended_at IS NULL ORDER BY started_at, id`;
    }
    /**
   * Ends the given sessions that are still open, for `reason`; those MediaMTX named are left
   * `pending` for the kicker (the others cannot be kicked: nginx is refused at its next request,
   * Flussonic at its next re-check). Returns the ids it ended.
   */ async markEnded(ids, reason, at) {
        if (!ids.length) return [];
        const rows = await this.prisma.$queryRaw`
      UPDATE viewing_sessions SET ended_at = ${at}::timestamptz, end_reason = ${reason},
             kick_state = CASE WHEN media_server_kind = 'mediamtx' AND media_server_session_id IS NOT NULL THEN 'pending' END
       WHERE id = ANY(${ids}::uuid[]) AND ended_at IS NULL
      RETURNING id`;
        return rows.map((row)=>row.id);
    }
    /** Closes sessions unseen for longer than their kind allows, as ended when last seen; returns how many. */ closeIdle(cutoffs) {
        return this.prisma.$executeRaw`
      UPDATE viewing_sessions SET ended_at = last_seen_at, end_reason = 'idle'
       WHERE ended_at IS NULL AND last_seen_at < CASE
         WHEN media_server_session_id IS NULL THEN ${cutoffs.unnamed}::timestamptz
         WHEN media_server_kind = 'flussonic' THEN ${cutoffs.flussonic}::timestamptz
         ELSE ${cutoffs.mediamtx}::timestamptz END`;
    }
    /** What a kick attempt came to; the error (bounded) only when it failed. */ async recordKickOutcome(id, state, at, error = null) {
        await this.prisma.viewingSession.update({
            where: {
                id
            },
            data: {
                kickState: state,
                kickAttempts: {
                    increment: 1
                },
                kickedAt: state === 'done' || state === 'gone' ? at : undefined,
                kickError: error === null ? null : error.slice(0, KICK_ERROR_MAX)
            }
        });
    }
    /** Sessions left `pending` for the kicker (ended by it or by an admin), oldest end first. */ listPendingKicks() {
        return this.prisma.$queryRaw`
      SELECT s.id, s.media_server_id AS "mediaServerId", s.media_server_session_id AS "mediaServerSessionId", s.protocol,
             s.ended_at AS "endedAt", s.kick_attempts AS "kickAttempts", m.control_api_url AS "controlApiUrl",
             m.control_api_username AS "controlApiUsername", m.control_api_password AS "controlApiPassword"
        FROM viewing_sessions s LEFT JOIN media_servers m ON m.id = s.media_server_id
       WHERE s.kick_state = 'pending' ORDER BY s.ended_at, s.id`;
    }
    async findById(id) {
        const rows = await this.prisma.$queryRaw`
      SELECT ${RECORD} FROM viewing_sessions s JOIN issued_links l ON l.id = s.link_id WHERE s.id = ${id}::uuid`;
        return rows[0];
    }
    /** A link's sessions, newest first, after `cursor`; `take` rows at most. */ listByLink(linkId, cursor, take) {
        return this.list({
            linkId
        }, cursor, take);
    }
    /** Newest first, after `cursor`; `take` rows at most. */ list(filter, cursor, take) {
        const conditions = [
            _client.Prisma.sql`TRUE`
        ];
        if (filter.active !== undefined) conditions.push(filter.active ? _client.Prisma.sql`s.ended_at IS NULL` : _client.Prisma.sql`s.ended_at IS NOT NULL`);
        if (filter.linkId) conditions.push(_client.Prisma.sql`s.link_id = ${filter.linkId}::uuid`);
        if (filter.cameraUuid) conditions.push(_client.Prisma.sql`l.camera_uuid = ${filter.cameraUuid}::uuid`);
        if (filter.integrationId) conditions.push(_client.Prisma.sql`l.integration_id = ${filter.integrationId}::uuid`);
        if (filter.userId) conditions.push(_client.Prisma.sql`l.user_id = ${filter.userId}::uuid`);
        if (filter.mediaServerId) conditions.push(_client.Prisma.sql`s.media_server_id = ${filter.mediaServerId}::uuid`);
        if (cursor) conditions.push(_client.Prisma.sql`(s.started_at, s.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
        return this.prisma.$queryRaw`
      SELECT ${RECORD} FROM viewing_sessions s JOIN issued_links l ON l.id = s.link_id
       WHERE ${_client.Prisma.join(conditions, ' AND ')}
       ORDER BY s.started_at DESC, s.id DESC LIMIT ${take}::int`;
    }
};
ViewingSessionsRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_prismaservice.DATABASE_CONNECTION)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof OpenDatabase === "undefined" ? Object : OpenDatabase
    ])
], ViewingSessionsRepository);

//# sourceMappingURL=viewing-sessions.repository.js.map
