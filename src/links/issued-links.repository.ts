import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { BatchEnd, Cursor } from '../common/cursor';
import { isLockTimeout } from '../common/prisma-errors';
import { DAY_MS } from '../common/timestamps';
import type { NamedStatement } from '../database/direct-sql';
import type { OpenDatabase } from '../database/open-database';
import { DATABASE_CONNECTION, PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import type { AdminIdentity } from '../auth/admin-identity';
import { DISPLAY_LENGTH } from '../auth/tokens';
import type { LinkKind } from './link-kind';
import { AuditEventsRepository, type NewAuditEvent } from '../audit/audit-events.repository';
import {
  earliestIssuedUnexpired,
  ISSUED_UNDER_REVOKED_SQL,
  LATE_COMMIT_MS,
  type LinkStatus,
  statusAt,
} from './link-status';
import { type IssuedUnder, IssuedUnderEndsRepository } from './issued-under-ends.repository';
import { LinkCountsRepository } from './link-counts.repository';

/** What a link opens, for how long, and under what: as asked of the issuer, and as recorded. */
export interface LinkTerms {
  cameraUuid: string;
  streamType: string;
  streamName: string;
  kind: LinkKind;
  /** Start of the archive footage; null for live video. */
  archiveFrom: Date | null;
  /** End of an archive segment; null when open-ended. */
  archiveTo: Date | null;
  /** What the link serves, e.g. `mp4` or `jpg`; also the URL's {format}. */
  source: string;
  ttl: number;
  /** The camera's generation and, for a user, the grant's, as read when deciding to issue. */
  cameraGeneration: number;
  grantGeneration: number | null;
}

export interface NewIssuedLink extends LinkTerms {
  tokenHash: string;
  tokenPrefix: string;
  issuedAt: Date;
  expiresAt: Date;
  integrationId: string | null;
  integrationTokenId: string | null;
  userId: string | null;
  userTokenId: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

/** An issued link as the audit sees it: everything but the token hash. */
export interface IssuedLinkRecord extends Omit<NewIssuedLink, 'tokenHash'> {
  id: string;
  /** The names of its camera, user and integration now (null when deleted or none). */
  cameraName: string | null;
  userName: string | null;
  integrationName: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokedByAdminId: string | null;
  revokedByType: RevokerType | null;
  revokedReason: string | null;
  useCount: number;
  firstUsedAt: Date | null;
  lastUsedAt: Date | null;
  lastIp: string | null;
  deniedCount: number;
  lastDeniedAt: Date | null;
  lastDeniedReason: string | null;
  status: LinkStatus;
}

/** Links as CSV lines, with the batch's end. */
export interface CsvBatch extends BatchEnd {
  text: string;
}

export interface LinkFilter {
  cameraUuid?: string;
  userId?: string;
  integrationId?: string;
  status?: LinkStatus;
  source?: string;
  kind?: LinkKind;
  issuedFrom?: Date;
  issuedTo?: Date;
  /** The start of a token; only the stored display prefix's length of it counts. */
  tokenPrefix?: string;
}

export interface Revocation {
  /** The admin whose request revoked it (recorded as revoked_by and revoked_by_admin_id). */
  by: AdminIdentity;
  reason: string | null;
  at: Date;
}

/** Who revoked a link: an admin's request, or the integration or user it was issued to. */
export const REVOKER_TYPES = ['admin', 'integration', 'user'] as const;
export type RevokerType = (typeof REVOKER_TYPES)[number];

/**
 * Whose links a self-service revocation may touch: an integration's own (those it issued for its
 * users included; with `userId`, only that user's), or the ones a user issued with its own token.
 */
export type LinkOwner = { integrationId: string; userId?: string } | { userId: string };

/** What revoking a caller's own links by token hash found, by hash. */
export interface OwnRevocation {
  revoked: Map<string, string>;
  alreadyRevoked: Map<string, string>;
}

/** The caller's name is looked up in the same transaction; the audit event is built from the outcome. */
export interface OwnRevocationRequest {
  owner: LinkOwner;
  tokenHashes: string[];
  reason: string | null;
  at: Date;
  auditEvent: (
    outcome: OwnRevocation & { actorType: 'integration' | 'user'; actor: string; actorId: string },
  ) => NewAuditEvent;
}

/** Everything but the hash (it never leaves this repository), with names (over NAMES) and the status. */
const RECORD = Prisma.sql`
  l.id, l.token_prefix AS "tokenPrefix", l.camera_uuid AS "cameraUuid", c.name AS "cameraName", u.name AS "userName", i.name AS "integrationName", l.stream_type AS "streamType",
  l.stream_name AS "streamName", l.kind::text AS kind, l.archive_from AS "archiveFrom", l.archive_to AS "archiveTo", l.source, l.ttl,
  l.issued_at AS "issuedAt", l.expires_at AS "expiresAt", l.integration_id AS "integrationId", l.integration_token_id AS "integrationTokenId",
  l.user_id AS "userId", l.user_token_id AS "userTokenId", l.camera_generation AS "cameraGeneration", l.grant_generation AS "grantGeneration",
  l.client_ip AS "clientIp", l.user_agent AS "userAgent", l.revoked_at AS "revokedAt", l.revoked_by AS "revokedBy", l.revoked_by_admin_id AS "revokedByAdminId", l.revoked_by_type AS "revokedByType", l.revoked_reason AS "revokedReason",
  l.use_count AS "useCount", l.first_used_at AS "firstUsedAt", l.last_used_at AS "lastUsedAt", l.last_ip AS "lastIp",
  l.denied_count AS "deniedCount", l.last_denied_at AS "lastDeniedAt", l.last_denied_reason AS "lastDeniedReason"`;

/** What a link's status depends on (link-status.ts): joined as VerificationRepository.findLinkState joins it. */
const ISSUED_UNDER = Prisma.sql`
  LEFT JOIN cameras c ON c.uuid = l.camera_uuid
  LEFT JOIN access_grants g ON g.user_id = l.user_id AND g.camera_uuid = l.camera_uuid AND g.generation = l.grant_generation
  LEFT JOIN integration_tokens it ON it.id = l.integration_token_id
  LEFT JOIN user_tokens ut ON ut.id = l.user_token_id`;

/** The user's and integration's names for RECORD (the camera's comes with ISSUED_UNDER). */
const NAMES = Prisma.sql`
  LEFT JOIN users u ON u.id = l.user_id
  LEFT JOIN integrations i ON i.id = l.integration_id`;

/** What a revocation rule selects (as REVOKED_AT_SQL reads it), and how far its job got. */
interface RuleInForce {
  cameraUuid: string | null;
  integrationId: string | null;
  userId: string | null;
  issuedFrom: Date | null;
  issuedTo: Date | null;
  source: string | null;
  kind: LinkKind | null;
  tokenPrefix: string | null;
  cutOff: Date;
  cursorAt: Date | null;
  cursorId: string | null;
  finished: boolean;
}

export const INSERT_LINKS: NamedStatement = {
  name: 'camlinks_insert_links',
  text: `
    INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, archive_from, archive_to, source, ttl,
                              issued_at, expires_at, integration_id, integration_token_id, user_id, user_token_id, camera_generation, grant_generation, client_ip, user_agent)
    SELECT gen_random_uuid(), l."tokenHash", l."tokenPrefix", l."cameraUuid", l."streamType", l."streamName", l.kind::link_kind, l."archiveFrom", l."archiveTo", l.source, l.ttl,
           l."issuedAt", l."expiresAt", l."integrationId", l."integrationTokenId", l."userId", l."userTokenId", l."cameraGeneration", l."grantGeneration", l."clientIp", l."userAgent"
      FROM jsonb_to_recordset($1::jsonb) AS l("tokenHash" text, "tokenPrefix" text, "cameraUuid" uuid, "streamType" text, "streamName" text,
           kind text, "archiveFrom" timestamptz, "archiveTo" timestamptz, source text, ttl int, "issuedAt" timestamptz, "expiresAt" timestamptz,
           "integrationId" uuid, "integrationTokenId" uuid, "userId" uuid, "userTokenId" uuid, "cameraGeneration" int, "grantGeneration" int, "clientIp" text, "userAgent" text)`,
};

@Injectable()
export class IssuedLinksRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase,
    private readonly audit: AuditEventsRepository,
    private readonly linkCounts: LinkCountsRepository,
    private readonly ends: IssuedUnderEndsRepository,
  ) {}

  /**
   * One INSERT for all the links given (those of every request in a batch, IssuedLinkWriter): a
   * single statement is atomic, so a failure leaves no rows. Prepared once per connection.
   */
  async insertMany(links: NewIssuedLink[]): Promise<void> {
    // The batch travels as one JSON parameter, so the statement's text (and its plan) never changes.
    await this.db.sql.query(INSERT_LINKS, [JSON.stringify(links)]);
  }

  /**
   * Newest first, after `cursor`; `take` rows at most. Through the driver, not Prisma, whose
   * mapping of a page (some 35 columns a row) cost the event loop several times the driver's.
   */
  async list(filter: LinkFilter, cursor: Cursor | undefined, take: number, now: Date): Promise<IssuedLinkRecord[]> {
    const records = await this.records(filter, cursor, take, now);
    return records ? this.db.sql.queryUnnamed<IssuedLinkRecord>(records.text, records.values) : [];
  }

  /**
   * The same rows as `list`, as CSV lines the database formats (`line` over the record's fields
   * as `r`): one string a batch, and the cursor of its last row.
   */
  async listCsv(
    filter: LinkFilter,
    cursor: Cursor | undefined,
    take: number,
    now: Date,
    line: Prisma.Sql,
  ): Promise<CsvBatch> {
    const records = await this.records(filter, cursor, take, now);
    if (!records) return { text: '', count: 0, last: undefined };
    const { text, values } = Prisma.sql`
      SELECT coalesce(string_agg(${line}, '' ORDER BY r."issuedAt" DESC, r.id DESC), '') AS text, count(*)::int AS count,
             min(r."issuedAt") AS "lastAt", (array_agg(r.id::text ORDER BY r."issuedAt", r.id))[1] AS "lastId"
        FROM (${records}) r`;
    const [batch] = await this.db.sql.queryUnnamed<{
      text: string;
      count: number;
      lastAt: Date | null;
      lastId: string | null;
    }>(text, values);
    const last = batch.lastAt && batch.lastId ? { at: batch.lastAt, id: batch.lastId } : undefined;
    return { text: batch.text, count: batch.count, last };
  }

  /** The query of `list`'s rows (RECORD and status, in its order); none when no link can match. */
  private async records(
    filter: LinkFilter,
    cursor: Cursor | undefined,
    take: number,
    now: Date,
  ): Promise<Prisma.Sql | null> {
    // The cursor's issue time alone as well: the indexes that lead with another column than
    // issued_at (camera, integration, user) can bound a scan by it, not by the row comparison.
    const after = cursor
      ? [
          Prisma.sql`l.issued_at <= ${cursor.at}::timestamptz AND (l.issued_at, l.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
        ]
      : [];
    if (filter.status === 'revoked' || filter.status === 'suspended') {
      // Both pages are gathered from parts that each know their status: the rest of the filter.
      const { status, ...selection } = filter;
      const where = Prisma.join([...this.conditions(selection, now), ...after], ' AND ');
      return status === 'revoked' ? this.revokedRecords(where, take, now) : this.suspendedRecords(where, take, now);
    }
    return Prisma.sql`
      SELECT ${RECORD}, ${statusAt(now)} AS status FROM issued_links l ${ISSUED_UNDER} ${NAMES}
       WHERE ${Prisma.join([...this.conditions(filter, now), ...after], ' AND ')}
       ORDER BY l.issued_at DESC, l.id DESC LIMIT ${take}::int`;
  }

  /**
   * The revoked links' page, without judging the status of every link older than its last: a link
   * is revoked (statusAt) when its revoked_at is set (a partial index in issue order), when a
   * revocation rule selects it and has not marked it (an unfinished rule past its job's cursor:
   * the job marks in issue order and records how far it got with each batch; a finished rule
   * within LATE_COMMIT_MS before its cut-off, where a link committed after the marking passed it
   * can be, until the job has marked those too), or when it has not expired and something it was
   * issued under ended (REVOKING_ENDS; such a link was issued within LINK_TTL_MAX, as for
   * `active`; that part reads ISSUED_UNDER_REVOKED_SQL alone, not the rules, which have parts of
   * their own). Each part gives its first `take` links; the first `take` of their union are the
   * page. The rules are read first, so that each probe names its values and PostgreSQL prunes the
   * partitions outside the rule's issue times when it plans.
   */
  private async revokedRecords(where: Prisma.Sql, take: number, now: Date): Promise<Prisma.Sql> {
    const rules = await this.prisma.$queryRaw<RuleInForce[]>`
      SELECT camera_uuid AS "cameraUuid", integration_id AS "integrationId", user_id AS "userId", issued_from AS "issuedFrom",
             issued_to AS "issuedTo", source, kind::text AS kind, token_prefix AS "tokenPrefix", cut_off AS "cutOff",
             cursor_at AS "cursorAt", cursor_id AS "cursorId"
             , finished_at IS NOT NULL AS finished
        FROM revocation_rules WHERE late_marked_at IS NULL`;
    const byRules = rules.map(
      (rule) => Prisma.sql`
        (SELECT l.id, l.issued_at FROM issued_links l
          WHERE ${where} AND ${Prisma.join(this.conditions(selectedBy(rule), now), ' AND ')} AND l.revoked_at IS NULL
            AND l.issued_at <= ${rule.cutOff} AND l.expires_at > ${rule.cutOff} AND ${notMarkedYet(rule)}
          ${newestFirst(take)})`,
    );
    const ended = await this.scopesEnded(REVOKING_ENDS);
    return this.page(
      [
        Prisma.sql`(SELECT l.id, l.issued_at FROM issued_links l WHERE ${where} AND l.revoked_at IS NOT NULL ${newestFirst(take)})`,
        ...byRules,
        ...linksOfEnds(ended, Prisma.sql`${where} AND ${this.unexpired(now)} AND ${ISSUED_UNDER_REVOKED_SQL}`, take),
      ],
      take,
      now,
    );
  }

  /**
   * The suspended links' page: those of the blocked cameras and of the streams that ended
   * (SUSPENDING_ENDS) whose status is `suspended`, instead of judging every link that has not
   * expired. As revokedRecords, each part gives its first `take` links.
   */
  private async suspendedRecords(where: Prisma.Sql, take: number, now: Date): Promise<Prisma.Sql | null> {
    const ended = await this.scopesEnded(SUSPENDING_ENDS);
    if (ended.length === 0) return null;
    const suspended = Prisma.sql`${where} AND ${this.unexpired(now)} AND ${statusAt(now)} = 'suspended'`;
    return this.page(linksOfEnds(ended, suspended, take), take, now);
  }

  /**
   * Those of `scopes` with an end (or a blocked camera): a part over the partitions of LINK_TTL_MAX
   * costs PostgreSQL tens of milliseconds to plan, so only the parts that can find a link are
   * asked, each from the earliest links_from of its ends.
   */
  private async scopesEnded(scopes: Record<string, EndedScope>): Promise<ScopeEnded[]> {
    const ended = await this.prisma.$queryRaw<{ scope: string; linksFrom: Date | null }[]>`
      SELECT scope, CASE WHEN bool_and(links_from IS NOT NULL) THEN min(links_from) END AS "linksFrom"
        FROM issued_under_ends GROUP BY scope
       UNION ALL SELECT 'blocked', NULL WHERE EXISTS (SELECT 1 FROM cameras WHERE blocked)`;
    return ended
      .filter(({ scope }) => Object.hasOwn(scopes, scope))
      .map(({ scope, linksFrom }) => ({ scope: scopes[scope], linksFrom }));
  }

  /** The first `take` of the parts' (id, issued_at) rows, newest first, as records. */
  private page(parts: Prisma.Sql[], take: number, now: Date): Prisma.Sql {
    return Prisma.sql`
      SELECT ${RECORD}, ${statusAt(now)} AS status FROM (
        SELECT * FROM (${Prisma.join(parts, ' UNION ')}) parts
         ORDER BY issued_at DESC, id DESC LIMIT ${take}::int) page
      JOIN issued_links l ON l.id = page.id AND l.issued_at = page.issued_at ${ISSUED_UNDER} ${NAMES}
      ORDER BY l.issued_at DESC, l.id DESC`;
  }

  /** Neither revoked by its row nor expired, so issued within LINK_TTL_MAX (the issued_at bound the indexes serve). */
  private unexpired(now: Date): Prisma.Sql {
    return Prisma.sql`l.revoked_at IS NULL AND l.expires_at > ${now} AND l.issued_at > ${this.activeSince(now)}`;
  }

  async findById(id: string, now: Date): Promise<IssuedLinkRecord | undefined> {
    const rows = await this.prisma.$queryRaw<IssuedLinkRecord[]>`
      SELECT ${RECORD}, ${statusAt(now)} AS status FROM issued_links l ${ISSUED_UNDER} ${NAMES} WHERE l.id = ${id}::uuid`;
    return rows[0];
  }

  /**
   * Revokes one link unless it already is: the token hash of the link revoked (what the caches
   * hold it by), null when it already was, undefined when there is no such link.
   */
  async revoke(id: string, revocation: Revocation): Promise<string | null | undefined> {
    const [revoked] = await this.prisma.$queryRaw<{ tokenHash: string }[]>`
      UPDATE issued_links l SET revoked_at = ${revocation.at}, revoked_by = ${revocation.by.name},
                          revoked_by_admin_id = ${revocation.by.id}::uuid, revoked_by_type = 'admin', revoked_reason = ${revocation.reason}
       WHERE l.id = ${id}::uuid AND l.revoked_at IS NULL
       RETURNING l.token_hash AS "tokenHash"`;
    if (revoked) return revoked.tokenHash;
    return (await this.prisma.issuedLink.count({ where: { id } })) > 0 ? null : undefined;
  }

  /**
   * Revokes every link matching the filter that is neither revoked nor past its own expiry
   * (suspended ones too), in one statement; returns how many.
   */
  revokeMatching(filter: Omit<LinkFilter, 'status'>, revocation: Revocation): Promise<number> {
    return this.prisma.$executeRaw`
      UPDATE issued_links l SET revoked_at = ${revocation.at}, revoked_by = ${revocation.by.name},
                          revoked_by_admin_id = ${revocation.by.id}::uuid, revoked_by_type = 'admin', revoked_reason = ${revocation.reason}
       WHERE ${Prisma.join(this.conditions(filter, revocation.at), ' AND ')} AND l.revoked_at IS NULL AND l.expires_at > ${revocation.at}`;
  }

  /**
   * Revokes the links among `tokenHashes` that the issuer issued and that are not revoked yet,
   * and records the audit event, in one transaction: all of it or nothing. Links of anyone else
   * are neither touched nor told apart from unknown ones. Each revoked row fires the same
   * change notification as an admin's revocation (the issued_links_revoked trigger).
   */
  async revokeOwn(request: OwnRevocationRequest): Promise<OwnRevocation> {
    const { owner, tokenHashes, reason, at } = request;
    const owned =
      'integrationId' in owner
        ? Prisma.sql`l.integration_id = ${owner.integrationId}::uuid${owner.userId ? Prisma.sql` AND l.user_id = ${owner.userId}::uuid` : Prisma.empty}`
        : Prisma.sql`l.user_id = ${owner.userId}::uuid AND l.integration_id IS NULL`;
    const [actorType, actorId] =
      'integrationId' in owner ? (['integration', owner.integrationId] as const) : (['user', owner.userId] as const);
    return this.prisma.$transaction(async (tx) => {
      const [named] = await (actorType === 'integration'
        ? tx.$queryRaw<{ name: string }[]>`SELECT name FROM integrations WHERE id = ${actorId}::uuid`
        : tx.$queryRaw<{ name: string }[]>`SELECT name FROM users WHERE id = ${actorId}::uuid`);
      const actor = named?.name ?? actorId;
      const revokedRows = await tx.$queryRaw<{ id: string; tokenHash: string }[]>`
        UPDATE issued_links l SET revoked_at = ${at}, revoked_by = ${actor}, revoked_by_admin_id = NULL, revoked_by_type = ${actorType}, revoked_reason = ${reason}
         WHERE l.token_hash = ANY(${tokenHashes}::text[]) AND ${owned} AND l.revoked_at IS NULL
         RETURNING l.id, l.token_hash AS "tokenHash"`;
      const revoked = new Map(revokedRows.map((row) => [row.tokenHash, row.id]));
      const found = await tx.$queryRaw<{ id: string; tokenHash: string }[]>`
        SELECT l.id, l.token_hash AS "tokenHash" FROM issued_links l WHERE l.token_hash = ANY(${tokenHashes}::text[]) AND ${owned}`;
      const alreadyRevoked = new Map(
        found.filter((row) => !revoked.has(row.tokenHash)).map((row) => [row.tokenHash, row.id]),
      );
      await this.audit.append(request.auditEvent({ revoked, alreadyRevoked, actorType, actor, actorId }), tx);
      return { revoked, alreadyRevoked };
    });
  }

  /**
   * Revokes the active links issued under something that is going away or no longer stands,
   * inside the caller's transaction, so the change and its revocations commit together.
   */
  async revokeIssuedUnder(tx: Prisma.TransactionClient, under: IssuedUnder, revocation: Revocation): Promise<number> {
    const { count } = await tx.issuedLink.updateMany({
      where: { ...under, revokedAt: null, expiresAt: { gt: revocation.at } },
      data: this.revokedFields(revocation),
    });
    // Every link of the scope committed by now is marked: only one issued from LATE_COMMIT_MS
    // before can still commit unmarked, and the revoked listing reads those alone.
    await this.ends.revokedFrom(tx, under, new Date(revocation.at.getTime() - LATE_COMMIT_MS));
    return count;
  }

  /**
   * Makes the day partitions of issued_links from `first` to `last` (UTC days) that do not exist
   * yet; returns how many it made, or null when the lock on issued_links that a new partition
   * needs was not had within `lockTimeoutMs` (none made). A day whose links already sit in the
   * DEFAULT partition is skipped with a warning in PostgreSQL's log (its links stay there).
   */
  createPartitions(first: Date, last: Date, lockTimeoutMs: number): Promise<number | null> {
    return this.nullOnLockTimeout(async (tx) => {
      await limitLockWait(tx, lockTimeoutMs);
      const [{ created }] = await tx.$queryRaw<{ created: number }[]>`
        SELECT camlinks_create_link_partitions(${utcDay(first)}::date, ${utcDay(last)}::date) AS created`;
      return created;
    });
  }

  /** The day partitions of issued_links whose day ended before `cutoff`: only their links can all have expired. */
  async partitionsEndedBefore(cutoff: Date): Promise<string[]> {
    const partitions = await this.prisma.$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
       WHERE i.inhparent = 'issued_links'::regclass ORDER BY c.relname`;
    return partitions
      .map(({ name }) => name)
      .filter((name) => {
        const day = partitionDay(name);
        return day !== undefined && day.getTime() + DAY_MS <= cutoff.getTime();
      });
  }

  /**
   * Drops a day partition if every link in it expired before `cutoff`, with the viewing sessions
   * of its links: no row is deleted from issued_links, so none is left dead. A partition still
   * holding a link that expires later (issued with a TTL longer than today's LINK_TTL_MAX) waits
   * for it. Returns how many links went (0: some have not expired, or another instance dropped
   * it), or null when the lock on issued_links was not had within `lockTimeoutMs` (nothing
   * changed). Under the lock that creating partitions takes, so instances take turns (a turn
   * is short: it waits no longer than that for issued_links).
   */
  dropPartitionIfExpired(name: string, cutoff: Date, lockTimeoutMs: number): Promise<number | null> {
    const day = partitionDay(name);
    if (!day) throw new Error(`${name} is not a day partition of issued_links`);
    return this.nullOnLockTimeout(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('camlinks_create_link_partitions'))`;
      // Another instance may have dropped it since the list was read.
      const [{ exists }] = await tx.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass(${name}) IS NOT NULL AS exists`;
      if (!exists) return 0;
      const [{ unexpired, links }] = await tx.$queryRawUnsafe<{ unexpired: boolean; links: number }[]>(
        `SELECT EXISTS (SELECT 1 FROM ${name} WHERE expires_at >= $1::timestamptz) AS unexpired,
                (SELECT count(*)::int FROM ${name}) AS links`,
        cutoff,
      );
      if (unexpired) return 0;
      await tx.$executeRawUnsafe(`DELETE FROM viewing_sessions WHERE link_id IN (SELECT id FROM ${name})`);
      await this.linkCounts.forgetIssuedDay(tx, day);
      // Only DETACH locks issued_links itself, last: the lock is held for the DETACH, the DROP and
      // the commit alone, and only its wait is cut short.
      await limitLockWait(tx, lockTimeoutMs);
      await tx.$executeRawUnsafe(`ALTER TABLE issued_links DETACH PARTITION ${name}`);
      await tx.$executeRawUnsafe(`DROP TABLE ${name}`);
      return links;
    });
  }

  /** Runs `work` in a transaction; null when a lock wait it limited ran out (all of it rolled back). */
  private async nullOnLockTimeout<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T | null> {
    try {
      return await this.prisma.$transaction(work);
    } catch (error) {
      if (isLockTimeout(error)) return null;
      throw error;
    }
  }

  /**
   * Deletes up to `batch` links of the DEFAULT partition (links of days without a partition of
   * their own, normally none) that expired before `cutoff`, and their viewing sessions; returns
   * how many links. One short statement per batch; rows another purge holds are skipped.
   */
  async purgeUnpartitionedExpiredBefore(cutoff: Date, batch: number): Promise<number> {
    // A link expires after it is issued, so `issued_at < cutoff` changes nothing but lets the
    // scan use the issued_at index rather than read the whole partition, and prunes the
    // partitions the DELETE probes to the few older days not dropped yet. The DELETE names the
    // partitioned table: statement triggers (link_counts) fire only for the table a statement names.
    const [{ count }] = await this.prisma.$queryRaw<{ count: number }[]>`
      WITH gone AS (
        DELETE FROM issued_links WHERE issued_at < ${cutoff}::timestamptz AND (id, issued_at) IN (
          SELECT id, issued_at FROM issued_links_default WHERE issued_at < ${cutoff}::timestamptz AND expires_at < ${cutoff}::timestamptz
           LIMIT ${batch}::int FOR UPDATE SKIP LOCKED)
        RETURNING id),
      sessions AS (DELETE FROM viewing_sessions WHERE link_id IN (SELECT id FROM gone))
      SELECT count(*)::int AS count FROM gone`;
    return count;
  }

  /** How many active links `revokeMatching` would revoke now, for a confirmation. */
  async countRevocable(filter: Omit<LinkFilter, 'status'>, now: Date, upTo?: number): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) AS count FROM (
        SELECT 1 FROM issued_links l WHERE ${Prisma.join(this.conditions(filter, now), ' AND ')} AND l.revoked_at IS NULL AND l.expires_at > ${now}
        ${upTo === undefined ? Prisma.empty : Prisma.sql`LIMIT ${upTo}`}) counted`;
    return Number(row.count);
  }

  /**
   * Marks revoked the next `batch` links (in issue order after `after`) that a revocation rule
   * selects, inside the caller's transaction, with the rule's cut-off as their revoked_at; links
   * already revoked or expired by the cut-off keep their state. Returns how many it marked and
   * the last link it looked at (the next batch's `after`; undefined: none left).
   */
  async markForRule(
    tx: Prisma.TransactionClient,
    rule: { filter: Omit<LinkFilter, 'status'>; revocation: Revocation },
    after: Cursor | null,
    batch: number,
  ): Promise<{ marked: number; last?: Cursor }> {
    const { at, by, reason } = rule.revocation;
    const [row] = await tx.$queryRaw<{ marked: number; lastAt: Date | null; lastId: string | null }[]>`
      WITH batch AS MATERIALIZED (
        SELECT l.id, l.issued_at FROM issued_links l
         WHERE ${Prisma.join(this.conditions(rule.filter, at), ' AND ')} AND l.issued_at <= ${at}
           ${after ? Prisma.sql`AND (l.issued_at, l.id) > (${after.at}, ${after.id}::uuid)` : Prisma.empty}
         ORDER BY l.issued_at, l.id LIMIT ${batch}),
      -- Not a join with the batch: the planner hashed every unrevoked, unexpired link of every
      -- partition to join 5,000 (all of them, per batch). By id and between the batch's first and
      -- last issue times, each batch reads its own rows by the primary key, in the partitions of
      -- its days alone (pruned when the statement runs).
      marked AS (
        UPDATE issued_links l SET revoked_at = ${at}, revoked_by = ${by.name}, revoked_by_admin_id = ${by.id}::uuid,
                                  revoked_by_type = 'admin', revoked_reason = ${reason}
         WHERE l.id = ANY (ARRAY(SELECT id FROM batch))
           AND l.issued_at >= (SELECT min(issued_at) FROM batch) AND l.issued_at <= (SELECT max(issued_at) FROM batch)
           AND l.revoked_at IS NULL AND l.expires_at > ${at}
         RETURNING 1),
      last AS (SELECT issued_at, id FROM batch ORDER BY issued_at DESC, id DESC LIMIT 1)
      SELECT (SELECT count(*)::int FROM marked) AS marked, (SELECT issued_at FROM last) AS "lastAt", (SELECT id FROM last) AS "lastId"`;
    return { marked: row.marked, ...(row.lastAt && row.lastId && { last: { at: row.lastAt, id: row.lastId } }) };
  }

  private activeSince(now: Date): Date {
    return earliestIssuedUnexpired(now, this.config.links.ttlMax);
  }

  private revokedFields(revocation: Revocation) {
    return {
      revokedAt: revocation.at,
      revokedBy: revocation.by.name,
      revokedByAdminId: revocation.by.id,
      revokedByType: 'admin' satisfies RevokerType,
      revokedReason: revocation.reason,
    };
  }

  /** The filter as SQL over `l` (and, for the status, ISSUED_UNDER). */
  private conditions(filter: LinkFilter, now: Date): Prisma.Sql[] {
    const conditions = [Prisma.sql`TRUE`];
    if (filter.cameraUuid) conditions.push(Prisma.sql`l.camera_uuid = ${filter.cameraUuid}::uuid`);
    if (filter.userId) conditions.push(Prisma.sql`l.user_id = ${filter.userId}::uuid`);
    if (filter.integrationId) conditions.push(Prisma.sql`l.integration_id = ${filter.integrationId}::uuid`);
    if (filter.source) conditions.push(Prisma.sql`l.source = ${filter.source}`);
    if (filter.kind) conditions.push(Prisma.sql`l.kind = ${filter.kind}::link_kind`);
    if (filter.issuedFrom) conditions.push(Prisma.sql`l.issued_at >= ${filter.issuedFrom}`);
    if (filter.issuedTo) conditions.push(Prisma.sql`l.issued_at < ${filter.issuedTo}`);
    if (filter.tokenPrefix) conditions.push(tokenPrefixCondition(filter.tokenPrefix));
    if (filter.status) conditions.push(Prisma.sql`${statusAt(now)} = ${filter.status}`);
    // An active or suspended link has not expired, so it was issued within the longest TTL: a bound
    // the issued_at index serves, where the status alone would read every row to find none.
    // (Links issued with a longer TTL before LINK_TTL_MAX was lowered drop out of these two filters early.)
    if (filter.status === 'active' || filter.status === 'suspended')
      conditions.push(Prisma.sql`l.issued_at > ${this.activeSince(now)}`);
    // None may match: the links neither expired nor revoked are the few an index reads (an active
    // filter stops at its first page, newest first).
    if (filter.status === 'suspended') conditions.push(Prisma.sql`l.revoked_at IS NULL AND l.expires_at > ${now}`);
    return conditions;
  }
}

/**
 * Making or detaching a partition takes an ACCESS EXCLUSIVE lock on issued_links: while it waits
 * for the queries that hold the table, every query after it (verification's too) waits behind
 * it. So the rest of the transaction waits no longer than `ms` for a lock, and the caller tries
 * again later rather than stall them.
 */
async function limitLockWait(tx: Prisma.TransactionClient, ms: number): Promise<void> {
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = ${Math.round(ms)}`);
}

