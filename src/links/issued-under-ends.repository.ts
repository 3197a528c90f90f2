import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

/**
 * issued_under_ends: what links were issued under and has ended (a camera, a stream, a grant, a
 * token). Triggers write it (migration 20261207190000_issued_under_ends); the revoked and
 * suspended listings read it (IssuedLinksRepository); this deletes what no listing needs.
 */
@Injectable()
export class IssuedUnderEndsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Deletes the ends before `before`: a link issued before one of them has expired once `before`
   * is LINK_TTL_MAX (and LATE_COMMIT_MS) ago. A few rows a day: one statement is enough.
   */
  async purgeBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.issuedUnderEnd.deleteMany({ where: { endedAt: { lt: before } } });
    return count;
  }
}
