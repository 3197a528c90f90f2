import { Inject, Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { AppError, fieldMessage } from '../../common/app-error';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { type Cursor, fetchPage, inBatches } from '../../common/cursor';
import { DatabaseChanges } from '../../database/database-changes';
import {
  type CsvBatch,
  type IssuedLinkRecord,
  IssuedLinksRepository,
  type LinkFilter,
  type Revocation,
} from '../../links/issued-links.repository';
import { csvLineSql, type SqlCsvColumns } from '../csv-export';
import type { LinksExportQueryDto, LinksQueryDto, RevokeLinksDto } from './links.dto';
import { RevocationJob } from '../revocations/revocation-job';
import {
  notifiedSelection,
  type RevocationRuleRecord,
  RevocationRulesRepository,
} from '../../links/revocation-rules.repository';

const EXPORT_BATCH = 500;

/** A bulk revocation's outcome: the count of links revoked in the request, or the rule revoking them. */
export type BulkRevocation = { count: number } | { revocation: RevocationRuleRecord };
/**
 * A bulk revocation of at most this many links is one statement, answered with its count; a
 * larger one is a revocation rule, in force at once and marked in batches (RevocationJob).
 */
export const REVOKE_AT_ONCE_MAX = 1_000;

/** Audit and revocation of issued links. Revoking never deletes: it stamps who, when and why. */
@Injectable()
export class AdminLinksService {
  constructor(
    private readonly links: IssuedLinksRepository,
    private readonly changes: DatabaseChanges,
    private readonly rules: RevocationRulesRepository,
    private readonly job: RevocationJob,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: LinksQueryDto, now: Date): Promise<{ data: IssuedLinkRecord[]; nextCursor: string | null }> {
    return fetchPage(query, (after, take) => this.links.list(toFilter(query), after, take, now), cursorOf);
  }

  /** Every matching link as CSV lines, a batch at a time, so an export never holds more than one batch. */
  export(query: LinksExportQueryDto, now: Date, columns: SqlCsvColumns): AsyncGenerator<CsvBatch> {
    const filter = toFilter(query);
    const line = csvLineSql(columns);
    return inBatches(
      query.cursor,
      EXPORT_BATCH,
      (after, take) => this.links.listCsv(filter, after, take, now, line),
      (batch) => batch,
    );
  }

  async get(id: string, now: Date): Promise<IssuedLinkRecord> {
    return (await this.links.findById(id, now)) ?? Promise.reject(AppError.notFound('Link'));
  }

  /**
   * Revokes one link; this instance's caches forget that link alone at once (the callers' routes
   * are `@AnnouncesItsChanges`), the others hear its token hash from the trigger.
   */
  async revoke(id: string, actor: AdminIdentity, reason: string | undefined, now: Date): Promise<IssuedLinkRecord> {
    const tokenHash = await this.links.revoke(id, { by: actor, reason: reason ?? null, at: now });
    if (tokenHash === undefined) throw AppError.notFound('Link');
    if (tokenHash !== null) this.changes.changedHere({ table: 'issued_links', keys: [tokenHash] });
    return this.get(id, now);
  }

  /**
   * Revokes every active link the filter selects (this instance's caches told here, so the
   * routes are `@AnnouncesItsChanges`): up to REVOKE_AT_ONCE_MAX in one statement (the
   * count), more by recording a revocation rule (in force from its commit on every instance,
   * through the link state and status SQL) whose rows the job then marks in batches.
   */
  async revokeMatching(body: RevokeLinksDto, actor: AdminIdentity): Promise<BulkRevocation> {
    const filter = {
      cameraUuid: body.camera_uuid,
      userId: body.user_id,
      integrationId: body.integration_id,
      issuedFrom: body.issued_after ? new Date(body.issued_after) : undefined,
      issuedTo: body.issued_before ? new Date(body.issued_before) : undefined,
      source: body.source,
      kind: body.kind,
      tokenPrefix: body.token_prefix,
    };
    if (!this.narrows(filter)) {
      throw AppError.validation({
        filter: [
          fieldMessage(
            'filter',
            `needs camera_uuid, user_id or integration_id, a token_prefix of at least ${MIN_TOKEN_PREFIX} characters, or issued_after and issued_before at most LINK_TTL_MAX (${this.config.links.ttlMax} s) apart`,
          ),
        ],
      });
    }
    return this.revokeNarrowed(filter, { by: actor, reason: body.reason ?? null, at: new Date() });
  }

  /** Up to REVOKE_AT_ONCE_MAX links: one statement. Otherwise a rule, in force from its commit. */
  private async revokeNarrowed(filter: Omit<LinkFilter, 'status'>, revocation: Revocation): Promise<BulkRevocation> {
    if ((await this.links.countRevocable(filter, revocation.at, REVOKE_AT_ONCE_MAX + 1)) <= REVOKE_AT_ONCE_MAX) {
      const count = await this.links.revokeMatching(filter, revocation);
      // Which links is not known here: this instance's link states go (its other caches stay).
      if (count) this.changes.changedHere({ table: 'issued_links' });
      return { count };
    }
    const rule = await this.rules.create(filter, revocation);
    this.changes.changedHere({ table: 'revocation_rules', selection: notifiedSelection(rule) });
    this.job.wake();
    return { revocation: rule };
  }

  /** A bulk revocation recorded as a rule, with its progress. */
  async revocation(id: string): Promise<RevocationRuleRecord> {
    return (await this.rules.find(id)) ?? Promise.reject(AppError.notFound('Revocation'));
  }

  /** How many links revoking everything the listing's filter selects would revoke now (the console asks before it does). */
  async countRevocable(query: LinksQueryDto, now: Date): Promise<number> {
    return this.links.countRevocable(this.selection(query), now);
  }

  /** Whether the listing's filter (its status aside) is narrow enough to revoke what it selects. */
  canRevokeSelection(query: LinksQueryDto): boolean {
    return this.narrows(withoutStatus(query));
  }

  /** Revokes every active link the listing's filter selects (its status aside), as the console's bulk revoke does. */
  async revokeSelection(
    query: LinksQueryDto,
    actor: AdminIdentity,
    reason: string | undefined,
  ): Promise<BulkRevocation> {
    return this.revokeNarrowed(this.selection(query), { by: actor, reason: reason ?? null, at: new Date() });
  }

  /**
   * Revoking "everything" by omission, or by a filter that keeps about everything (`cll_`, an
   * issue window from the year 2000), is too easy a mistake: a bulk revoke needs an id (camera,
   * user, integration), a token prefix of at least 4 characters after `cll_`, or an issue window
   * no longer than LINK_TTL_MAX.
   */
  private narrows(filter: Omit<LinkFilter, 'status'>): boolean {
    if (filter.cameraUuid || filter.userId || filter.integrationId) return true;
    if ((filter.tokenPrefix?.length ?? 0) >= MIN_TOKEN_PREFIX) return true;
    const { issuedFrom: from, issuedTo: to } = filter;
    return from !== undefined && to !== undefined && to.getTime() - from.getTime() <= this.config.links.ttlMax * 1000;
  }

  /** The listing's filter without its status, refused when it does not narrow (as revokeMatching is). */
  private selection(query: LinksQueryDto): Omit<LinkFilter, 'status'> {
    const filter = withoutStatus(query);
    if (!this.narrows(filter)) {
      throw AppError.validation({
        filter: [
          fieldMessage(
            'filter',
            `needs a camera, user or integration, a token prefix of at least ${MIN_TOKEN_PREFIX} characters, or an issue window of at most LINK_TTL_MAX (${this.config.links.ttlMax} s)`,
          ),
        ],
      });
    }
    return filter;
  }
}

/** `cll_` and at least 4 characters of the token's own. */
const MIN_TOKEN_PREFIX = 8;

/** The listing's filter without its status: what a bulk revoke selects. */
function withoutStatus(query: LinksQueryDto): Omit<LinkFilter, 'status'> {
  const { status: _, ...filter } = toFilter(query);
  return filter;
}

const cursorOf = (link: IssuedLinkRecord): Cursor => ({ at: link.issuedAt, id: link.id });

function toFilter(query: LinksExportQueryDto): LinkFilter {
  return {
    cameraUuid: query.camera_uuid,
    userId: query.user_id,
    integrationId: query.integration_id,
    status: query.status,
    source: query.source,
    kind: query.kind,
    issuedFrom: query.issued_from ? new Date(query.issued_from) : undefined,
    issuedTo: query.issued_to ? new Date(query.issued_to) : undefined,
    tokenPrefix: query.token_prefix,
  };
}
