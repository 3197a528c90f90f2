import { Inject, Injectable } from '@nestjs/common';
import type { NamedStatement } from '../database/direct-sql';
import type { OpenDatabase } from '../database/open-database';
import { tablesReadBy } from '../database/database-changes';
import { DATABASE_CONNECTION } from '../database/prisma.service';
import type { MediaServerUrls, TemplateKey } from '../links/url-templates';
import type { TimeRange } from './archive-availability';

/** A camera as links are issued for it: everything but who may see it. */
export interface CameraFacts {
  uuid: string;
  blocked: boolean;
  defaultStreamType: string;
  archiveRetentionDays: number;
  streams: { type: string; name: string }[];
  /** Stored archive ranges, all streams', oldest first. */
  archiveRanges: (TimeRange & { streamType: string })[];
  mediaServer: MediaServerUrls;
  /** What its links are issued under. */
  generation: number;
}

/** A user's grant on a camera: the generation its links record, and when it lapses (null: never). */
export interface GrantFacts {
  cameraUuid: string;
  generation: number;
  expiresAt: Date | null;
}

export const FIND_CAMERAS: NamedStatement = {
  name: 'camlinks_find_cameras',
  text: `
    SELECT c.uuid, c.blocked, c.default_stream_type, c.archive_retention_days, m.base_url, m.rtsp_base_url, m.url_templates, c.generation,
           (SELECT json_agg(json_build_object('type', s.type, 'name', s.name)) FROM camera_streams s WHERE s.camera_uuid = c.uuid) AS streams,
           (SELECT json_agg(json_build_object('streamType', r.stream_type, 'from', r."from", 'to', r."to") ORDER BY r."from")
              FROM archive_ranges r WHERE r.camera_uuid = c.uuid) AS archive_ranges
      FROM cameras c
      JOIN media_servers m ON m.id = c.media_server_id
     WHERE c.uuid = ANY($1::uuid[])`,
};

export const FIND_GRANTS: NamedStatement = {
  name: 'camlinks_find_grants',
  text: `SELECT camera_uuid AS "cameraUuid", generation, expires_at AS "expiresAt" FROM access_grants WHERE user_id = $1::uuid AND camera_uuid = ANY($2::uuid[])`,
};

/** What camera facts and grants are read from: their caches hear changes of these tables. */
export const CAMERA_FACTS_TABLES = tablesReadBy(FIND_CAMERAS.text);
export const GRANT_TABLES = tablesReadBy(FIND_GRANTS.text);

/**
 * Camera reads for the integration API, through the driver (they are on every link request
 * that misses the cache). Writes belong to the admin module's repository.
 */
@Injectable()
export class CamerasRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase) {}

  /** The cameras among `uuids` that exist, blocked or not, with their streams, media server and archive ranges; one round trip. */
  async findCameras(uuids: string[]): Promise<CameraFacts[]> {
    const rows = await this.db.sql.query<CameraRow>(FIND_CAMERAS, [uuids]);
    return rows.map((row) => ({
      uuid: row.uuid,
      blocked: row.blocked,
      defaultStreamType: row.default_stream_type,
      archiveRetentionDays: row.archive_retention_days,
      streams: row.streams ?? [],
      archiveRanges: (row.archive_ranges ?? []).map((r) => ({
        streamType: r.streamType,
        from: new Date(r.from),
        to: new Date(r.to),
      })),
      mediaServer: { baseUrl: row.base_url, rtspBaseUrl: row.rtsp_base_url, urlTemplates: row.url_templates },
      generation: row.generation,
    }));
  }

  /** The user's grants on any of `uuids`, expired ones included (expiry is judged when issuing). */
  findGrants(userId: string, uuids: string[]): Promise<GrantFacts[]> {
    return this.db.sql.query<GrantFacts>(FIND_GRANTS, [userId, uuids]);
  }
}

interface CameraRow {
  uuid: string;
  blocked: boolean;
  default_stream_type: string;
  archive_retention_days: number;
  base_url: string;
  rtsp_base_url: string | null;
  url_templates: Partial<Record<TemplateKey, string>>;
  streams: { type: string; name: string }[] | null;
  archive_ranges: { streamType: string; from: string; to: string }[] | null;
  generation: number;
}
