import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../auth/admin-identity';
import { PrismaService } from '../database/prisma.service';

export interface ConsoleSessionRecord {
  id: string;
  admin: AdminIdentity;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  /** The hash of the admin token it was signed in with (null for sessions older than that record). */
  credentialHash: string | null;
}

/** The only code that touches admin_sessions. */
@Injectable()
export class ConsoleSessionsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(session: {
    tokenHash: string;
    adminId: string;
    csrfToken: string;
    credentialHash: string;
    at: Date;
  }): Promise<void> {
    await this.prisma.adminSession.create({
      data: {
        tokenHash: session.tokenHash,
        adminId: session.adminId,
        csrfToken: session.csrfToken,
        credentialHash: session.credentialHash,
        createdAt: session.at,
        lastSeenAt: session.at,
      },
    });
  }

  /** The session with this hash, if its admin has not been revoked since; with the admin's role as it is now. */
  async find(tokenHash: string): Promise<ConsoleSessionRecord | null> {
    const row = await this.prisma.adminSession.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        csrfToken: true,
        credentialHash: true,
        createdAt: true,
        lastSeenAt: true,
        admin: { select: { id: true, name: true, role: true, revokedAt: true } },
      },
    });
    if (!row || row.admin.revokedAt) return null;
    const { admin, ...session } = row;
    // The role as it is now: a demotion takes effect on the session's next request.
    return { ...session, admin: { id: admin.id, name: admin.name, role: admin.role } };
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.prisma.adminSession.updateMany({ where: { id }, data: { lastSeenAt: at } });
  }

  async delete(id: string): Promise<void> {
    await this.prisma.adminSession.deleteMany({ where: { id } });
  }

  /** Sessions past either timeout: removed now and then, so the table holds only live ones. */
  async deleteStale(idleBefore: Date, createdBefore: Date): Promise<void> {
    await this.prisma.adminSession.deleteMany({
      where: { OR: [{ lastSeenAt: { lt: idleBefore } }, { createdAt: { lt: createdBefore } }] },
    });
  }
}
