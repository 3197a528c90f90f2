import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { ConfiguredCache } from '../database/change-aware-cache';
import {
  CAMERA_FACTS_TABLES,
  type CameraFacts,
  CamerasRepository,
  GRANT_TABLES,
  type GrantFacts,
} from './cameras.repository';

/** A camera the principal may link to now, with the generations its links record. */
export interface LinkableCamera extends CameraFacts {
  grantGeneration: number | null;
}

/** Cameras by uuid (null: no such camera). */
@Injectable()
export class CameraCache extends ConfiguredCache<CameraFacts>('cameras', CAMERA_FACTS_TABLES) {}

/** Grants by user and camera (null: none). */
@Injectable()
export class GrantCache extends ConfiguredCache<GrantFacts>('grants', GRANT_TABLES) {}

/**
 * Which cameras a principal may link to: not blocked and, for a user, granted by a grant that
 * has not expired. What that depends on (cameras, streams, media servers, archive ranges,
 * grants) is cached and kept exact by the database's change notifications, so a link request
 * in steady state reads nothing; what is not cached is read in one round trip per kind. Grant
 * expiry is judged against the clock here, never cached as an answer.
 */
@Injectable()
export class LinkableCameras {
  constructor(
    private readonly repository: CamerasRepository,
    private readonly cameras: CameraCache,
    private readonly grants: GrantCache,
  ) {}

  async find(principal: Principal, uuids: string[], now: Date): Promise<LinkableCamera[]> {
    const userId = principal.user?.id;
    const [cameras, grants] = await Promise.all([
      this.cameras.throughMany(
        uuids,
        (uuid) => uuid,
        (missing) => this.repository.findCameras(missing),
        (camera) => camera.uuid,
      ),
      userId === undefined
        ? undefined
        : this.grants.throughMany(
            uuids,
            (uuid) => `${userId}:${uuid}`,
            (missing) => this.repository.findGrants(userId, missing),
            (grant) => grant.cameraUuid,
          ),
    ]);
    const linkable: LinkableCamera[] = [];
    for (const uuid of uuids) {
      const camera = cameras.get(uuid);
      if (!camera || camera.blocked) continue;
      if (!grants) {
        linkable.push({ ...camera, grantGeneration: null });
        continue;
      }
      const grant = grants.get(uuid);
      if (grant && (grant.expiresAt === null || grant.expiresAt > now))
        linkable.push({ ...camera, grantGeneration: grant.generation });
    }
    return linkable;
  }
}