/** The day of a day partition's name (`issued_links_p20261207`); undefined for any other table. */
function partitionDay(name: string): Date | undefined {
  const day = /^issued_links_p(\d{4})(\d{2})(\d{2})$/.exec(name);
  return day ? new Date(Date.UTC(+day[1], +day[2] - 1, +day[3])) : undefined;
}

/** Where a rule's unmarked links can be: past its job's cursor, or committed late (LATE_COMMIT_MS). */
function notMarkedYet(rule: RuleInForce): Prisma.Sql {
  const late = new Date(rule.cutOff.getTime() - LATE_COMMIT_MS);
  if (rule.finished || (rule.cursorAt && rule.cursorAt >= late)) return Prisma.sql`l.issued_at >= ${late}`;
  return rule.cursorAt
    ? Prisma.sql`l.issued_at >= ${rule.cursorAt} AND (l.issued_at, l.id) > (${rule.cursorAt}, ${rule.cursorId}::uuid)`
    : Prisma.sql`TRUE`;
}

function newestFirst(take: number): Prisma.Sql {
  return Prisma.sql`ORDER BY l.issued_at DESC, l.id DESC LIMIT ${take}::int`;
}

/**
 * Scopes whose links can no longer open: the rows naming them (`e`), and how a link `l` belongs
 * to one, so that the index leading with its owner (camera, user, integration) finds its links.
 * Those revoked by something they were issued under (ISSUED_UNDER_REVOKED_SQL: a camera gone, a
 * grant gone, an issuer's token revoked or gone), and those that may be suspended (a blocked
 * camera, a stream gone). issued_under_ends holds every such end (its triggers write them).
 */
