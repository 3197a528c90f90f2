import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../auth/admin-identity';
import { DISPLAY_LENGTH } from '../auth/tokens';
import { AuditEventsRepository, type NewAuditEvent } from '../audit/audit-events.repository';
import { PrismaService } from '../database/prisma.service';
import { Prisma } from '../generated/prisma/client';
import { IssuedLinksRepository, type LinkFilter, type Revocation } from './issued-links.repository';
import type { Cursor } from '../common/cursor';
import { LATE_COMMIT_MS, RULE_SELECTS_SQL } from './link-status';

/** What a bulk revocation selects: the links filter, its status aside. */
export type RuleSelection = Omit<LinkFilter, 'status'>;

export interface RevocationRuleRecord {
  id: string;
  selection: RuleSelection;
  /** Who revoked, why, and the cut-off (`at`). */
  revocation: Revocation;
  marked: number;
  finishedAt: Date | null;
}

type RuleRow = NonNullable<Awaited<ReturnType<PrismaService['revocationRule']['findUnique']>>>;

/** Revocation rules (prisma/schema.prisma, RevocationRule): a bulk revocation recorded, then marked in batches. */
@Injectable()
export class RevocationRulesRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly links: IssuedLinksRepository,
    private readonly audit: AuditEventsRepository,
  ) {}

  /** Records a rule: from its commit on, every link it selects reads as revoked. */
  async create(selection: RuleSelection, revocation: Revocation): Promise<RevocationRuleRecord> {
    return toRecord(
      await this.prisma.revocationRule.create({
        data: {
          ...selection,
          // Only the stored display prefix's length of a token prefix selects (LinkFilter).
          tokenPrefix: selection.tokenPrefix?.slice(0, DISPLAY_LENGTH),
          cutOff: revocation.at,
          revokedBy: revocation.by.name,
          revokedByAdminId: revocation.by.id,
          reason: revocation.reason,
        },
      }),
    );
  }

  async find(id: string): Promise<RevocationRuleRecord | undefined> {
    const row = await this.prisma.revocationRule.findUnique({ where: { id } });
    return row ? toRecord(row) : undefined;
  }

  /** The rules whose rows are not all marked yet, oldest first. */
  async unfinished(): Promise<string[]> {
    const rows = await this.prisma.revocationRule.findMany({
      where: { finishedAt: null },
      orderBy: { cutOff: 'asc' },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /**
   * The finished rules whose late links (issued within LATE_COMMIT_MS before the cut-off, maybe
   * committed after the marking passed them) are not marked yet, with when they can be: once
   * LATE_COMMIT_MS past the cut-off, no such link can still commit.
   */
  async lateToMark(): Promise<{ id: string; from: Date }[]> {
    const rows = await this.prisma.revocationRule.findMany({
      where: { finishedAt: { not: null }, lateMarkedAt: null },
      orderBy: { cutOff: 'asc' },
      select: { id: true, cutOff: true },
    });
    return rows.map((row) => ({ id: row.id, from: new Date(row.cutOff.getTime() + LATE_COMMIT_MS) }));
  }

  /**
   * Marks a batch of the finished rule's late links after `after` (null: from the start of its
   * late window), as markBatch marks; the batch that finds no more records the rule late-marked.
   * Returns where the next batch starts, or undefined when done (or not this rule's turn yet).
   */
  async markLateBatch(id: string, after: Cursor | null, batch: number, now: Date): Promise<Cursor | undefined> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<RuleRow[]>`${selectRule(id)}
         AND finished_at IS NOT NULL AND late_marked_at IS NULL
         AND cut_off <= ${new Date(now.getTime() - LATE_COMMIT_MS)} FOR UPDATE`;
      if (!row) return undefined;
      const rule = toRecord(row);
      await tx.$executeRaw`SELECT set_config('camlinks.marking_rule', ${id}, true)`;
      const start = after ?? { at: new Date(rule.revocation.at.getTime() - LATE_COMMIT_MS), id: NIL_UUID };
      const { marked, last } = await this.links.markForRule(
        tx,
        { filter: rule.selection, revocation: rule.revocation },
        start,
        batch,
      );
      await tx.revocationRule.update({
        where: { id },
        data: { marked: { increment: marked }, ...(last ? {} : { lateMarkedAt: now }) },
      });
      return last;
    });
  }

  /**
   * Deletes the finished rules whose cut-off is before `cutoff` (retention's: a transaction
   * issuing a link before the cut-off has long ended) and that no longer refuse any link: each
   * link they select is marked, or gone. Their audit events stay. Returns how many.
   */
  purgeFinishedBefore(cutoff: Date): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM revocation_rules r WHERE r.finished_at IS NOT NULL AND r.cut_off < ${cutoff}
         AND NOT EXISTS (SELECT 1 FROM issued_links l WHERE ${Prisma.raw(RULE_SELECTS_SQL)} AND l.revoked_at IS NULL)`;
  }

  /**
   * Marks the rule's next batch of links, and records how far it got, in one transaction (a
   * restart resumes after the last batch committed). A batch that finds no more links finishes
   * the rule and appends `finishedEvent(marked)` to the audit trail. Undefined: no such rule, or
   * finished already.
   */
  async markBatch(
    id: string,
    batch: number,
    finishedEvent: (rule: RevocationRuleRecord) => NewAuditEvent,
  ): Promise<RevocationRuleRecord | undefined> {
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<RuleRow[]>`${selectRule(id)} AND finished_at IS NULL FOR UPDATE`;
      if (!row) return undefined;
      const rule = toRecord(row);
      // The rows get the state the rule already gave them: the issued_links trigger stays quiet.
      await tx.$executeRaw`SELECT set_config('camlinks.marking_rule', ${id}, true)`;
      const after = row.cursorAt && row.cursorId ? { at: row.cursorAt, id: row.cursorId } : null;
      const { marked, last } = await this.links.markForRule(
        tx,
        { filter: rule.selection, revocation: rule.revocation },
        after,
        batch,
      );
      const updated = toRecord(
        await tx.revocationRule.update({
          where: { id },
          data: {
            marked: { increment: marked },
            ...(last ? { cursorAt: last.at, cursorId: last.id } : { finishedAt: new Date() }),
          },
        }),
      );
      if (!last) await this.audit.append(finishedEvent(updated), tx);
      return updated;
    });
  }
}

/** Before every uuid: the late window's start, whatever the id of its first link. */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/** The rule's row as RuleRow, for a WHERE to go on. */
function selectRule(id: string): Prisma.Sql {
  return Prisma.sql`
    SELECT id, camera_uuid AS "cameraUuid", integration_id AS "integrationId", user_id AS "userId",
           issued_from AS "issuedFrom", issued_to AS "issuedTo", source, kind, token_prefix AS "tokenPrefix",
           cut_off AS "cutOff", revoked_by AS "revokedBy",
           revoked_by_admin_id AS "revokedByAdminId", reason, marked, cursor_at AS "cursorAt", cursor_id AS "cursorId",
           finished_at AS "finishedAt", late_marked_at AS "lateMarkedAt"
      FROM revocation_rules WHERE id = ${id}::uuid`;
}

/** A rule's selection as its trigger notifies it (prisma/migrations/*_revocation_rules), for this instance's own caches. */
export function notifiedSelection(rule: RevocationRuleRecord): Record<string, string | null> {
  const { selection, revocation } = rule;
  return {
    camera_uuid: selection.cameraUuid ?? null,
    integration_id: selection.integrationId ?? null,
    user_id: selection.userId ?? null,
    issued_from: selection.issuedFrom?.toISOString() ?? null,
    issued_to: selection.issuedTo?.toISOString() ?? null,
    cut_off: revocation.at.toISOString(),
    source: selection.source ?? null,
    kind: selection.kind ?? null,
    token_prefix: selection.tokenPrefix ?? null,
  };
}

function toRecord(row: RuleRow): RevocationRuleRecord {
  const by: AdminIdentity = { id: row.revokedByAdminId, name: row.revokedBy, role: 'admin' };
  return {
    id: row.id,
    selection: {
      cameraUuid: row.cameraUuid ?? undefined,
      integrationId: row.integrationId ?? undefined,
      userId: row.userId ?? undefined,
      issuedFrom: row.issuedFrom ?? undefined,
      issuedTo: row.issuedTo ?? undefined,
      source: row.source ?? undefined,
      kind: row.kind ?? undefined,
      tokenPrefix: row.tokenPrefix ?? undefined,
    },
    revocation: { by, reason: row.reason, at: row.cutOff },
    marked: row.marked,
    finishedAt: row.finishedAt,
  };
}
