import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequiresRole } from '../../auth/admin-roles';
import { ApiInvalid } from '../../openapi/api-responses.decorator';
import { AdminApi } from '../admin-api.decorator';
import { AuditEventPageDto, AuditEventsQueryDto, mapAuditEvent } from './audit-events.dto';
import { AuditEventsService } from './audit-events.service';

@ApiTags('admin: audit events')
@AdminApi()
@Controller('api/v1/admin/audit-events')
export class AuditEventsController {
  constructor(private readonly events: AuditEventsService) {}

  @Get()
  @RequiresRole('auditor')
  @ApiOperation({
    summary: 'List audit events',
    description:
      'Every admin action (who, what, on which record, and whether it succeeded), newest first, a page at a time: pass `next_cursor` as `cursor` for the next.',
  })
  @ApiInvalid({ cursor: ['The cursor field is not a cursor returned by this API.'] })
  @ApiOkResponse({ type: AuditEventPageDto, description: 'Newest first.' })
  async list(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageDto> {
    const { data, nextCursor } = await this.events.list(query);
    return { data: data.map(mapAuditEvent), next_cursor: nextCursor };
  }
}
