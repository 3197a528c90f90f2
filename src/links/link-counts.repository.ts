import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';
import { LATE_COMMIT_MS } from './link-status';

const MINUTE_MS = 60_000;

/**
 * link_counts: issued links by minute of expiry and day of issue, kept by the triggers on
 * issued_links (see its migrations). The overview reads it; retention folds it and takes a
 * dropped partition's day out of it.
 */
@Injectable()
export class LinkCountsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Links by what the overview shows: active (neither revoked nor past its own expiry), expired
   * and revoked. The whole-table sums and the buckets that expire after this minute come from
   * link_counts (a row per day kept and per bucket ahead); the links that expire within this
   * minute are counted through the unrevoked expires_at index, a range of a minute in each
   * partition. The work depends on the days and the buckets ahead, not on how many links.
   */
  async countByState(now: Date): Promise<{ active: number; expired: number; revoked: number }> {
    const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
    const [row] = await this.prisma.$queryRaw<{ total: bigint; active: bigint; revoked: bigint }[]>`
      SELECT coalesce(sum(links), 0) AS total, coalesce(sum(revoked), 0) AS revoked,
             coalesce(sum(links - revoked) FILTER (WHERE expires_minute > ${minute}::timestamptz), 0) + (
               SELECT count(*) FROM issued_links
                WHERE revoked_at IS NULL AND expires_at > ${now}::timestamptz
                  AND expires_at < ${minute}::timestamptz + interval '1 minute') AS active
        FROM link_counts`;
    const [total, active, revoked] = [Number(row.total), Number(row.active), Number(row.revoked)];
    return { active, revoked, expired: total - active - revoked };
  }

  /**
   * Folds the buckets whose every link expired a minute before `now` into one row per day of
   * issue, keyed (issued_day, issued_day): a minute of expiry in the past, so the overview keeps
   * counting them as expired (or revoked). Returns how many buckets were folded. One statement:
   * the sums never change, whatever writes the buckets meanwhile (a write to a folded bucket
   * makes it again, for the next fold). Instances fold one at a time (they start, and their
   * hourly pass runs, together): two folds would lock the same buckets in their own orders.
   */
  async foldExpired(now: Date): Promise<number> {
    // A minute earlier than `now` says: another instance whose clock is behind (by less than
    // LATE_COMMIT_MS, as instances' clocks are expected to be) still counts a bucket's links
    // active until they expire by its clock.
    const minute = new Date(Math.floor((now.getTime() - LATE_COMMIT_MS) / MINUTE_MS) * MINUTE_MS);
    const [, [{ folded }]] = await this.prisma.$transaction([
      this.prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('camlinks_fold_link_counts'))`,
      this.prisma.$queryRaw<{ folded: number }[]>`
      WITH gone AS (
        DELETE FROM link_counts WHERE expires_minute < ${minute}::timestamptz AND expires_minute <> issued_day
        RETURNING issued_day, links, revoked),
      days AS (
        INSERT INTO link_counts AS c (expires_minute, issued_day, links, revoked)
        SELECT issued_day, issued_day, sum(links), sum(revoked) FROM gone GROUP BY issued_day
         HAVING sum(links) <> 0 OR sum(revoked) <> 0 ORDER BY issued_day
        ON CONFLICT (expires_minute, issued_day) DO UPDATE SET links = c.links + excluded.links, revoked = c.revoked + excluded.revoked)
      SELECT count(*)::int AS folded FROM gone`,
    ]);
    return folded;
  }

  /** A dropped partition fires no DELETE trigger: its day's counts go with it, in its transaction. */
  async forgetIssuedDay(tx: Prisma.TransactionClient, day: Date): Promise<void> {
    await tx.$executeRaw`DELETE FROM link_counts WHERE issued_day = ${day}::timestamptz`;
  }
}
