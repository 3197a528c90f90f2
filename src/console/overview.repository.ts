import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { PrismaService } from '../database/prisma.service';
import { earliestIssuedUnexpired } from '../links/link-status';

/** The console overview's queries: counts of issued links and who was issued the most. */
@Injectable()
export class OverviewRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Links by what the overview shows: active (neither revoked nor past its own expiry), expired
   * and revoked. Not `status`: deciding it for every link would join every row.
   */
  async countByState(now: Date): Promise<{ active: number; expired: number; revoked: number }> {
    const [row] = await this.prisma.$queryRaw<{ total: bigint; active: bigint; revoked: bigint }[]>`
      SELECT (SELECT count(*) FROM issued_links) AS total,
             (SELECT count(*) FROM issued_links WHERE issued_at > ${earliestIssuedUnexpired(now, this.config.links.ttlMax)}::timestamptz
                 AND expires_at > ${now}::timestamptz AND revoked_at IS NULL) AS active,
             (SELECT count(*) FROM issued_links WHERE revoked_at IS NOT NULL) AS revoked`;
    const [total, active, revoked] = [Number(row.total), Number(row.active), Number(row.revoked)];
    return { active, revoked, expired: total - active - revoked };
  }

  /** The cameras and the integrations that were issued the most links since `since`. */
  async busiest(
    since: Date,
    limit: number,
  ): Promise<{
    cameras: { id: string; name: string | null; links: number }[];
    integrations: { id: string; name: string | null; links: number }[];
  }> {
    const [cameras, integrations] = await Promise.all([
      this.prisma.$queryRaw<{ id: string; name: string | null; links: bigint }[]>`
        SELECT l.camera_uuid AS id, c.name, l.links FROM (
          SELECT camera_uuid, count(*) AS links FROM issued_links WHERE issued_at >= ${since}::timestamptz GROUP BY camera_uuid ORDER BY links DESC LIMIT ${limit}::int) l
        LEFT JOIN cameras c ON c.uuid = l.camera_uuid ORDER BY l.links DESC`,
      this.prisma.$queryRaw<{ id: string; name: string | null; links: bigint }[]>`
        SELECT l.integration_id AS id, i.name, l.links FROM (
          SELECT integration_id, count(*) AS links FROM issued_links WHERE issued_at >= ${since}::timestamptz AND integration_id IS NOT NULL
           GROUP BY integration_id ORDER BY links DESC LIMIT ${limit}::int) l
        LEFT JOIN integrations i ON i.id = l.integration_id ORDER BY l.links DESC`,
    ]);
    const counted = (rows: { id: string; name: string | null; links: bigint }[]) =>
      rows.map((row) => ({ ...row, links: Number(row.links) }));
    return { cameras: counted(cameras), integrations: counted(integrations) };
  }
}
