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
    get IssuedLinksRepository () {
        return IssuedLinksRepository;
    },
    get REVOKER_TYPES () {
        return REVOKER_TYPES;
    }
});
const _common = require("@nestjs/common");
const _configmodule = require("../config/config.module");
const _prismaservice = require("../database/prisma.service");
const _client = require("../generated/prisma/client");
const _tokens = require("../auth/tokens");
const _auditeventsrepository = require("../audit/audit-events.repository");
const _linkstatus = require("./link-status");
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
const REVOKER_TYPES = [
    'admin',
    'integration',
    'user'
];
/** Everything but the hash (it never leaves this repository), with names (over NAMES) and the status. */ const RECORD = _client.Prisma.sql`
  l.id, l.token_prefix AS "tokenPrefix", l.camera_uuid AS "cameraUuid", c.name AS "cameraName", u.name AS "userName", i.name AS "integrationName", l.stream_type AS "streamType",
  l.stream_name AS "streamName", l.kind::text AS kind, l.archive_from AS "archiveFrom", l.archive_to AS "archiveTo", l.source, l.ttl,
  l.issued_at AS "issuedAt", l.expires_at AS "expiresAt", l.integration_id AS "integrationId", l.integration_token_id AS "integrationTokenId",
  l.user_id AS "userId", l.user_token_id AS "userTokenId", l.camera_generation AS "cameraGeneration", l.grant_generation AS "grantGeneration",
  l.client_ip AS "clientIp", l.user_agent AS "userAgent", l.revoked_at AS "revokedAt", l.revoked_by AS "revokedBy", l.revoked_by_admin_id AS "revokedByAdminId", l.revoked_by_type AS "revokedByType", l.revoked_reason AS "revokedReason",
  l.use_count AS "useCount", l.first_used_at AS "firstUsedAt", l.last_used_at AS "lastUsedAt", l.last_ip AS "lastIp",
  l.denied_count AS "deniedCount", l.last_denied_at AS "lastDeniedAt", l.last_denied_reason AS "lastDeniedReason"`;
/** What a link's status depends on (link-status.ts): joined as VerificationRepository.findLinkState joins it. */ const ISSUED_UNDER = _client.Prisma.sql`
  LEFT JOIN cameras c ON c.uuid = l.camera_uuid
  LEFT JOIN access_grants g ON g.user_id = l.user_id AND g.camera_uuid = l.camera_uuid AND g.generation = l.grant_generation
  LEFT JOIN integration_tokens it ON it.id = l.integration_token_id
  LEFT JOIN user_tokens ut ON ut.id = l.user_token_id`;
/** The user's and integration's names for RECORD (the camera's comes with ISSUED_UNDER). */ const NAMES = _client.Prisma.sql`
  LEFT JOIN users u ON u.id = l.user_id
  LEFT JOIN integrations i ON i.id = l.integration_id`;
