import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { AdminIdentity } from './admin-identity';

/** An integration or user token; whether it still counts (revoked, expired) is the caller's to judge. */
export interface Credential {
  id: string;
  ownerId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/**
 * What integration and user credentials are read from: their cache hears changes of these tables.
 * The two lookups below must stay single-table (test/cache-dependencies.postgres-spec.ts checks
 * that these tables notify every change).
 */
export const CREDENTIAL_TABLES = ['integration_tokens', 'user_tokens'] as const;

/** Looks up integration, user and admin tokens by hash. */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findIntegrationToken(hash: string): Promise<Credential | null> {
    const row = await this.prisma.integrationToken.findUnique({
      where: { tokenHash: hash },
      select: { id: true, integrationId: true, expiresAt: true, revokedAt: true },
    });
    return row && { id: row.id, ownerId: row.integrationId, expiresAt: row.expiresAt, revokedAt: row.revokedAt };
  }

  async findUserToken(hash: string): Promise<Credential | null> {
    const row = await this.prisma.userToken.findUnique({ where: { tokenHash: hash }, select: { id: true, userId: true, expiresAt: true, revokedAt: true } });
    return row && { id: row.id, ownerId: row.userId, expiresAt: row.expiresAt, revokedAt: row.revokedAt };
  }

  /** The named admin whose token this is, revoked or not. */
  findAdminToken(hash: string): Promise<(AdminIdentity & { revokedAt: Date | null }) | null> {
    return this.prisma.admin.findUnique({ where: { tokenHash: hash }, select: { id: true, name: true, revokedAt: true } });
  }
}
