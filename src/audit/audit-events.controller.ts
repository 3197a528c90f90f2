import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AdminApi } from '../admin/admin-api.decorator';
import { decodeCursor, page } from '../common/cursor';
import { AuditEventPageDto, AuditEventsQueryDto, mapAuditEvent } from './audit-events.dto';
import { AuditEventsRepository } from './audit-events.repository';

const DEFAULT_LIMIT = 100;

@ApiTags('admin: audit')
@AdminApi()
@Controller('api/v1/admin/audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsRepository) {}

  @Get()
  @ApiOkResponse({ type: AuditEventPageDto, description: 'Newest first.' })
  async list(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageDto> {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const filter = {
      actor: query.actor,
      objectType: query.object_type,
      objectId: query.object_id,
      outcome: query.outcome,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    const rows = await this.events.list(filter, decodeCursor(query.cursor), limit + 1);
    const { data, nextCursor } = page(rows, limit, (row) => ({ at: row.occurredAt, id: row.id }));
    return { data: data.map(mapAuditEvent), next_cursor: nextCursor };
  }
}
