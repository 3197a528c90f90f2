import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { IssuedLinksRepository, type Revocation } from '../../links/issued-links.repository';
import { type NewTokenFields, TOKEN_FIELDS, type TokenRecord } from '../tokens/tokens.repository';

export interface IntegrationRecord {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The only code that writes integrations (their later tokens: TokensRepository). Unknown ids surface as Prisma P2025 (→ 404). */
@Injectable()
export class IntegrationsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly links: IssuedLinksRepository,
  ) {}

  /** The integration and its first token in one transaction: an integration nobody can use is never left behind. */
  async createWithToken(
    name: string,
    token: NewTokenFields,
    id?: string,
  ): Promise<{ integration: IntegrationRecord; token: TokenRecord }> {
    const { tokens, ...integration } = await this.prisma.integration.create({
      data: { id, name, tokens: { create: token } },
      include: { tokens: { select: TOKEN_FIELDS } },
    });
    return { integration, token: tokens[0] };
  }

  list(): Promise<IntegrationRecord[]> {
    return this.prisma.integration.findMany({ orderBy: { name: 'asc' } });
  }

  /** Ids and names, by name (unique: its index serves this), `take` at most. */
  names(take: number): Promise<{ id: string; name: string }[]> {
    return this.prisma.integration.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' }, take });
  }

  findById(id: string): Promise<IntegrationRecord | null> {
    return this.prisma.integration.findUnique({ where: { id } });
  }

  update(id: string, fields: { name?: string }): Promise<IntegrationRecord> {
    return this.prisma.integration.update({ where: { id }, data: fields });
  }

  /** Its tokens go with it; the active links it issued are revoked, and stay in the audit trail. */
  async delete(id: string, revocation: Revocation): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.integration.delete({ where: { id } });
      await this.links.revokeIssuedUnder(tx, { integrationId: id }, revocation);
    });
  }
}
