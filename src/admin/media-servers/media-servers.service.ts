import { Injectable, Logger } from '@nestjs/common';
import { hashToken } from '../../auth/tokens';
import { AppError, ErrorCode, type FieldErrors, fieldMessage } from '../../common/app-error';
import type { TemplateKey } from '../../links/url-templates';
import type {
  CreateMediaServerDto,
  MediaServerChange,
  UpdateMediaServerDto,
  UrlTemplatesDto,
} from './media-servers.dto';
import { type MediaServerFields, type MediaServerRecord, MediaServersRepository } from './media-servers.repository';
import { templateProblem, templateProblemOn } from './url-rules';

export const NO_SECRET_WARNING =
  "This media server has no verification_secret: camlinks answers whoever reaches its media-auth endpoints about this server's links (it trusts the network). Set one unless only the media server can reach camlinks.";

@Injectable()
export class MediaServersService {
  private readonly logger = new Logger(MediaServersService.name);

  constructor(private readonly servers: MediaServersRepository) {}

  async create(body: CreateMediaServerDto): Promise<MediaServerChange> {
    const fields: MediaServerFields = {
      name: body.name,
      baseUrl: body.base_url,
      rtspBaseUrl: body.rtsp_base_url ?? null,
      urlTemplates: withOverrides({}, body.url_templates),
      verificationSecretHash: secretHash(body.verification_secret) ?? null,
      controlApiUrl: body.control_api_url ?? null,
      controlApiUsername: body.control_api_username ?? null,
      controlApiPassword: body.control_api_password ?? null,
    };
    await this.check(fields);
    const server = await this.servers.create(fields, body.id);
    return { server, warnings: server.verificationSecretHash === null ? this.warnNoSecret(server, 'created') : [] };
  }

  list(): Promise<MediaServerRecord[]> {
    return this.servers.list();
  }

  get(id: string): Promise<MediaServerRecord> {
    return this.findOrFail(id);
  }

  async update(id: string, body: UpdateMediaServerDto): Promise<MediaServerChange> {
    const current = await this.findOrFail(id);
    const fields: Partial<MediaServerFields> = {
      name: body.name,
      baseUrl: body.base_url,
      rtspBaseUrl: body.rtsp_base_url,
      urlTemplates: body.url_templates && withOverrides(current.urlTemplates, body.url_templates),
      verificationSecretHash: secretHash(body.verification_secret),
      controlApiUrl: body.control_api_url,
      controlApiUsername: body.control_api_username,
      controlApiPassword: body.control_api_password,
    };
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    await this.check({ ...current, ...defined }, id);
    const server = await this.servers.update(id, fields);
    const removed = current.verificationSecretHash !== null && server.verificationSecretHash === null;
    return { server, warnings: removed ? this.warnNoSecret(server, 'had its secret removed') : [] };
  }

  /** Refused (409) while cameras still use the server: their links would have nowhere to point. */
  async delete(id: string): Promise<void> {
    await this.findOrFail(id);
    // Asked first, not left to the foreign key: PostgreSQL 18 (also the embedded one) reports a
    // RESTRICT violation as 23001, which Prisma does not turn into P2003.
    if (await this.servers.hasCameras(id))
      throw new AppError(ErrorCode.Conflict, 'The media server is still used by cameras.');
    await this.servers.delete(id);
  }

  /**
   * The server as it would be: every URL template on its own origin and verifiable (url-rules.ts),
   * and its secret its own, since a presented secret names the server that asks.
   */
  private async check(server: MediaServerFields, id?: string): Promise<void> {
    const errors: FieldErrors = {};
    for (const [key, template] of Object.entries(server.urlTemplates) as [TemplateKey, string][]) {
      const problem = templateProblem(key, template) ?? templateProblemOn(server, key, template);
      if (problem) errors[`url_templates.${key}`] = [fieldMessage(`url_templates.${key}`, problem)];
    }
    if (server.verificationSecretHash !== null) {
      const owner = await this.servers.findIdBySecretHash(server.verificationSecretHash);
      if (owner !== null && owner !== id)
        errors.verification_secret = [fieldMessage('verification_secret', 'is the secret of another media server')];
    }
    if (Object.keys(errors).length) throw AppError.validation(errors);
  }

  private warnNoSecret(server: MediaServerRecord, what: string): string[] {
    this.logger.warn(
      `Media server ${server.id} (${server.name}) ${what} without a verification secret: its links are verified for any caller`,
    );
    return [NO_SECRET_WARNING];
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
function withOverrides(
  current: Partial<Record<TemplateKey, string>>,
  overrides: UrlTemplatesDto | undefined,
): Partial<Record<TemplateKey, string>> {
  // DTO instances carry every declared key, undefined when left out: skip those.
  const given = Object.entries(overrides ?? {}).filter(([, value]) => value !== undefined);
  const merged = Object.entries({ ...current, ...Object.fromEntries(given) });
  return Object.fromEntries(merged.filter(([, value]) => typeof value === 'string')) as Partial<
    Record<TemplateKey, string>
  >;
}
