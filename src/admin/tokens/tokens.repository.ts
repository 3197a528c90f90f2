import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { IssuedLinksRepository, type Revocation } from '../../links/issued-links.repository';

/** Whose token: user_tokens and integration_tokens differ only in their owner column. */
export interface TokenOwner {
  kind: 'user' | 'integration';
  id: string;
}

/** A stored token as the admin API may show it: never the hash. */
export interface TokenRecord {
  id: string;
  tokenPrefix: string;
  expiresAt: Date | null;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface NewTokenFields {
  tokenHash: string;
  tokenPrefix: string;
  expiresAt: Date | null;
}

export const TOKEN_FIELDS = { id: true, tokenPrefix: true, expiresAt: true, createdAt: true, revokedAt: true } as const;

/** The only admin code that writes user_tokens and integration_tokens. Rows are revoked, never deleted. */
@Injectable()
export class TokensRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly links: IssuedLinksRepository,
  ) {}

  async ownerExists(owner: TokenOwner): Promise<boolean> {
    const query = { where: { id: owner.id }, select: { id: true } };
    const found =
      owner.kind === 'user'
        ? await this.prisma.user.findUnique(query)
        : await this.prisma.integration.findUnique(query);
    return found !== null;
  }

  create(owner: TokenOwner, fields: NewTokenFields): Promise<TokenRecord> {
    return owner.kind === 'user'
      ? this.prisma.userToken.create({ data: { userId: owner.id, ...fields }, select: TOKEN_FIELDS })
      : this.prisma.integrationToken.create({ data: { integrationId: owner.id, ...fields }, select: TOKEN_FIELDS });
  }

  list(owner: TokenOwner): Promise<TokenRecord[]> {
    const query = { orderBy: { createdAt: 'asc' }, select: TOKEN_FIELDS } as const;
    return owner.kind === 'user'
      ? this.prisma.userToken.findMany({ where: { userId: owner.id }, ...query })
      : this.prisma.integrationToken.findMany({ where: { integrationId: owner.id }, ...query });
  }

  /**
   * Sets revoked_at unless it is set already: the first revocation time stays. The active links
   * issued with the token are revoked in the same transaction. false: the owner has no such token.
   */
  async revoke(owner: TokenOwner, tokenId: string, revocation: Revocation): Promise<boolean> {
    const unrevoked = { id: tokenId, revokedAt: null };
    const data = { revokedAt: revocation.at };
    const count = await this.prisma.$transaction(async (tx) => {
      const { count } =
        owner.kind === 'user'
          ? await tx.userToken.updateMany({ where: { ...unrevoked, userId: owner.id }, data })
          : await tx.integrationToken.updateMany({ where: { ...unrevoked, integrationId: owner.id }, data });
      if (count) {
        const under =
          owner.kind === 'user'
            ? { userId: owner.id, userTokenId: tokenId }
            : { integrationId: owner.id, integrationTokenId: tokenId };
        await this.links.revokeIssuedUnder(tx, under, revocation);
      }
      return count;
    });
    // Nothing updated: revoked already (fine), or no token of this owner's.
    return count > 0 || (await this.list(owner)).some((token) => token.id === tokenId);
  }
}
