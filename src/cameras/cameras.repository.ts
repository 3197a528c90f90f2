import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { NamedStatement, OpenDatabase } from '../database/adapter-factory';
import { DATABASE_CONNECTION } from '../database/prisma.service';
import type { MediaServerUrls, TemplateKey } from '../links/url-templates';
import type { TimeRange } from './archive-availability';

export interface LinkableCamera {
  uuid: string;
  defaultStreamType: string;
  archiveRetentionDays: number;
  streams: { type: string; name: string }[];
  /** Stored archive ranges, by stream type; empty unless asked for. */
  archiveRanges: (TimeRange & { streamType: string })[];
  mediaServer: MediaServerUrls;
  /** What its links are issued under: the camera's generation and, for a user, the grant's. */
  generation: number;
  grantGeneration: number | null;
}

const FIND_LINKABLE: NamedStatement = {
  name: 'camlinks_find_linkable_cameras',
  // $1 uuids, $2 the user (null: an integration), $3 now, $4 with archive ranges
  text: `
    SELECT c.uuid, c.default_stream_type, c.archive_retention_days, m.base_url, m.rtsp_base_url, m.url_templates, c.generation, g.generation AS grant_generation,
           (SELECT json_agg(json_build_object('type', s.type, 'name', s.name)) FROM camera_streams s WHERE s.camera_uuid = c.uuid) AS streams,
           CASE WHEN $4::boolean THEN
             (SELECT json_agg(json_build_object('streamType', r.stream_type, 'from', r."from", 'to', r."to") ORDER BY r."from") FROM archive_ranges r WHERE r.camera_uuid = c.uuid)
           END AS archive_ranges
      FROM cameras c
      JOIN media_servers m ON m.id = c.media_server_id
      LEFT JOIN access_grants g ON g.camera_uuid = c.uuid AND g.user_id = $2::uuid
     WHERE c.uuid = ANY($1::uuid[])
       AND NOT c.blocked
       AND ($2::uuid IS NULL OR (g.id IS NOT NULL AND (g.expires_at IS NULL OR g.expires_at > $3::timestamptz)))`,
};

/** Camera reads for the integration API. Writes belong to the admin module's repository. */
@Injectable()
export class CamerasRepository {
  constructor(@Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase) {}

  /**
   * The cameras among `uuids` that the principal may link to: not blocked and, for a user,
   * granted by a grant that has not expired; with their streams, media server and, when
   * asked, stored archive ranges. One round trip, whatever the number of uuids: this is the
   * hot path of every link request. The generations read here are what the links record.
   */
  async findLinkable(principal: Principal, uuids: string[], now: Date, withArchiveRanges: boolean): Promise<LinkableCamera[]> {
    const rows = await this.db.sql.query<LinkableRow>(FIND_LINKABLE, [uuids, principal.user?.id ?? null, now, withArchiveRanges]);
    return rows.map((row) => ({
      uuid: row.uuid,
      defaultStreamType: row.default_stream_type,
      archiveRetentionDays: row.archive_retention_days,
      streams: row.streams ?? [],
      archiveRanges: (row.archive_ranges ?? []).map((r) => ({ streamType: r.streamType, from: new Date(r.from), to: new Date(r.to) })),
      mediaServer: { baseUrl: row.base_url, rtspBaseUrl: row.rtsp_base_url, urlTemplates: row.url_templates },
      generation: row.generation,
      grantGeneration: row.grant_generation,
    }));
  }
}

interface LinkableRow {
  uuid: string;
  default_stream_type: string;
  archive_retention_days: number;
  base_url: string;
  rtsp_base_url: string | null;
  url_templates: Partial<Record<TemplateKey, string>>;
  streams: { type: string; name: string }[] | null;
  archive_ranges: { streamType: string; from: string; to: string }[] | null;
  generation: number;
  grant_generation: number | null;
}
