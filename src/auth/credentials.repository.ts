import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/** An unrevoked integration or user token; whether it has expired is the caller's to judge. */
export interface Credential {
  id: string;
  ownerId: string;
  expiresAt: Date | null;
}

/** Looks up integration and user tokens by hash. */
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
}
