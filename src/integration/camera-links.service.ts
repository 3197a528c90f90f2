import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AppError, type FieldErrors, fieldMessage } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { type IssuedLink, LinkIssuer, type LinkRequest } from '../links/link-issuer';
import { availableArchive, type TimeRange } from './archive-availability';
import { type LinkableCamera, LinkableCameras } from './linkable-cameras';

/** The vendor's spelling for "this camera's default stream". */
export const DEFAULT_STREAM_TYPE = 'camera';

export interface CameraItem {
  uuid: string;
  stream_type?: string;
}

export interface RequestOrigin {
  /** The route template, e.g. /api/v1/cameras/preview. */
  endpoint: string;
  clientIp?: string;
  userAgent?: string;
}

/** Reports a problem with one field of the current item, e.g. `invalid('date', 'must …')`. */
export type Invalid = (field: string, problem: string) => void;

export interface PlanContext<T> {
  item: T;
  camera: LinkableCamera;
  stream: { type: string; name: string };
  /** The stream's available archive, now. */
  archive(): TimeRange[];
  now: Date;
  invalid: Invalid;
}

/** What an endpoint decides for one camera: the kind of link and its window. */
export interface PlannedLink {
  link: Pick<LinkRequest, 'kind' | 'source' | 'archiveFrom' | 'archiveTo'>;
  movedTo?: Date;
  archiveRanges?: TimeRange[];
}

export interface CameraLinkResult {
  link: IssuedLink;
  movedTo?: Date;
  archiveRanges?: TimeRange[];
}

export interface LinkRules<T> {
  /** Checks that need no camera; run for every item, visible or not. */
  checkItem?(item: T, invalid: Invalid, now: Date): void;
  /** Decides the link for a visible camera, or reports why it cannot be had. */
  plan(context: PlanContext<T>): PlannedLink | undefined;
}

/**
 * What the vendor's camera link endpoints (preview, video, archive) have in common: limits,
 * which cameras the caller may see, which stream, all-or-nothing issuance, request order.
 * Each endpoint's service brings only its own rules.
 */
@Injectable()
export class CameraLinksService {
  constructor(
    private readonly cameras: LinkableCameras,
    private readonly issuer: LinkIssuer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue<T extends CameraItem>(
    principal: Principal,
    body: { cameras: T[]; ttl?: number },
    origin: RequestOrigin,
    rules: LinkRules<T>,
  ): Promise<CameraLinkResult[]> {
    const ttl = this.checkLimits(body);
    const now = new Date();
    const errors: FieldErrors = {};
    const invalidAt =
      (index: number): Invalid =>
      (field, problem) => {
        const path = `cameras.${index}.${field}`;
        errors[path] = [fieldMessage(path, problem)];
      };
    body.cameras.forEach((item, index) => rules.checkItem?.(item, invalidAt(index), now));

    const found = await this.cameras.find(principal, [...new Set(body.cameras.map((c) => c.uuid.toLowerCase()))], now);
    const byUuid = new Map(found.map((camera) => [camera.uuid, camera]));
    const planned: { request: LinkRequest; plan: PlannedLink }[] = [];
    body.cameras.forEach((item, index) => {
      // Cameras that do not exist, are not visible or are blocked are left out, indistinguishably.
      const camera = byUuid.get(item.uuid.toLowerCase());
      if (!camera) return;
      const invalid = invalidAt(index);
      const stream = resolveStream(camera, item.stream_type);
      if (!stream)
        return invalid(
          'stream_type',
          `names a stream type this camera does not have (it has: ${camera.streams.map((s) => s.type).join(', ')})`,
        );
      const archive = () =>
        availableArchive(
          camera.archiveRetentionDays,
          camera.archiveRanges.filter((r) => r.streamType === stream.type),
          now,
        );
      const plan = rules.plan({ item, camera, stream, archive, now, invalid });
      if (!plan) return;
      planned.push({
        plan,
        request: {
          ...plan.link,
          cameraUuid: camera.uuid,
          mediaServer: camera.mediaServer,
          streamType: stream.type,
          streamName: stream.name,
          ttl,
          cameraGeneration: camera.generation,
          grantGeneration: camera.grantGeneration,
        },
      });
    });
    if (Object.keys(errors).length) throw AppError.validation(errors);

    const links = await this.issuer.issue(
      planned.map((p) => p.request),
      { principal, now, ...origin },
    );
    return links.map((link, index) => ({
      link,
      movedTo: planned[index].plan.movedTo,
      archiveRanges: planned[index].plan.archiveRanges,
    }));
  }

  /**
   * The ttl limit, which comes from configuration rather than from the DTO (MAX_CAMERAS_PER_REQUEST
   * is checked by `@MaxItems` before any item is validated). Returns the ttl to use.
   */
  private checkLimits(body: { ttl?: number }): number {
    const { ttlDefault, ttlMax } = this.config.links;
    if (body.ttl !== undefined && body.ttl !== null && body.ttl > ttlMax)
      throw AppError.invalidField('ttl', `must not be greater than ${ttlMax}`);
    return body.ttl ?? ttlDefault;
  }
}

function resolveStream(camera: LinkableCamera, requested: string | undefined) {
  const type = !requested || requested === DEFAULT_STREAM_TYPE ? camera.defaultStreamType : requested;
  return camera.streams.find((stream) => stream.type === type);
}
