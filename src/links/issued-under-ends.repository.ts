import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

/**
 * The links something they were issued under takes with it (a camera, a grant, a user, an
 * integration, a token). The owner is always part of it, so that an index narrows the search.
 */
export type IssuedUnder =
  | { cameraUuid: string }
  | { userId: string; cameraUuid?: string; userTokenId?: string }
  | { integrationId: string; integrationTokenId?: string };

/**
 * issued_under_ends: what links were issued under and has ended (a camera, a stream, a grant, a
 * token). Triggers write it (migration 20261207190000_issued_under_ends); the revoked and
 * suspended listings read it (IssuedLinksRepository); this bounds and deletes its rows.
 */
@Injectable()
export class IssuedUnderEndsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Deletes the ends before `before`: a link issued before one of them has expired once `before`
   * is LINK_TTL_MAX (and LATE_COMMIT_MS) ago. A few rows a day: one statement is enough.
   */
  async purgeBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.issuedUnderEnd.deleteMany({ where: { endedAt: { lt: before } } });
    return count;
  }

  /**
   * Within the caller's transaction, once it has revoked every link issued under `under`: the
   * unbounded ends inside that scope (of it, or of a grant or token within it) need only the
   * links issued from `from` on, those that could commit after the revocation.
   */
  async revokedFrom(tx: Prisma.TransactionClient, under: IssuedUnder, from: Date): Promise<void> {
    const within = {
      cameraUuid: 'cameraUuid' in under ? under.cameraUuid : undefined,
      userId: 'userId' in under ? under.userId : undefined,
      integrationId: 'integrationId' in under ? under.integrationId : undefined,
      tokenId:
        ('userTokenId' in under && under.userTokenId) ||
        ('integrationTokenId' in under && under.integrationTokenId) ||
        undefined,
    };
    await tx.issuedUnderEnd.updateMany({ where: { ...within, linksFrom: null }, data: { linksFrom: from } });
  }
}