const INSERT_LINKS = {
    name: 'camlinks_insert_links',
    text: `
    INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, archive_from, archive_to, source, ttl,
                              issued_at, expires_at, integration_id, integration_token_id, user_id, user_token_id, camera_generation, grant_generation, client_ip, user_agent)
    SELECT gen_random_uuid(), l."tokenHash", l."tokenPrefix", l."cameraUuid", l."streamType", l."streamName", l.kind::link_kind, l."archiveFrom", l."archiveTo", l.source, l.ttl,
           l."issuedAt", l."expiresAt", l."integrationId", l."integrationTokenId", l."userId", l."userTokenId", l."cameraGeneration", l."grantGeneration", l."clientIp", l."userAgent"
      FROM jsonb_to_recordset($1::jsonb) AS l("tokenHash" text, "tokenPrefix" text, "cameraUuid" uuid, "streamType" text, "streamName" text,
           kind text, "archiveFrom" timestamptz, "archiveTo" timestamptz, source text, ttl int, "issuedAt" timestamptz, "expiresAt" timestamptz,
           "integrationId" uuid, "integrationTokenId" uuid, "userId" uuid, "userTokenId" uuid, "cameraGeneration" int, "grantGeneration" int, "clientIp" text, "userAgent" text)`
};
let IssuedLinksRepository = class IssuedLinksRepository {
    prisma;
    config;
    db;
    audit;
    constructor(prisma, config, db, audit){
        this.prisma = prisma;
        this.config = config;
        this.db = db;
        this.audit = audit;
    }
    /**
   * One INSERT for all the links given (those of every request in a batch, IssuedLinkWriter): a
   * single statement is atomic, so a failure leaves no rows. Prepared once per connection.
   */ async insertMany(links) {
        // The batch travels as one JSON parameter, so the statement's text (and its plan) never changes.
        await this.db.sql.query(INSERT_LINKS, [
            JSON.stringify(links)
        ]);
    }
    /** Newest first, after `cursor`; `take` rows at most. */ list(filter, cursor, take, now) {
        const after = cursor ? [
            _client.Prisma.sql`(l.issued_at, l.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
        ] : [];
        return this.prisma.$queryRaw`
      SELECT ${RECORD}, ${(0, _linkstatus.statusAt)(now)} AS status FROM issued_links l ${ISSUED_UNDER} ${NAMES}
       WHERE ${_client.Prisma.join([
            ...this.conditions(filter, now),
            ...after
        ], ' AND ')}
       ORDER BY l.issued_at DESC, l.id DESC LIMIT ${take}::int`;
    }
    async findById(id, now) {
        const rows = await this.prisma.$queryRaw`
      SELECT ${RECORD}, ${(0, _linkstatus.statusAt)(now)} AS status FROM issued_links l ${ISSUED_UNDER} ${NAMES} WHERE l.id = ${id}::uuid`;
        return rows[0];
    }
    /** Revokes one link unless it already is; false when there is no such link. */ async revoke(id, revocation) {
        const { count } = await this.prisma.issuedLink.updateMany({
            where: {
                id,
                revokedAt: null
            },
            data: this.revokedFields(revocation)
        });
        return count > 0 || await this.prisma.issuedLink.count({
            where: {
                id
            }
        }) > 0;
    }
    /**
   * Revokes every link matching the filter that is neither revoked nor past its own expiry
   * (suspended ones too), in one statement; returns how many.
   */ revokeMatching(filter, revocation) {
        return this.prisma.$executeRaw`
      UPDATE issued_links l SET revoked_at = ${revocation.at}, revoked_by = ${revocation.by.name},
                          revoked_by_admin_id = ${revocation.by.id}::uuid, revoked_by_type = 'admin', revoked_reason = ${revocation.reason}
       WHERE ${_client.Prisma.join(this.conditions(filter, revocation.at), ' AND ')} AND l.revoked_at IS NULL AND l.expires_at > ${revocation.at}`;
    }
    /**
   * Revokes the links among `tokenHashes` that the issuer issued and that are not revoked yet,
   * and records the audit event, in one transaction: all of it or nothing. Links of anyone else
   * are neither touched nor told apart from unknown ones. Each revoked row fires the same
   * change notification as an admin's revocation (the issued_links_revoked trigger).
   */ async revokeOwn(request) {
        const { owner, tokenHashes, reason, at } = request;
        const owned = 'integrationId' in owner ? _client.Prisma.sql`l.integration_id = ${owner.integrationId}::uuid${owner.userId ? _client.Prisma.sql` AND l.user_id = ${owner.userId}::uuid` : _client.Prisma.empty}` : _client.Prisma.sql`l.user_id = ${owner.userId}::uuid AND l.integration_id IS NULL`;
        const [actorType, actorId] = 'integrationId' in owner ? [
            'integration',
            owner.integrationId
        ] : [
            'user',
            owner.userId
        ];
        return this.prisma.$transaction(async (tx)=>{
            const [named] = await (actorType === 'integration' ? tx.$queryRaw`SELECT name FROM integrations WHERE id = ${actorId}::uuid` : tx.$queryRaw`SELECT name FROM users WHERE id = ${actorId}::uuid`);
            const actor = named?.name ?? actorId;
            const revokedRows = await tx.$queryRaw`
        UPDATE issued_links l SET revoked_at = ${at}, revoked_by = ${actor}, revoked_by_admin_id = NULL, revoked_by_type = ${actorType}, revoked_reason = ${reason}
         WHERE l.token_hash = ANY(${tokenHashes}::text[]) AND ${owned} AND l.revoked_at IS NULL
         RETURNING l.id, l.token_hash AS "tokenHash"`;
            const revoked = new Map(revokedRows.map((row)=>[
                    row.tokenHash,
                    row.id
                ]));
            const found = await tx.$queryRaw`
        SELECT l.id, l.token_hash AS "tokenHash" FROM issued_links l WHERE l.token_hash = ANY(${tokenHashes}::text[]) AND ${owned}`;
            const alreadyRevoked = new Map(found.filter((row)=>!revoked.has(row.tokenHash)).map((row)=>[
                    row.tokenHash,
                    row.id
                ]));
            await this.audit.append(request.auditEvent({
                revoked,
                alreadyRevoked,
                actorType,
                actor,
                actorId
            }), tx);
            return {
                revoked,
                alreadyRevoked
            };
        });
    }
    /**
   * Revokes the active links issued under something that is going away or no longer stands,
   * inside the caller's transaction, so the change and its revocations commit together.
   */ async revokeIssuedUnder(tx, under, revocation) {
        const { count } = await tx.issuedLink.updateMany({
            where: {
                ...under,
                revokedAt: null,
                expiresAt: {
                    gt: revocation.at
                }
            },
            data: this.revokedFields(revocation)
        });
        return count;
    }
    /**
   * Deletes up to `batch` links that expired before `cutoff`; returns how many. One short
   * statement per batch; rows another purge holds are skipped, never waited for.
   */ async purgeExpiredBefore(cutoff, batch) {
        // A link expires after it is issued, so `issued_at < cutoff` changes nothing but lets the
        // scan use the issued_at index rather than read the whole table.
        return this.prisma.$executeRaw`
      DELETE FROM issued_links WHERE id IN (
        SELECT id FROM issued_links WHERE issued_at < ${cutoff}::timestamptz AND expires_at < ${cutoff}::timestamptz
         LIMIT ${batch}::int FOR UPDATE SKIP LOCKED)`;
    }
    /**
   * Links by what the overview shows: active (neither revoked nor past its own expiry), expired
   * and revoked. Not `status`: deciding it for every link would join every row.
   */ async countByState(now) {
        const [row] = await this.prisma.$queryRaw`
      SELECT (SELECT count(*) FROM issued_links) AS total,
             (SELECT count(*) FROM issued_links WHERE issued_at > ${this.activeSince(now)}::timestamptz
                 AND expires_at > ${now}::timestamptz AND revoked_at IS NULL) AS active,
             (SELECT count(*) FROM issued_links WHERE revoked_at IS NOT NULL) AS revoked`;
        const [total, active, revoked] = [
            Number(row.total),
            Number(row.active),
            Number(row.revoked)
        ];
        return {
            active,
            revoked,
            expired: total - active - revoked
        };
    }
    /** The cameras and the integrations that were issued the most links since `since`. */ async busiest(since, limit) {
        const [cameras, integrations] = await Promise.all([
            this.prisma.$queryRaw`
        SELECT l.camera_uuid AS id, c.name, l.links FROM (
          SELECT camera_uuid, count(*) AS links FROM issued_links WHERE issued_at >= ${since}::timestamptz GROUP BY camera_uuid ORDER BY links DESC LIMIT ${limit}::int) l
        LEFT JOIN cameras c ON c.uuid = l.camera_uuid ORDER BY l.links DESC`,
            this.prisma.$queryRaw`
        SELECT l.integration_id AS id, i.name, l.links FROM (
          SELECT integration_id, count(*) AS links FROM issued_links WHERE issued_at >= ${since}::timestamptz AND integration_id IS NOT NULL
           GROUP BY integration_id ORDER BY links DESC LIMIT ${limit}::int) l
        LEFT JOIN integrations i ON i.id = l.integration_id ORDER BY l.links DESC`
        ]);
        const counted = (rows)=>rows.map((row)=>({
                    ...row,
                    links: Number(row.links)
                }));
        return {
            cameras: counted(cameras),
            integrations: counted(integrations)
        };
    }
    /** How many active links `revokeMatching` would revoke now, for a confirmation. */ async countRevocable(filter, now) {
        const [row] = await this.prisma.$queryRaw`
      SELECT count(*) AS count FROM issued_links l WHERE ${_client.Prisma.join(this.conditions(filter, now), ' AND ')} AND l.revoked_at IS NULL AND l.expires_at > ${now}`;
        return Number(row.count);
    }
    /** The earliest a link that has not expired at `now` can have been issued. */ activeSince(now) {
        return new Date(now.getTime() - this.config.links.ttlMax * 1000);
    }
    revokedFields(revocation) {
        return {
            revokedAt: revocation.at,
            revokedBy: revocation.by.name,
            revokedByAdminId: revocation.by.id,
            revokedByType: 'admin',
            revokedReason: revocation.reason
        };
    }
    /** The filter as SQL over `l` (and, for the status, ISSUED_UNDER). */ conditions(filter, now) {
        const conditions = [
            _client.Prisma.sql`TRUE`
        ];
        if (filter.cameraUuid) conditions.push(_client.Prisma.sql`l.camera_uuid = ${filter.cameraUuid}::uuid`);
        if (filter.userId) conditions.push(_client.Prisma.sql`l.user_id = ${filter.userId}::uuid`);
        if (filter.integrationId) conditions.push(_client.Prisma.sql`l.integration_id = ${filter.integrationId}::uuid`);
        if (filter.source) conditions.push(_client.Prisma.sql`l.source = ${filter.source}`);
        if (filter.kind) conditions.push(_client.Prisma.sql`l.kind = ${filter.kind}::link_kind`);
        if (filter.issuedFrom) conditions.push(_client.Prisma.sql`l.issued_at >= ${filter.issuedFrom}`);
        if (filter.issuedTo) conditions.push(_client.Prisma.sql`l.issued_at < ${filter.issuedTo}`);
        if (filter.tokenPrefix) conditions.push(tokenPrefixCondition(filter.tokenPrefix));
        if (filter.status) conditions.push(_client.Prisma.sql`${(0, _linkstatus.statusAt)(now)} = ${filter.status}`);
        // An active or suspended link has not expired, so it was issued within the longest TTL: a bound
        // the issued_at index serves, where the status alone would read every row to find none.
        // (Links issued with a longer TTL before LINK_TTL_MAX was lowered drop out of these two filters early.)
        if (filter.status === 'active' || filter.status === 'suspended') conditions.push(_client.Prisma.sql`l.issued_at > ${this.activeSince(now)}`);
        return conditions;
    }
};
IssuedLinksRepository = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_param(2, (0, _common.Inject)(_prismaservice.DATABASE_CONNECTION)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _prismaservice.PrismaService === "undefined" ? Object : _prismaservice.PrismaService,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof OpenDatabase === "undefined" ? Object : OpenDatabase,
        typeof _auditeventsrepository.AuditEventsRepository === "undefined" ? Object : _auditeventsrepository.AuditEventsRepository
    ])
], IssuedLinksRepository);
/**
 * A pasted token (or its display prefix) is an equality on the stored prefix, which the
 * token_prefix index serves; a shorter start is a LIKE with its wildcards escaped (tokens
 * contain `_`), which that index serves only under the C collation.
 */ function tokenPrefixCondition(start) {
    if (start.length >= _tokens.DISPLAY_LENGTH) return _client.Prisma.sql`l.token_prefix = ${start.slice(0, _tokens.DISPLAY_LENGTH)}`;
    return _client.Prisma.sql`l.token_prefix LIKE ${start.replace(/[\\_%]/g, '\\$&')} || '%'`;
}

//# sourceMappingURL=issued-links.repository.js.map