interface EndedScope {
  /** Its rows: the owner's columns, and `links_from` (issued_under_ends; -infinity: all links). */
  ends: string;
  reach: string;
}
/** Of a scope's ends, the earliest links_from, -infinity when one has none. */
const FROM = `min(COALESCE(links_from, '-infinity')) AS links_from`;
const REVOKING_ENDS: Record<string, EndedScope> = {
  camera: {
    ends: `SELECT camera_uuid, ${FROM} FROM issued_under_ends WHERE scope = 'camera' GROUP BY 1`,
    reach: 'l.camera_uuid = e.camera_uuid',
  },
  grant: {
    ends: `SELECT user_id, camera_uuid, ${FROM} FROM issued_under_ends WHERE scope = 'grant' GROUP BY 1, 2`,
    reach: 'l.user_id = e.user_id AND l.camera_uuid = e.camera_uuid',
  },
  integration_token: {
    ends: `SELECT integration_id, token_id, ${FROM} FROM issued_under_ends WHERE scope = 'integration_token' GROUP BY 1, 2`,
    reach: 'l.integration_id = e.integration_id AND l.integration_token_id = e.token_id',
  },
  user_token: {
    ends: `SELECT user_id, token_id, ${FROM} FROM issued_under_ends WHERE scope = 'user_token' GROUP BY 1, 2`,
    reach: 'l.user_id = e.user_id AND l.user_token_id = e.token_id',
  },
};
const SUSPENDING_ENDS: Record<string, EndedScope> = {
  blocked: {
    ends: `SELECT uuid AS camera_uuid, '-infinity'::timestamptz AS links_from FROM cameras WHERE blocked`,
    reach: 'l.camera_uuid = e.camera_uuid',
  },
  stream: {
    ends: `SELECT camera_uuid, stream_name, ${FROM} FROM issued_under_ends WHERE scope = 'stream' GROUP BY 1, 2`,
    reach: 'l.camera_uuid = e.camera_uuid AND l.stream_name = e.stream_name',
  },
};

