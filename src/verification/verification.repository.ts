import { Inject, Injectable } from '@nestjs/common';
import { DAY_MS } from '../common/timestamps';
import type { NamedStatement } from '../database/direct-sql';
import type { OpenDatabase } from '../database/open-database';
import { tablesReadBy } from '../database/database-changes';
import { CLAIM_FLUSH } from '../database/applied-flushes';
import { DATABASE_CONNECTION } from '../database/prisma.service';
import type { LinkKind } from '../links/link-kind';
import { REVOKED_AT_SQL } from '../links/link-status';
import type { TemplateKey } from '../links/url-templates';
import type { LinkState } from './link-decision';

interface LinkStateRow {
  id: string;
  camera_uuid: string;
  issued_at: Date;
  kind: LinkKind;
  stream_name: string;
  source: string;
  archive_from: Date | null;
  archive_to: Date | null;
  expires_at: Date;
  revoked_at: Date | null;
  integration_id: string | null;
  user_id: string | null;
  integration_token_id: string | null;
  user_token_id: string | null;
  camera_exists: boolean;
  camera_blocked: boolean | null;
  stream_exists: boolean;
  media_server_id: string | null;
  base_url: string | null;
  rtsp_base_url: string | null;
  url_templates: Partial<Record<TemplateKey, string>> | null;
  has_secret: boolean | null;
  it_exists: boolean;
  it_revoked_at: Date | null;
  it_expires_at: Date | null;
  ut_exists: boolean;
  ut_revoked_at: Date | null;
  ut_expires_at: Date | null;
  grant_exists: boolean;
  grant_expires_at: Date | null;
}

export interface UsageDelta {
  linkId: string;
  /** The link's issue time: with it, the flush finds the link in its one partition of issued_links. */
  linkIssuedAt: Date;
  uses: number;
  denied: number;
  firstUsedAt: Date | null;
  lastUsedAt: Date | null;
  lastIp: string | null;
  lastDeniedAt: Date | null;
  lastDeniedReason: string | null;
}

/** A link and everything its validity depends on (VerificationRepository.findLinkState); its WHERE clause follows. */
const LINK_STATE_SELECT = `
    SELECT l.id, l.kind::text AS kind, l.stream_name, l.source, l.archive_from, l.archive_to, l.expires_at, l.camera_uuid, l.issued_at,
           ${REVOKED_AT_SQL} AS revoked_at,
           l.integration_id, l.user_id, l.integration_token_id, l.user_token_id,
           c.uuid IS NOT NULL AS camera_exists, c.blocked AS camera_blocked,
           EXISTS (SELECT 1 FROM camera_streams s WHERE s.camera_uuid = l.camera_uuid AND s.name = l.stream_name) AS stream_exists,
           m.id AS media_server_id, m.base_url, m.rtsp_base_url, m.url_templates, m.verification_secret_hash IS NOT NULL AS has_secret,
           it.id IS NOT NULL AS it_exists, it.revoked_at AS it_revoked_at, it.expires_at AS it_expires_at,
           ut.id IS NOT NULL AS ut_exists, ut.revoked_at AS ut_revoked_at, ut.expires_at AS ut_expires_at,
           g.id IS NOT NULL AS grant_exists, g.expires_at AS grant_expires_at
      FROM issued_links l
      LEFT JOIN cameras c ON c.uuid = l.camera_uuid AND c.generation = l.camera_generation
      LEFT JOIN media_servers m ON m.id = c.media_server_id
      LEFT JOIN integration_tokens it ON it.id = l.integration_token_id
      LEFT JOIN user_tokens ut ON ut.id = l.user_token_id
      LEFT JOIN access_grants g ON g.user_id = l.user_id AND g.camera_uuid = l.camera_uuid AND g.generation = l.grant_generation`;

/**
 * A link's state by token hash ($1) and the bounds of its issue day ($2, $3): what a verification
 * decides on. issued_links is partitioned by issue day, so the bounds leave one partition, whose
 * unique token_hash index answers; a token without a day is looked up between -infinity and
 * infinity, in every partition.
 */
export const FIND_LINK_STATE: NamedStatement = {
  name: 'camlinks_find_link_state',
  text: `${LINK_STATE_SELECT}\n     WHERE l.token_hash = $1 AND l.issued_at >= $2::timestamptz AND l.issued_at < $3::timestamptz`,
};

/**
 * The same states by link id ($1), of links issued between $2 and $3: what the kicker re-decides
 * open viewing sessions on (src/kicks). The bounds leave the partitions of those days, where each
 * id is one probe of the primary key (1,000 links of 7 days among 60 partitions: 4–20 ms, against
 * 170–240 ms unbounded). Links whose issue time is not known are looked up between -infinity
 * and infinity.
 */
