import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import type { TemplateKey } from '../../links/url-templates';

export interface MediaServerRecord {
  id: string;
  name: string;
  baseUrl: string;
  rtspBaseUrl: string | null;
  /** Only the overrides; the defaults live in code (links/url-templates.ts). */
  urlTemplates: Partial<Record<TemplateKey, string>>;
  verificationSecretHash: string | null;
  controlApiUrl: string | null;
  controlApiUsername: string | null;
  /** Stored as written (camlinks presents it); never leaves the server. */
  controlApiPassword: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type MediaServerFields = Pick<
  MediaServerRecord,
  | 'name'
  | 'baseUrl'
  | 'rtspBaseUrl'
  | 'urlTemplates'
  | 'verificationSecretHash'
  | 'controlApiUrl'
  | 'controlApiUsername'
  | 'controlApiPassword'
>;

/** The only code that reads and writes media_servers. Unknown ids surface as Prisma P2025 (→ 404). */
@Injectable()
export class MediaServersRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(fields: MediaServerFields, id?: string): Promise<MediaServerRecord> {
    return toRecord(await this.prisma.mediaServer.create({ data: { id, ...fields } }));
  }

  async list(): Promise<MediaServerRecord[]> {
    return (await this.prisma.mediaServer.findMany({ orderBy: { name: 'asc' } })).map(toRecord);
  }

  async findById(id: string): Promise<MediaServerRecord | null> {
    const row = await this.prisma.mediaServer.findUnique({ where: { id } });
    return row && toRecord(row);
  }

  async update(id: string, fields: Partial<MediaServerFields>): Promise<MediaServerRecord> {
    return toRecord(await this.prisma.mediaServer.update({ where: { id }, data: fields }));
  }

  async findIdBySecretHash(secretHash: string): Promise<string | null> {
    return (
      (
        await this.prisma.mediaServer.findUnique({
          where: { verificationSecretHash: secretHash },
          select: { id: true },
        })
      )?.id ?? null
    );
  }

  async hasCameras(id: string): Promise<boolean> {
    return (await this.prisma.camera.count({ where: { mediaServerId: id }, take: 1 })) > 0;
  }

  async delete(id: string): Promise<void> {
    await this.prisma.mediaServer.delete({ where: { id } });
  }
}

/** url_templates is a JSON column: only this repository writes it, so its shape is known. */
function toRecord<T extends { urlTemplates: unknown }>(
  row: T,
): T & { urlTemplates: Partial<Record<TemplateKey, string>> } {
  return { ...row, urlTemplates: row.urlTemplates as Partial<Record<TemplateKey, string>> };
}
