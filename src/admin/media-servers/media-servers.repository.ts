import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

export interface MediaServerRecord {
  id: string;
  name: string;
  baseUrl: string;
  livePreviewTemplate: string | null;
  archivePreviewTemplate: string | null;
  verificationSecretHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type MediaServerFields = Pick<MediaServerRecord, 'name' | 'baseUrl' | 'livePreviewTemplate' | 'archivePreviewTemplate' | 'verificationSecretHash'>;

/** The only code that reads and writes media_servers. Unknown ids surface as Prisma P2025 (→ 404). */
@Injectable()
export class MediaServersRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(fields: MediaServerFields): Promise<MediaServerRecord> {
    return this.prisma.mediaServer.create({ data: fields });
  }

  list(): Promise<MediaServerRecord[]> {
    return this.prisma.mediaServer.findMany({ orderBy: { name: 'asc' } });
  }

  findById(id: string): Promise<MediaServerRecord | null> {
    return this.prisma.mediaServer.findUnique({ where: { id } });
  }

  update(id: string, fields: Partial<MediaServerFields>): Promise<MediaServerRecord> {
    return this.prisma.mediaServer.update({ where: { id }, data: fields });
  }

  async hasCameras(id: string): Promise<boolean> {
    return (await this.prisma.camera.count({ where: { mediaServerId: id }, take: 1 })) > 0;
  }

  async delete(id: string): Promise<void> {
    await this.prisma.mediaServer.delete({ where: { id } });
  }
}
