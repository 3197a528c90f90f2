import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

/**
 * A common table expression for counter statements that may run twice with the same batch (a
 * shutdown's flush retried after an unknown outcome, a spool entry applied again after a crash):
 * `claim` has a row only if the id in parameter $2 was not recorded yet, and records it in the
 * same statement, hence the same transaction, as the counts. $2 null: nothing recorded.
 */
export const CLAIM_FLUSH =
  'claim AS (INSERT INTO applied_flushes (id) SELECT $2::uuid WHERE $2::uuid IS NOT NULL ON CONFLICT DO NOTHING RETURNING id)';

/**
 * An id guards against a second application only while its batch may still be retried: a
 * shutdown retries within its deadline, and a spool entry is applied at the next start and
 * removed then. Kept this long, an instance may stay stopped for weeks and still count once.
 */
export const APPLIED_FLUSH_DAYS = 30;

@Injectable()
export class AppliedFlushesRepository {
  constructor(private readonly prisma: PrismaService) {}

  purgeBefore(before: Date): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM applied_flushes WHERE applied_at < ${before}::timestamptz`;
  }
}