export const FIND_LINK_STATES_BY_ID: NamedStatement = {
  name: 'camlinks_find_link_states_by_id',
  text: `${LINK_STATE_SELECT}\n     WHERE l.id = ANY($1::uuid[]) AND l.issued_at >= $2::timestamptz AND l.issued_at <= $3::timestamptz`,
};

export const FIND_MEDIA_SERVER_BY_SECRET: NamedStatement = {
  name: 'camlinks_find_media_server_by_secret',
  text: 'SELECT id FROM media_servers WHERE verification_secret_hash = $1',
};

export const FIND_MEDIA_SERVER_WITHOUT_SECRET: NamedStatement = {
  name: 'camlinks_find_media_server_without_secret',
  text: 'SELECT id FROM media_servers WHERE verification_secret_hash IS NULL LIMIT 1',
};

export const FIND_CONTROL_API_CREDENTIALS: NamedStatement = {
  name: 'camlinks_find_control_api_credentials',
  text: 'SELECT control_api_username AS username, control_api_password AS password FROM media_servers WHERE verification_secret_hash = $1',
};

/** Any constant all instances agree on ('clus'). */
const USAGE_FLUSH_LOCK = 0x636c7573;

/**
 * Usage flushes (of several instances, or a shutdown's beside a tick's) take turns on one
 * transaction-scoped advisory lock, and lock their rows in id order. Ordered row locks alone let
 * two flushes deadlock while other lockers of the same links stood in PostgreSQL's tuple-lock
 * queues (seen in the soak, when recording a session key-share-locked its link through a foreign
 * key; test/usage-merge.e2e-spec.ts). A flush is one statement of milliseconds, so taking turns
 * costs nothing. A batch with an id ($2) is added only if that id was never recorded (CLAIM_FLUSH).
 */
export const ADD_USAGE: NamedStatement = {
  name: 'camlinks_add_usage',
  text: `
    WITH turn AS MATERIALIZED (SELECT pg_advisory_xact_lock(${USAGE_FLUSH_LOCK})),
    ${CLAIM_FLUSH},
    given AS MATERIALIZED (
      SELECT * FROM jsonb_to_recordset($1::jsonb) AS v("linkId" uuid, "linkIssuedAt" timestamptz, uses int, denied int, "firstUsedAt" timestamptz,
             "lastUsedAt" timestamptz, "lastIp" text, "lastDeniedAt" timestamptz, "lastDeniedReason" text)
       WHERE EXISTS (SELECT 1 FROM turn) AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM claim))),
    v AS MATERIALIZED (
      -- A batch spooled by a version before partitioning has no issue times: those are looked up.
      SELECT g.*, COALESCE(g."linkIssuedAt", (SELECT l.issued_at FROM issued_links l WHERE l.id = g."linkId" LIMIT 1)) AS "issuedAt"
        FROM given g),
    locked AS MATERIALIZED (
      SELECT l.id, l.issued_at FROM issued_links l JOIN v ON l.id = v."linkId" AND l.issued_at = v."issuedAt"
       ORDER BY l.id FOR NO KEY UPDATE OF l)
    UPDATE issued_links AS l SET
           use_count = l.use_count + v.uses,
           denied_count = l.denied_count + v.denied,
           first_used_at = LEAST(l.first_used_at, v."firstUsedAt"),
           last_used_at = GREATEST(l.last_used_at, v."lastUsedAt"),
           last_ip = CASE WHEN l.last_used_at IS NULL OR v."lastUsedAt" > l.last_used_at THEN COALESCE(v."lastIp", l.last_ip)
                          ELSE COALESCE(l.last_ip, v."lastIp") END,
           last_denied_at = GREATEST(l.last_denied_at, v."lastDeniedAt"),
           last_denied_reason = CASE WHEN l.last_denied_at IS NULL OR v."lastDeniedAt" > l.last_denied_at THEN COALESCE(v."lastDeniedReason", l.last_denied_reason)
                                     ELSE l.last_denied_reason END
      FROM v
     WHERE l.id = v."linkId" AND l.issued_at = v."issuedAt" AND (l.id, l.issued_at) IN (SELECT id, issued_at FROM locked)`,
};

/** What link states and media servers by secret are read from: their caches hear changes of these tables. */
export const LINK_STATE_TABLES = tablesReadBy(FIND_LINK_STATE.text);
export const MEDIA_SERVER_SECRET_TABLES = tablesReadBy(
  `${FIND_MEDIA_SERVER_BY_SECRET.text} ${FIND_MEDIA_SERVER_WITHOUT_SECRET.text}`,
);

/**
 * The verification path's only database access: one query per token, one statement per flush.
 * All through the driver, with prepared statements.
 */
