import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../../common/pagination.dto';
import { IsAnyUuidLowerCased, IsDateTimeWithOffset } from '../../common/validators';
import { AUDIT_ACTOR_TYPES, type AuditActorType, type AuditEventRecord } from '../../audit/audit-events.repository';
import { JSON_VALUE_REF } from '../../openapi/json-value';

export class AuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: AUDIT_ACTOR_TYPES,
    description: 'Who acted: an admin, an integration or user (revoking its own links), or a refused credential.',
  })
  @IsOptional()
  @IsIn(AUDIT_ACTOR_TYPES, { message: `must be one of: ${AUDIT_ACTOR_TYPES.join(', ')}` })
  actor_type?: AuditActorType;
  @ApiPropertyOptional({
    description:
      'The name of the admin, integration or user who acted, e.g. `bootstrap` (events from before named admins: `admin-token:1a2b3c4d`).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The id of the admin, integration or user who acted.' })
  @IsOptional()
  @IsAnyUuidLowerCased()
  actor_id?: string;
  @ApiPropertyOptional({
    description: 'What was done: the method and route, e.g. `POST /api/v1/admin/links/:id/revoke`.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  action?: string;
  @ApiPropertyOptional({ description: 'The resource acted on, e.g. `links`.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  object_type?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) object_id?: string;
  @ApiPropertyOptional({ enum: ['success', 'failure'] })
  @IsOptional()
  @IsIn(['success', 'failure'], { message: 'must be success or failure' })
  outcome?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events at or after this time.' })
  @IsOptional()
  @IsDateTimeWithOffset()
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Events before this time.' })
  @IsOptional()
  @IsDateTimeWithOffset()
  to?: string;
}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurred_at: string;
  @ApiProperty({
    enum: AUDIT_ACTOR_TYPES,
    description: 'Who acted: an admin, an integration or user (revoking its own links), or a refused credential.',
  })
  actor_type: AuditActorType;
  @ApiProperty({
    example: 'bootstrap',
    description:
      "The name of the admin, integration or user who acted (admin events from before named admins: the credential's fingerprint).",
  })
  actor: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'The id of the admin, integration or user who acted; null for refused credentials and events from before named admins.',
  })
  actor_id: string | null;
  @ApiProperty({ example: 'POST /api/v1/admin/cameras' }) action: string;
  @ApiProperty({ example: 'cameras' }) object_type: string;
  @ApiProperty({ nullable: true, type: String }) object_id: string | null;
  @ApiProperty({ enum: ['success', 'failure'] }) outcome: string;
  @ApiProperty({ example: 201 }) status_code: number;
  @ApiProperty({ nullable: true, type: String }) request_id: string | null;
  @ApiProperty({ nullable: true, type: String }) client_ip: string | null;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { $ref: JSON_VALUE_REF },
    description:
      'Route parameters and the request body, secrets redacted; for a revocation by an integration or user, the ids of the links it revoked.',
  })
  details: Record<string, unknown> | null;
}

export class AuditEventPageDto extends PageDto {
  @ApiProperty({ type: [AuditEventDto] }) data: AuditEventDto[];
}

export function mapAuditEvent(row: AuditEventRecord): AuditEventDto {
  return {
    id: row.id,
    occurred_at: row.occurredAt.toISOString(),
    actor_type: row.actorType,
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
