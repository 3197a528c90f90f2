import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { IssuedLinksRepository, type Revocation } from '../../links/issued-links.repository';

export interface UserRecord {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The only code that writes users (their tokens: TokensRepository). Unknown ids surface as Prisma P2025 (→ 404). */
@Injectable()
export class UsersRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly links: IssuedLinksRepository,
  ) {}

  create(name: string, id?: string): Promise<UserRecord> {
    return this.prisma.user.create({ data: { id, name } });
  }

  list(): Promise<UserRecord[]> {
    return this.prisma.user.findMany({ orderBy: { name: 'asc' } });
  }

  /** Ids and names, by name (unique: its index serves this), `take` at most. */
  names(take: number): Promise<{ id: string; name: string }[]> {
    return this.prisma.user.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' }, take });
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id } });
  }

  update(id: string, fields: { name?: string }): Promise<UserRecord> {
    return this.prisma.user.update({ where: { id }, data: fields });
  }

  /** Its tokens and grants go with it, and its active links are revoked. */
  async delete(id: string, revocation: Revocation): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.user.delete({ where: { id } });
      await this.links.revokeIssuedUnder(tx, { userId: id }, revocation);
    });
  }
}
