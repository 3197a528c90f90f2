import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { AppError, fieldMessage } from '../../common/app-error';
import { type Cursor, fetchPage, inBatches } from '../../common/cursor';
import { type IssuedLinkRecord, IssuedLinksRepository, type LinkFilter } from '../../links/issued-links.repository';
import type { LinksQueryDto, RevokeLinksDto } from './links.dto';

const EXPORT_BATCH = 500;

/** Audit and revocation of issued links. Revoking never deletes: it stamps who, when and why. */
@Injectable()
export class LinksAdminService {
  constructor(private readonly links: IssuedLinksRepository) {}

  async list(query: LinksQueryDto, now: Date): Promise<{ data: IssuedLinkRecord[]; nextCursor: string | null }> {
    return fetchPage(query, (after, take) => this.links.list(toFilter(query), after, take, now), cursorOf);
  }

  /** Every matching link, a batch at a time, so an export never holds more than one batch. */
  export(query: LinksQueryDto, now: Date): AsyncGenerator<IssuedLinkRecord[]> {
    const filter = toFilter(query);
    return inBatches(query.cursor, EXPORT_BATCH, (after, take) => this.links.list(filter, after, take, now), cursorOf);
  }

  async get(id: string, now: Date): Promise<IssuedLinkRecord> {
    return (await this.links.findById(id, now)) ?? Promise.reject(AppError.notFound('Link'));
  }

  async revoke(id: string, actor: AdminIdentity, reason: string | undefined, now: Date): Promise<IssuedLinkRecord> {
    if (!(await this.links.revoke(id, { by: actor, reason: reason ?? null, at: now }))) throw AppError.notFound('Link');
    return this.get(id, now);
  }

  async revokeMatching(body: RevokeLinksDto, actor: AdminIdentity): Promise<number> {
    const filter = {
      cameraUuid: body.camera_uuid,
      userId: body.user_id,
      integrationId: body.integration_id,
      issuedTo: body.issued_before ? new Date(body.issued_before) : undefined,
    };
    if (!narrows(filter)) {
      throw AppError.validation({ filter: [fieldMessage('filter', 'needs at least one of camera_uuid, user_id, integration_id or issued_before')] });
    }
    return this.links.revokeMatching(filter, { by: actor, reason: body.reason ?? null, at: new Date() });
  }

  /** How many links revoking everything the listing's filter selects would revoke now (the console asks before it does). */
  async countRevocable(query: LinksQueryDto, now: Date): Promise<number> {
    return this.links.countRevocable(selection(query), now);
  }

  /** Whether the listing's filter (its status aside) is narrow enough to revoke what it selects. */
  canRevokeSelection(query: LinksQueryDto): boolean {
    return narrows(withoutStatus(query));
  }

  /** Revokes every active link the listing's filter selects (its status aside), as the console's bulk revoke does. */
  async revokeSelection(query: LinksQueryDto, actor: AdminIdentity, reason: string | undefined): Promise<number> {
    return this.links.revokeMatching(selection(query), { by: actor, reason: reason ?? null, at: new Date() });
  }
}

/** Revoking "everything" by omission is too easy a mistake: a bulk revoke must be asked for by a filter. */
function narrows(filter: Omit<LinkFilter, 'status'>): boolean {
  return !!(filter.cameraUuid || filter.userId || filter.integrationId || filter.issuedFrom || filter.issuedTo || filter.tokenPrefix);
}

/** The listing's filter without its status: what a bulk revoke selects. */
function withoutStatus(query: LinksQueryDto): Omit<LinkFilter, 'status'> {
  const { status: _, ...filter } = toFilter(query);
  return filter;
}

/** The listing's filter without its status, refused when it selects everything (as revokeMatching is). */
function selection(query: LinksQueryDto): Omit<LinkFilter, 'status'> {
  const filter = withoutStatus(query);
  if (!narrows(filter)) {
    throw AppError.validation({ filter: [fieldMessage('filter', 'needs at least one of camera, user, integration, issue time or token prefix')] });
  }
  return filter;
}

const cursorOf = (link: IssuedLinkRecord): Cursor => ({ at: link.issuedAt, id: link.id });

function toFilter(query: LinksQueryDto): LinkFilter {
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
