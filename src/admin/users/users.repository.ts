import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

export interface UserRecord {
  id: string;
  name: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The only code that writes users (their tokens: TokensRepository). Unknown ids surface as Prisma P2025 (→ 404). */
@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(name: string, id?: string): Promise<UserRecord> {
    return this.prisma.user.create({ data: { id, name } });
  }

  list(): Promise<UserRecord[]> {
    return this.prisma.user.findMany({ orderBy: { name: 'asc' } });
  }

  findById(id: string): Promise<UserRecord | null> {
    return this.prisma.user.findUnique({ where: { id } });
  }

  update(id: string, fields: { name?: string }): Promise<UserRecord> {
    return this.prisma.user.update({ where: { id }, data: fields });
  }

  /** Its tokens and grants go with it. */
  async delete(id: string): Promise<void> {
    await this.prisma.user.delete({ where: { id } });
  }
}
