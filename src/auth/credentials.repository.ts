import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

export interface ActiveCredential {
  id: string;
  ownerId: string;
}

/** Looks up integration and user tokens by hash; only tokens usable now are returned. */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findActiveIntegrationToken(hash: string, now: Date): Promise<ActiveCredential | undefined> {
    const row = await this.prisma.integrationToken.findFirst({
      where: { tokenHash: hash, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, integrationId: true },
    });
    return row ? { id: row.id, ownerId: row.integrationId } : undefined;
  }

  async findActiveUserToken(hash: string, now: Date): Promise<ActiveCredential | undefined> {
    const row = await this.prisma.userToken.findFirst({
      where: { tokenHash: hash, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { id: true, userId: true },
    });
    return row ? { id: row.id, ownerId: row.userId } : undefined;
  }
}
