import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

export interface GrantRecord {
  id: string;
  userId: string;
  cameraUuid: string;
  expiresAt: Date | null;
  createdAt: Date;
}

/** The only code that writes access_grants. Unknown ids surface as Prisma P2025 (→ 404), a second grant of a camera to a user as P2002 (→ 409). */
@Injectable()
export class GrantsRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(grant: Pick<GrantRecord, 'userId' | 'cameraUuid' | 'expiresAt'>): Promise<GrantRecord> {
    return this.prisma.accessGrant.create({ data: grant });
  }

  list(filter: { userId?: string; cameraUuid?: string }): Promise<GrantRecord[]> {
    return this.prisma.accessGrant.findMany({ where: filter, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  findById(id: string): Promise<GrantRecord | null> {
    return this.prisma.accessGrant.findUnique({ where: { id } });
  }

  update(id: string, fields: { expiresAt?: Date | null }): Promise<GrantRecord> {
    return this.prisma.accessGrant.update({ where: { id }, data: fields });
  }

  async delete(id: string): Promise<void> {
    await this.prisma.accessGrant.delete({ where: { id } });
  }
}
