import { Injectable } from '@nestjs/common';
import { afterCursor, type Cursor } from '../common/cursor';
import { PrismaService } from '../database/prisma.service';
import type { LinkKind } from './link-kind';

export interface NewIssuedLink {
  tokenHash: string;
  tokenPrefix: string;
  cameraUuid: string;
  streamType: string;
  streamName: string;
  kind: LinkKind;
  archiveFrom: Date | null;
  archiveTo: Date | null;
  source: string;
  ttl: number;
  issuedAt: Date;
  expiresAt: Date;
  integrationId: string | null;
  integrationTokenId: string | null;
  userId: string | null;
  userTokenId: string | null;
  clientIp: string | null;
  cameraGeneration: number;
  grantGeneration: number | null;
  userAgent: string | null;
}

/** An issued link as the audit sees it: everything but the token hash. */
export interface IssuedLinkRecord extends Omit<NewIssuedLink, 'tokenHash'> {
  id: string;
  cameraName: string | null;
  revokedAt: Date | null;
  revokedBy: string | null;
  revokedReason: string | null;
  useCount: number;
  firstUsedAt: Date | null;
  lastUsedAt: Date | null;
  lastIp: string | null;
  deniedCount: number;
  lastDeniedAt: Date | null;
  lastDeniedReason: string | null;
}

export type LinkStatus = 'active' | 'expired' | 'revoked';

export interface LinkFilter {
  cameraUuid?: string;
  userId?: string;
  integrationId?: string;
  status?: LinkStatus;
  source?: string;
  kind?: LinkKind;
  issuedFrom?: Date;
  issuedTo?: Date;
}

export interface Revocation {
  by: string;
  reason: string | null;
  at: Date;
}

/** Everything but the hash: it never leaves this repository. */
const PUBLIC_FIELDS = {
  tokenHash: false,
} as const;

@Injectable()
export class IssuedLinksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One INSERT for all links of a request: a single statement is atomic, so a failure leaves no rows. */
  async insertMany(links: NewIssuedLink[]): Promise<void> {
    // Not createMany: Prisma compiles every createMany afresh (its query plan cache skips them),
    // which cost more than all the rest of issuing. The batch travels as one JSON parameter.
    await this.prisma.$executeRaw`
      INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, archive_from, archive_to, source, ttl,
                                issued_at, expires_at, integration_id, integration_token_id, user_id, user_token_id, camera_generation, grant_generation, client_ip, user_agent)
      SELECT gen_random_uuid(), l."tokenHash", l."tokenPrefix", l."cameraUuid", l."streamType", l."streamName", l.kind::link_kind, l."archiveFrom", l."archiveTo", l.source, l.ttl,
             l."issuedAt", l."expiresAt", l."integrationId", l."integrationTokenId", l."userId", l."userTokenId", l."cameraGeneration", l."grantGeneration", l."clientIp", l."userAgent"
        FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS l("tokenHash" text, "tokenPrefix" text, "cameraUuid" uuid, "streamType" text, "streamName" text,
             kind text, "archiveFrom" timestamptz, "archiveTo" timestamptz, source text, ttl int, "issuedAt" timestamptz, "expiresAt" timestamptz,
             "integrationId" uuid, "integrationTokenId" uuid, "userId" uuid, "userTokenId" uuid, "cameraGeneration" int, "grantGeneration" int, "clientIp" text, "userAgent" text)`;
  }

  /** Newest first, after `cursor`; `take` rows at most. */
  async list(filter: LinkFilter, cursor: Cursor | undefined, take: number, now: Date): Promise<IssuedLinkRecord[]> {
    const rows = await this.prisma.issuedLink.findMany({
      where: { ...this.where(filter, now), ...afterCursor('issuedAt', cursor) },
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      take,
      omit: PUBLIC_FIELDS,
    });
    return this.withCameraNames(rows);
  }

  async findById(id: string): Promise<IssuedLinkRecord | undefined> {
    const row = await this.prisma.issuedLink.findUnique({ where: { id }, omit: PUBLIC_FIELDS });
    return row ? (await this.withCameraNames([row]))[0] : undefined;
  }

  /** Revokes one link unless it already is; false when there is no such link. */
  async revoke(id: string, revocation: Revocation): Promise<boolean> {
    const { count } = await this.prisma.issuedLink.updateMany({ where: { id, revokedAt: null }, data: this.revokedFields(revocation) });
    return count > 0 || (await this.prisma.issuedLink.count({ where: { id } })) > 0;
  }

  /** Revokes every active link matching the filter, in one statement; returns how many. */
  async revokeMatching(filter: Omit<LinkFilter, 'status'>, revocation: Revocation): Promise<number> {
    const { count } = await this.prisma.issuedLink.updateMany({
      where: this.where({ ...filter, status: 'active' }, revocation.at),
      data: this.revokedFields(revocation),
    });
    return count;
  }

  /**
   * Deletes up to `batch` links that expired before `cutoff`; returns how many. One short
   * statement per batch; rows another purge holds are skipped, never waited for.
   */
  async purgeExpiredBefore(cutoff: Date, batch: number): Promise<number> {
    // A link expires after it is issued, so `issued_at < cutoff` changes nothing but lets the
    // scan use the issued_at index rather than read the whole table.
    return this.prisma.$executeRaw`
      DELETE FROM issued_links WHERE id IN (
        SELECT id FROM issued_links WHERE issued_at < ${cutoff}::timestamptz AND expires_at < ${cutoff}::timestamptz
         LIMIT ${batch}::int FOR UPDATE SKIP LOCKED)`;
  }

  private revokedFields(revocation: Revocation) {
    return { revokedAt: revocation.at, revokedBy: revocation.by, revokedReason: revocation.reason };
  }

  private where(filter: LinkFilter, now: Date) {
    const status = {
      active: { revokedAt: null, expiresAt: { gt: now } },
      expired: { revokedAt: null, expiresAt: { lte: now } },
      revoked: { revokedAt: { not: null } },
    } as const;
    return {
      cameraUuid: filter.cameraUuid,
      userId: filter.userId,
      integrationId: filter.integrationId,
      source: filter.source,
      kind: filter.kind,
      issuedAt: { gte: filter.issuedFrom, lt: filter.issuedTo },
      ...(filter.status && status[filter.status]),
    };
  }

  /** Links keep no foreign key to cameras (they outlive them), so names are looked up per page. */
  private async withCameraNames<T extends { cameraUuid: string }>(rows: T[]): Promise<(T & { cameraName: string | null })[]> {
    if (!rows.length) return [];
    const cameras = await this.prisma.camera.findMany({
      where: { uuid: { in: [...new Set(rows.map((r) => r.cameraUuid))] } },
      select: { uuid: true, name: true },
    });
    const names = new Map(cameras.map((c) => [c.uuid, c.name]));
    return rows.map((row) => ({ ...row, cameraName: names.get(row.cameraUuid) ?? null }));
  }
}
