import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { PrismaService } from '../database/prisma.service';
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

/** Camera reads for the integration API. Writes belong to the admin module's repository. */
@Injectable()
export class CamerasRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The cameras among `uuids` that the principal may link to: not blocked and, for a user,
   * granted by a grant that has not expired; with their streams, media server and, when
   * asked, stored archive ranges. One round trip, whatever the number of uuids: this is the
   * hot path of every link request. The generations read here are what the links record.
   */
  async findLinkable(principal: Principal, uuids: string[], now: Date, withArchiveRanges: boolean): Promise<LinkableCamera[]> {
    const userId = principal.user?.id ?? null;
    const rows = await this.prisma.$queryRaw<LinkableRow[]>`
      SELECT c.uuid, c.default_stream_type, c.archive_retention_days, m.base_url, m.rtsp_base_url, m.url_templates, c.generation, g.generation AS grant_generation,
             (SELECT json_agg(json_build_object('type', s.type, 'name', s.name)) FROM camera_streams s WHERE s.camera_uuid = c.uuid) AS streams,
             CASE WHEN ${withArchiveRanges} THEN
               (SELECT json_agg(json_build_object('streamType', r.stream_type, 'from', r."from", 'to', r."to") ORDER BY r."from") FROM archive_ranges r WHERE r.camera_uuid = c.uuid)
             END AS archive_ranges
        FROM cameras c
        JOIN media_servers m ON m.id = c.media_server_id
        LEFT JOIN access_grants g ON g.camera_uuid = c.uuid AND g.user_id = ${userId}::uuid
       WHERE c.uuid = ANY(${uuids}::uuid[])
         AND NOT c.blocked
         AND (${userId}::uuid IS NULL OR (g.id IS NOT NULL AND (g.expires_at IS NULL OR g.expires_at > ${now})))`;
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
