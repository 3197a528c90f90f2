import { Injectable } from '@nestjs/common';
import { afterCursor, type Cursor } from '../common/cursor';
import { PrismaService } from '../database/prisma.service';
import type { Prisma } from '../generated/prisma/client';

/** Who the audit trail names when no admin could be: no admin may be called (or look like) these. */
export const NON_ADMIN_ACTORS = { unauthenticated: 'unauthenticated', unknown: 'unknown' } as const;

/** Who can act: an admin, an integration or user revoking its own links, or a refused credential. */
export const AUDIT_ACTOR_TYPES = ['admin', 'integration', 'user', 'unauthenticated'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export interface NewAuditEvent {
  actorType: AuditActorType;
  /** The admin's, integration's or user's name; `actorId` its id. */
  actor: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  outcome: 'success' | 'failure';
  statusCode: number;
  requestId: string | null;
  clientIp: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditEventRecord extends NewAuditEvent {
  id: string;
  occurredAt: Date;
}

export interface AuditEventFilter {
  actorType?: AuditActorType;
  actor?: string;
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  outcome?: string;
  from?: Date;
  to?: Date;
}

/** Append-only: there is deliberately no update, and no delete but the retention purge. */
@Injectable()
export class AuditEventsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Within `tx` when the event must commit with what it records. */
  async append(event: NewAuditEvent, tx: Prisma.TransactionClient = this.prisma): Promise<void> {
    await tx.auditEvent.create({
      data: { ...event, details: (event.details ?? undefined) as Prisma.InputJsonValue | undefined },
    });
  }

  /** Deletes up to `batch` events that occurred before `cutoff`; returns how many. */
  async purgeOlderThan(cutoff: Date, batch: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM audit_events WHERE id IN (
        SELECT id FROM audit_events WHERE occurred_at < ${cutoff}::timestamptz LIMIT ${batch}::int FOR UPDATE SKIP LOCKED)`;
  }

  async list(filter: AuditEventFilter, cursor: Cursor | undefined, take: number): Promise<AuditEventRecord[]> {
    const rows = await this.prisma.auditEvent.findMany({
      where: {
        actorType: filter.actorType,
        actor: filter.actor,
        actorId: filter.actorId,
        action: filter.action,
        objectType: filter.objectType,
        objectId: filter.objectId,
        outcome: filter.outcome,
        occurredAt: { gte: filter.from, lt: filter.to },
        ...afterCursor('occurredAt', cursor),
      },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take,
    });
    return rows.map((row) => ({
      ...row,
      actorType: row.actorType as AuditActorType,
      outcome: row.outcome as NewAuditEvent['outcome'],
      details: row.details as Record<string, unknown> | null,
    }));
  }
}
