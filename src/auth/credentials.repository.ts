import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { AdminIdentity } from './admin-identity';

/** An unrevoked integration or user token; whether it has expired is the caller's to judge. */
export interface Credential {
  id: string;
  ownerId: string;
  expiresAt: Date | null;
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
    const row = await this.prisma.integrationToken.findFirst({
      where: { tokenHash: hash, revokedAt: null },
      select: { id: true, integrationId: true, expiresAt: true },
    });
    return row && { id: row.id, ownerId: row.integrationId, expiresAt: row.expiresAt };
  }

  async findUserToken(hash: string): Promise<Credential | null> {
    const row = await this.prisma.userToken.findFirst({ where: { tokenHash: hash, revokedAt: null }, select: { id: true, userId: true, expiresAt: true } });
    return row && { id: row.id, ownerId: row.userId, expiresAt: row.expiresAt };
  }

  /** The named admin whose unrevoked token this is. */
  findAdminToken(hash: string): Promise<AdminIdentity | null> {
    return this.prisma.admin.findFirst({ where: { tokenHash: hash, revokedAt: null }, select: { id: true, name: true, role: true } });
  }
}