@Injectable()
export class VerificationRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase) {}

  /**
   * A link and everything its validity depends on, in one round trip. Its camera and grant
   * count only in the generation the link recorded: a camera re-created with the same uuid or
   * unblocked without restoring its links, and a grant renewed after it expired, are not the
   * ones it was issued under (camera_gone, grant_gone).
   */
  async findLinkState(tokenHash: string, issuedOn: Date | undefined): Promise<LinkState | null> {
    const rows = await this.db.sql.query<LinkStateRow>(FIND_LINK_STATE, [tokenHash, ...issueDayBounds(issuedOn)]);
    return rows.length ? toLinkState(rows[0]) : null;
  }

  /**
   * Link states of links that still exist, by id: those whose issue time is given are read from
   * the partitions of their days, the others (one more round trip) from every partition.
   */
  async findLinkStatesByIds(links: { id: string; issuedAt?: Date }[]): Promise<LinkState[]> {
    const lookUp = async (ids: string[], from: string, to: string) =>
      ids.length ? await this.db.sql.query<LinkStateRow>(FIND_LINK_STATES_BY_ID, [ids, from, to]) : [];
    const dated = links.filter((link) => link.issuedAt !== undefined);
    // ISO times sort as the times do.
    const times = dated.map((link) => link.issuedAt!.toISOString()).sort();
    const undated = links.filter((link) => link.issuedAt === undefined).map((link) => link.id);
    const rows = (
      await lookUp(
        dated.map((link) => link.id),
        times[0],
        times.at(-1)!,
      )
    ).concat(await lookUp(undated, '-infinity', 'infinity'));
    return rows.map(toLinkState);
  }

  /** The media server whose verification secret hashes to this, if any (the hash is unique). */
  async findMediaServerIdBySecretHash(secretHash: string): Promise<string | null> {
    const rows = await this.db.sql.query<{ id: string }>(FIND_MEDIA_SERVER_BY_SECRET, [secretHash]);
    return rows.length ? rows[0].id : null;
  }

  /** Some media server without a verification secret (one that trusts its network), if any. */
  async findMediaServerIdWithoutSecret(): Promise<string | null> {
    const rows = await this.db.sql.query<{ id: string }>(FIND_MEDIA_SERVER_WITHOUT_SECRET, []);
    return rows.length ? rows[0].id : null;
  }

  /** The control API credentials of the media server whose verification secret hashes to this, if any. */
  async findControlApiCredentials(
    secretHash: string,
  ): Promise<{ username: string | null; password: string | null } | null> {
    const rows = await this.db.sql.query<{ username: string | null; password: string | null }>(
      FIND_CONTROL_API_CREDENTIALS,
      [secretHash],
    );
    return rows[0] ?? null;
  }

  /**
   * Adds a batch of usage counters in one statement (the batch travels as one JSON parameter).
   * Instances flush in any order, so times merge as LEAST/GREATEST and the IP and refusal
   * reason come with the newest use and refusal, not with the last flush. A delta's own IP is null only when none of its uses reported one. With a
   * `flushId`, the batch is added only the first time that id is written.
   */
  async addUsage(deltas: UsageDelta[], flushId: string | null = null): Promise<void> {
    if (!deltas.length) return;
    // Through the driver: a flush carries one delta per link used, megabytes of JSON under load,
    // which Prisma would copy into its WebAssembly memory (that memory never shrinks).
    await this.db.sql.query(ADD_USAGE, [JSON.stringify(deltas), flushId]);
  }
}

/** The issue day's bounds as FIND_LINK_STATE takes them; every time for a token without a day. */
export function issueDayBounds(day: Date | undefined): [string, string] {
  return day ? [day.toISOString(), new Date(day.getTime() + DAY_MS).toISOString()] : ['-infinity', 'infinity'];
}

function toLinkState(row: LinkStateRow): LinkState {
  const token = (exists: boolean, id: string | null, revokedAt: Date | null, expiresAt: Date | null) =>
    id === null ? null : { revoked: !exists || revokedAt !== null, expiresAt };
  return {
    id: row.id,
    kind: row.kind,
    streamName: row.stream_name,
    source: row.source,
    archiveFrom: row.archive_from,
    archiveTo: row.archive_to,
    expiresAt: row.expires_at,
    revoked: row.revoked_at !== null,
    subject: row.user_id ?? row.integration_id ?? '',
    camera: row.camera_exists ? { blocked: row.camera_blocked === true, hasStream: row.stream_exists } : null,
    mediaServer:
      row.media_server_id === null || row.base_url === null
        ? null
        : {
            id: row.media_server_id,
            baseUrl: row.base_url,
            rtspBaseUrl: row.rtsp_base_url,
            urlTemplates: row.url_templates ?? {},
            hasSecret: row.has_secret === true,
          },
    integrationToken: token(row.it_exists, row.integration_token_id, row.it_revoked_at, row.it_expires_at),
    userToken: token(row.ut_exists, row.user_token_id, row.ut_revoked_at, row.ut_expires_at),
    grant: row.grant_exists ? { expiresAt: row.grant_expires_at } : null,
    issuedToUser: row.user_id !== null,
    issued: { cameraUuid: row.camera_uuid, integrationId: row.integration_id, userId: row.user_id, at: row.issued_at },
  };
}
