import { Injectable } from '@nestjs/common';
import { hashToken } from '../../auth/tokens';
import { AppError, ErrorCode } from '../../common/app-error';
import type { TemplateKey } from '../../links/url-templates';
import type { CreateMediaServerDto, UpdateMediaServerDto, UrlTemplatesDto } from './media-servers.dto';
import { type MediaServerFields, type MediaServerRecord, MediaServersRepository } from './media-servers.repository';

@Injectable()
export class MediaServersService {
  constructor(private readonly servers: MediaServersRepository) {}

  create(body: CreateMediaServerDto): Promise<MediaServerRecord> {
    return this.servers.create(
      {
        name: body.name,
        baseUrl: body.base_url,
        rtspBaseUrl: body.rtsp_base_url ?? null,
        urlTemplates: withOverrides({}, body.url_templates),
        verificationSecretHash: secretHash(body.verification_secret) ?? null,
      },
      body.id,
    );
  }

  list(): Promise<MediaServerRecord[]> {
    return this.servers.list();
  }

  get(id: string): Promise<MediaServerRecord> {
    return this.findOrFail(id);
  }

  async update(id: string, body: UpdateMediaServerDto): Promise<MediaServerRecord> {
    const current = await this.findOrFail(id);
    const fields: Partial<MediaServerFields> = {
      name: body.name,
      baseUrl: body.base_url,
      rtspBaseUrl: body.rtsp_base_url,
      urlTemplates: body.url_templates && withOverrides(current.urlTemplates, body.url_templates),
      verificationSecretHash: secretHash(body.verification_secret),
    };
    return this.servers.update(id, fields);
  }

  /** Refused (409) while cameras still use the server: their links would have nowhere to point. */
  async delete(id: string): Promise<void> {
    await this.findOrFail(id);
    // Asked first, not left to the foreign key: PostgreSQL 18 (also the embedded one) reports a
    // RESTRICT violation as 23001, which Prisma does not turn into P2003.
    if (await this.servers.hasCameras(id)) throw new AppError(ErrorCode.Conflict, 'The media server is still used by cameras.');
    await this.servers.delete(id);
  }

  /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown media server all answer this 404. */
  private async findOrFail(id: string): Promise<MediaServerRecord> {
    return (await this.servers.findById(id)) ?? Promise.reject(AppError.notFound('Media server'));
  }
}

/** Secrets are kept like tokens: only their SHA-256. undefined leaves it as is, null removes it. */
function secretHash(secret: string | null | undefined): string | null | undefined {
  return typeof secret === 'string' ? hashToken(secret) : secret;
}

/** Applies template overrides: a string replaces, null goes back to the default, absent keeps. */
function withOverrides(current: Partial<Record<TemplateKey, string>>, overrides: UrlTemplatesDto | undefined): Partial<Record<TemplateKey, string>> {
  // DTO instances carry every declared key, undefined when left out: skip those.
  const given = Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined);
  const merged = Object.entries({ ...current, ...Object.fromEntries(given) });
  return Object.fromEntries(merged.filter(([, value]) => typeof value === 'string')) as Partial<Record<TemplateKey, string>>;
}
