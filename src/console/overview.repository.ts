import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

const MINUTE_MS = 60_000;

/** The console overview's queries: counts of issued links and who was issued the most. */
@Injectable()
export class OverviewRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Links by what the overview shows: active (neither revoked nor past its own expiry), expired
   * and revoked. Not `status`: deciding it for every link would join every row. Read from
   * link_counts, which the triggers on issued_links keep: its whole-table sums, the buckets that
   * expire after this minute, and for the buckets that expire within it, the links still ahead of
   * `now` (each bucket is one minute of issue, a range of the (issued_at, id) index). The work
   * depends on how many minutes are counted, not on how many links.
   */
  async countByState(now: Date): Promise<{ active: number; expired: number; revoked: number }> {
    // One pass over link_counts for the sums, against a constant minute (computed per row, a
    // date_trunc made the pass 5x slower); the lookups are LATERAL so that each stays a range of
    // the issued_at index whatever the statistics say (planned as a join, a stale estimate of
    // link_counts made it a scan of every link: 390 ms at 1 M links). The lookups' estimate
    // (thousands of rows per bucket, for the handful there are) passes jit_above_cost, and
    // compiling the plan took ~180 ms of a 200 ms overview at 1 M links: no JIT for it.
    const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
    const [, [row]] = await this.prisma.$transaction([
      this.prisma.$executeRaw`SET LOCAL jit = off`,
      this.prisma.$queryRaw<{ total: bigint; active: bigint; revoked: bigint }[]>`
        SELECT coalesce(sum(links), 0) AS total, coalesce(sum(revoked), 0) AS revoked,
               coalesce(sum(links - revoked) FILTER (WHERE expires_minute > ${minute}::timestamptz), 0) + (
                 SELECT coalesce(sum(ahead.links), 0) FROM link_counts c
                  CROSS JOIN LATERAL (
                    SELECT count(*) AS links FROM issued_links l
                     WHERE l.issued_at >= c.issued_minute AND l.issued_at < c.issued_minute + interval '1 minute'
                       AND l.expires_at > ${now}::timestamptz AND l.expires_at < c.expires_minute + interval '1 minute'
                       AND l.revoked_at IS NULL) ahead
                  WHERE c.expires_minute = ${minute}::timestamptz) AS active
          FROM link_counts`,
    ]);
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