/** A scope kind with ends, and the earliest links_from of them all (null: some have none). */
interface ScopeEnded {
  scope: EndedScope;
  linksFrom: Date | null;
}

/**
 * For each scope kind, the first `take` links (id, issued_at) newest first that pass `check`
 * (over `l` and ISSUED_UNDER): scope by scope (LATERAL), each through its owner's index in issue
 * order from its links_from, so a part reads the links of what ended (and, where camlinks
 * revoked them as it ended, only those committed later) and never the links in use. The
 * earliest links_from also bounds the part as a value, so PostgreSQL plans only its partitions.
 */
function linksOfEnds(ended: ScopeEnded[], check: Prisma.Sql, take: number): Prisma.Sql[] {
  return ended.map(
    ({ scope: { ends, reach }, linksFrom }) => Prisma.sql`
      (SELECT x.id, x.issued_at FROM (${Prisma.raw(ends)}) e CROSS JOIN LATERAL (
         SELECT l.id, l.issued_at FROM issued_links l ${ISSUED_UNDER}
          WHERE ${Prisma.raw(reach)} AND l.issued_at >= e.links_from AND ${check}
            ${linksFrom ? Prisma.sql`AND l.issued_at >= ${linksFrom}` : Prisma.empty} ${newestFirst(take)}) x
        ORDER BY x.issued_at DESC, x.id DESC LIMIT ${take}::int)`,
  );
}

