import { Injectable } from '@nestjs/common';
import { type AuditEventRecord, AuditEventsRepository } from '../../audit/audit-events.repository';
import { fetchPage } from '../../common/cursor';
import type { AuditEventsQueryDto } from './audit-events.dto';

/** The audit trail as admins read it (the API and the console). */
@Injectable()
export class AuditEventsService {
  constructor(private readonly events: AuditEventsRepository) {}

  list(query: AuditEventsQueryDto): Promise<{ data: AuditEventRecord[]; nextCursor: string | null }> {
    const filter = {
      actorType: query.actor_type,
      actor: query.actor,
      actorId: query.actor_id,
      action: query.action,
      objectType: query.object_type,
      objectId: query.object_id,
      outcome: query.outcome,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    return fetchPage(
      query,
      (after, take) => this.events.list(filter, after, take),
      (row) => ({ at: row.occurredAt, id: row.id }),
    );
  }
}
