import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiInvalid } from '../../openapi/api-responses.decorator';
import { AdminApi } from '../admin-api.decorator';
import { fetchPage } from '../../common/cursor';
import { AuditEventPageDto, AuditEventsQueryDto, mapAuditEvent } from './audit-events.dto';
import { AuditEventsRepository } from '../../audit/audit-events.repository';

@ApiTags('admin: audit events')
@AdminApi()
@Controller('api/v1/admin/audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsRepository) {}

  @Get()
  @ApiOperation({
    summary: 'List audit events',
    description:
      'Every admin action (who, what, on which record, and whether it succeeded), newest first, a page at a time: pass `next_cursor` as `cursor` for the next.',
  })
  @ApiInvalid({ cursor: ['The cursor field is not a cursor returned by this API.'] })
  @ApiOkResponse({ type: AuditEventPageDto, description: 'Newest first.' })
  async list(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageDto> {
    const filter = {
      actor: query.actor,
      actorId: query.actor_id,
      objectType: query.object_type,
      objectId: query.object_id,
      outcome: query.outcome,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    const { data, nextCursor } = await fetchPage(
      query,
      (after, take) => this.events.list(filter, after, take),
      (row) => ({ at: row.occurredAt, id: row.id }),
    );
    return { data: data.map(mapAuditEvent), next_cursor: nextCursor };
  }
}
