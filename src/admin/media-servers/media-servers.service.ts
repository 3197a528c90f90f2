import { Injectable } from '@nestjs/common';
import { AppError } from '../../common/app-error';
import type { CreateMediaServerDto, UpdateMediaServerDto } from './media-servers.dto';
import { type MediaServerFields, type MediaServerRecord, MediaServersRepository } from './media-servers.repository';

@Injectable()
export class MediaServersService {
  constructor(private readonly servers: MediaServersRepository) {}

  create(body: CreateMediaServerDto): Promise<MediaServerRecord> {
    return this.servers.create({ name: body.name, baseUrl: body.base_url, livePreviewTemplate: body.live_preview_template ?? null, archivePreviewTemplate: body.archive_preview_template ?? null });
  }

  list(): Promise<MediaServerRecord[]> {
    return this.servers.list();
  }

  async get(id: string): Promise<MediaServerRecord> {
    return (await this.servers.findById(id)) ?? Promise.reject(AppError.notFound('Media server'));
  }

  update(id: string, body: UpdateMediaServerDto): Promise<MediaServerRecord> {
    const fields: Partial<MediaServerFields> = {
      name: body.name,
      baseUrl: body.base_url,
      livePreviewTemplate: body.live_preview_template,
      archivePreviewTemplate: body.archive_preview_template,
    };
    return this.servers.update(id, fields);
  }

  /** Refused (409) while cameras still use the server: their links would have nowhere to point. */
  delete(id: string): Promise<void> {
    return this.servers.delete(id);
  }
}
