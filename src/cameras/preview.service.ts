import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AppError, type FieldErrors, fieldMessage } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type IssuedLink, LinkIssuer, type LinkRequest } from '../links/link-issuer';
import { CamerasRepository, type LinkableCamera } from './cameras.repository';
import { DEFAULT_STREAM_TYPE, type PreviewRequestDto } from './preview.dto';

const DAY_MS = 86_400_000;

export interface PreviewResult {
  link: IssuedLink;
  /** Set when the requested archive date preceded the archive and was moved to its start. */
  movedTo?: Date;
}

export interface RequestOrigin {
  clientIp?: string;
  userAgent?: string;
}

/**
 * The rules of POST /cameras/preview: which cameras the caller gets links for, which stream,
 * live or archive, and for how long.
 */
@Injectable()
export class PreviewService {
  constructor(
    private readonly cameras: CamerasRepository,
    private readonly issuer: LinkIssuer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(principal: Principal, body: PreviewRequestDto, origin: RequestOrigin): Promise<PreviewResult[]> {
    const ttl = this.checkLimits(body);
    const now = new Date();
    const found = await this.cameras.findLinkable(principal, [...new Set(body.cameras.map((c) => c.uuid.toLowerCase()))], now);
    const byUuid = new Map(found.map((camera) => [camera.uuid, camera]));

    const errors: FieldErrors = {};
    const planned: { request: LinkRequest; movedTo?: Date }[] = [];
    body.cameras.forEach((item, index) => {
      const invalid = (field: string, problem: string) => (errors[`cameras.${index}.${field}`] = [fieldMessage(`cameras.${index}.${field}`, problem)]);
      if (item.date && new Date(item.date) > now) invalid('date', 'must not be in the future');
      // Cameras that do not exist, are not visible or are blocked are left out, indistinguishably.
      const camera = byUuid.get(item.uuid.toLowerCase());
      if (!camera) return;
      const stream = this.resolveStream(camera, item.stream_type);
      if (!stream) return invalid('stream_type', `names a stream type this camera does not have (it has: ${camera.streams.map((s) => s.type).join(', ')})`);
      const archive: { from: Date | null; movedTo?: Date } | undefined = item.date ? this.archiveStart(camera, new Date(item.date), now) : { from: null };
      if (archive === undefined) return invalid('date', 'asks for archive footage, but this camera keeps no archive');
      planned.push({
        movedTo: archive.movedTo,
        request: { cameraUuid: camera.uuid, mediaServer: camera.mediaServer, streamType: stream.type, streamName: stream.name, kind: 'preview', archiveFrom: archive.from, source: body.source ?? 'mp4', ttl },
      });
    });
    if (Object.keys(errors).length) throw AppError.validation(errors);

    const links = await this.issuer.issue(planned.map((p) => p.request), { principal, now, ...origin });
    return links.map((link, index) => ({ link, movedTo: planned[index].movedTo }));
  }

  /** The limits that come from configuration rather than from the DTO. Returns the ttl to use. */
  private checkLimits(body: PreviewRequestDto): number {
    const { maxCameras, ttlDefault, ttlMax } = this.config.links;
    const errors: FieldErrors = {};
    if (body.cameras.length > maxCameras) errors.cameras = [fieldMessage('cameras', `must not contain more than ${maxCameras} cameras`)];
    if (body.ttl !== undefined && body.ttl !== null && body.ttl > ttlMax) errors.ttl = [fieldMessage('ttl', `must not be greater than ${ttlMax}`)];
    if (Object.keys(errors).length) throw AppError.validation(errors);
    return body.ttl ?? ttlDefault;
  }

  private resolveStream(camera: LinkableCamera, requested: string | undefined) {
    const type = !requested || requested === DEFAULT_STREAM_TYPE ? camera.defaultStreamType : requested;
    return camera.streams.find((stream) => stream.type === type);
  }

  /** undefined: the camera keeps no archive. A date before the archive starts moves to its start. */
  private archiveStart(camera: LinkableCamera, requested: Date, now: Date): { from: Date; movedTo?: Date } | undefined {
    if (camera.archiveRetentionDays <= 0) return undefined;
    const start = new Date(now.getTime() - camera.archiveRetentionDays * DAY_MS);
    return requested < start ? { from: start, movedTo: start } : { from: requested };
  }
}
