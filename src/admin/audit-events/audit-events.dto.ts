import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { IsAnyUuidLowerCased, IsDateTimeWithOffset } from '../../common/validators';
import type { AuditEventRecord } from '../../audit/audit-events.repository';

export class AuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'The name of the admin who acted, e.g. `bootstrap` (events from before named admins: `admin-token:1a2b3c4d`).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The id of the admin who acted.' })
  @IsOptional()
  @IsAnyUuidLowerCased()
  actor_id?: string;
  @ApiPropertyOptional({ example: 'POST /api/v1/admin/links/:id/revoke', description: 'What was done: the method and route.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  action?: string;
  @ApiPropertyOptional({ description: 'The admin resource: media-servers, cameras, users, grants, integrations, links.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  object_type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) object_id?: string;
  @ApiPropertyOptional({ enum: ['success', 'failure'] })
  @IsOptional()
  @IsIn(['success', 'failure'], { message: 'must be success or failure' })
  outcome?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time.' }) @IsOptional() @IsDateTimeWithOffset() from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time.' }) @IsOptional() @IsDateTimeWithOffset() to?: string;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurred_at: string;
  @ApiProperty({ example: 'bootstrap', description: "The name of the admin who acted (events from before named admins: the credential's fingerprint)." })
  actor: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The id of the admin who acted; null for events from before named admins.' })
  actor_id: string | null;
  @ApiProperty({ example: 'POST /api/v1/admin/cameras' }) action: string;
  @ApiProperty({ example: 'cameras' }) object_type: string;
  @ApiProperty({ nullable: true, type: String }) object_id: string | null;
  @ApiProperty({ enum: ['success', 'failure'] }) outcome: string;
  @ApiProperty({ example: 201 }) status_code: number;
  @ApiProperty({ nullable: true, type: String }) request_id: string | null;
  @ApiProperty({ nullable: true, type: String }) client_ip: string | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true, description: 'Route parameters and the request body, secrets redacted.' })
  details: Record<string, unknown> | null;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) data: AuditEventDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last page.' }) next_cursor: string | null;
}

export function mapAuditEvent(row: AuditEventRecord): AuditEventDto {
  return {
    id: row.id,
    occurred_at: row.occurredAt.toISOString(),
    actor: row.actor,
    actor_id: row.actorId,
    action: row.action,
    object_type: row.objectType,
    object_id: row.objectId,
    outcome: row.outcome,
    status_code: row.statusCode,
    request_id: row.requestId,
    client_ip: row.clientIp,
    details: row.details,
  };
}
