import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

export interface AdminRecord {
  id: string;
  name: string;
  email: string | null;
  tokenPrefix: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

const ADMIN_FIELDS = { id: true, name: true, email: true, tokenPrefix: true, createdAt: true, revokedAt: true } as const;

/** The only code that writes admins. Rows are never deleted: audit events and revocations name them. */
@Injectable()
export class AdminsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(admin: { name: string; email: string | null; tokenHash: string; tokenPrefix: string }): Promise<AdminRecord> {
    return this.prisma.admin.create({ data: admin, select: ADMIN_FIELDS });
  }

  list(): Promise<AdminRecord[]> {
    return this.prisma.admin.findMany({ orderBy: { name: 'asc' }, select: ADMIN_FIELDS });
  }

  find(id: string): Promise<AdminRecord | null> {
    return this.prisma.admin.findUnique({ where: { id }, select: ADMIN_FIELDS });
  }

  /**
   * Revokes the admin's token (the first revocation time stays) and ends its console sessions,
   * in one transaction. false: no such admin.
   */
  revokeToken(id: string, at: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.admin.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: at } });
      await tx.adminSession.deleteMany({ where: { adminId: id } });
      return count > 0 || (await tx.admin.count({ where: { id } })) > 0;
    });
  }
}
