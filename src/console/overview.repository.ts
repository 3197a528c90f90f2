import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/** The console overview's query of who was issued the most (its counts: LinkCountsRepository). */
@Injectable()
export class OverviewRepository {
  constructor(private readonly prisma: PrismaService) {}

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