/** A rule's selection as a listing's filter, as markForRule is given it. */
function selectedBy(rule: RuleInForce): Omit<LinkFilter, 'status'> {
  const { cameraUuid, integrationId, userId, issuedFrom, issuedTo, source, kind, tokenPrefix } = rule;
  return {
    ...(cameraUuid && { cameraUuid }),
    ...(integrationId && { integrationId }),
    ...(userId && { userId }),
    ...(issuedFrom && { issuedFrom }),
    ...(issuedTo && { issuedTo }),
    ...(source && { source }),
    ...(kind && { kind }),
    ...(tokenPrefix && { tokenPrefix }),
  };
}

/** The UTC day of `at`, as a date literal. */
function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * A pasted token (or its display prefix) is an equality on the stored prefix, which the
 * token_prefix index serves; a shorter start is a LIKE with its wildcards escaped (tokens
 * contain `_`), which that index serves only under the C collation.
 */
function tokenPrefixCondition(start: string): Prisma.Sql {
  if (start.length >= DISPLAY_LENGTH) return Prisma.sql`l.token_prefix = ${start.slice(0, DISPLAY_LENGTH)}`;
  return Prisma.sql`l.token_prefix LIKE ${start.replace(/[\\_%]/g, '\\$&')} || '%'`;
}
