import { Injectable } from '@nestjs/common';
import type { AdminRole } from '../../auth/admin-identity';
import type { NameKeys } from '../../common/names';
import { PrismaService } from '../../database/prisma.service';
import type { Prisma } from '../../generated/prisma/client';

export interface AdminRecord {
  id: string;
  name: string;
  email: string | null;
  role: AdminRole;
  tokenPrefix: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export type NewAdmin = {
  name: string;
  email: string | null;
  role: AdminRole;
  tokenHash: string;
  tokenPrefix: string;
} & NameKeys;

/** Why a change to an admin was not made: no such admin, or it would leave no owner who can sign in. */
export type AdminChangeRefusal = 'not-found' | 'last-owner';

const ADMIN_FIELDS = {
  id: true,
  name: true,
  email: true,
  role: true,
  tokenPrefix: true,
  createdAt: true,
  revokedAt: true,
} as const;

/** The only code that writes admins. Rows are never deleted: audit events and revocations name them. */
@Injectable()
export class AdminsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(admin: NewAdmin): Promise<AdminRecord> {
    return this.prisma.admin.create({ data: admin, select: ADMIN_FIELDS });
  }

  /** The admin whose name looks like one with these keys (src/common/names.ts), if any. */
  findLookalike(keys: NameKeys): Promise<AdminRecord | null> {
    return this.prisma.admin.findFirst({
      where: { OR: [{ nameSkeleton: keys.nameSkeleton }, { nameSkeletonFolded: keys.nameSkeletonFolded }] },
      select: ADMIN_FIELDS,
    });
  }

  list(): Promise<AdminRecord[]> {
    return this.prisma.admin.findMany({ orderBy: { name: 'asc' }, select: ADMIN_FIELDS });
  }

  find(id: string): Promise<AdminRecord | null> {
    return this.prisma.admin.findUnique({ where: { id }, select: ADMIN_FIELDS });
  }

  /** Gives the admin another role, unless it is the last owner who can sign in and the role is not owner. */
  setRole(id: string, role: AdminRole): Promise<AdminRecord | AdminChangeRefusal> {
    return this.prisma.$transaction(async (tx) => {
      if (role !== 'owner' && (await isLastOwner(tx, id))) return 'last-owner';
      const { count } = await tx.admin.updateMany({ where: { id }, data: { role } });
      return count ? tx.admin.findUniqueOrThrow({ where: { id }, select: ADMIN_FIELDS }) : 'not-found';
    });
  }

  /**
   * Revokes the admin's token (the first revocation time stays) and ends its console sessions,
   * in one transaction, unless it is the last owner who can sign in.
   */
  revokeToken(id: string, at: Date): Promise<true | AdminChangeRefusal> {
    return this.prisma.$transaction(async (tx) => {
      if (await isLastOwner(tx, id)) return 'last-owner';
      const { count } = await tx.admin.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      await tx.adminSession.deleteMany({ where: { adminId: id } });
      return count > 0 || (await tx.admin.count({ where: { id } })) > 0 || 'not-found';
    });
  }
}

/**
 * Whether `id` is the only named owner whose token works. The owners' rows stay locked until the
 * transaction ends: of two concurrent demotions (or revocations) of the last two owners, the
 * second waits for the first, then no longer finds the first among the owners, and is refused.
 * The bootstrap admin does not count: ADMIN_TOKEN is meant to be unset once named owners exist.
 */
async function isLastOwner(tx: Prisma.TransactionClient, id: string): Promise<boolean> {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM admins WHERE role = 'owner' AND token_hash IS NOT NULL AND revoked_at IS NULL FOR UPDATE`;
  return owners.length === 1 && owners[0].id === id;
}
