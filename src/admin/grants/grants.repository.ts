import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { IssuedLinksRepository, type Revocation } from '../../links/issued-links.repository';

export interface GrantRecord {
  id: string;
  userId: string;
  cameraUuid: string;
  expiresAt: Date | null;
  createdAt: Date;
}

/** The only code that writes access_grants. Unknown ids surface as Prisma P2025 (→ 404), a second grant of a camera to a user as P2002 (→ 409). */
@Injectable()
export class GrantsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly links: IssuedLinksRepository,
  ) {}

  create(grant: Pick<GrantRecord, 'userId' | 'cameraUuid' | 'expiresAt'>): Promise<GrantRecord> {
    return this.prisma.accessGrant.create({ data: grant });
  }

  list(filter: { userId?: string; cameraUuid?: string }): Promise<GrantRecord[]> {
    return this.prisma.accessGrant.findMany({ where: filter, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  findById(id: string): Promise<GrantRecord | null> {
    return this.prisma.accessGrant.findUnique({ where: { id } });
  }

  /**
   * A new expiry for a grant that had already expired (at `renewal.at`) starts a new term:
   * the links issued under the old one are revoked with `renewal` and stay refused.
   */
  update(id: string, fields: { expiresAt?: Date | null }, renewal: Revocation): Promise<GrantRecord> {
    return this.prisma.$transaction(async (tx) => {
      const [before] = await tx.$queryRaw<
        { expires_at: Date | null }[]
      >`SELECT expires_at FROM access_grants WHERE id = ${id}::uuid FOR UPDATE`;
      const grant = await tx.accessGrant.update({ where: { id }, data: fields });
      const lapsed = before?.expires_at != null && before.expires_at <= renewal.at;
      if (fields.expiresAt === undefined || !lapsed) return grant;
      await tx.$executeRaw`UPDATE access_grants SET generation = nextval(pg_get_serial_sequence('access_grants', 'generation')) WHERE id = ${id}::uuid`;
      await this.links.revokeIssuedUnder(tx, { userId: grant.userId, cameraUuid: grant.cameraUuid }, renewal);
      return grant;
    });
  }

  /** The links issued under it are revoked with it. */
  async delete(id: string, revocation: Revocation): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const grant = await tx.accessGrant.delete({ where: { id } });
      await this.links.revokeIssuedUnder(tx, { userId: grant.userId, cameraUuid: grant.cameraUuid }, revocation);
    });
  }
}
