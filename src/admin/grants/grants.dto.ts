import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { EXAMPLE_IDS } from '../../common/chosen-id';
import { IsOptional } from 'class-validator';
import { IsAnyUuid, IsFutureDateTime } from '../../common/validators';
import type { GrantRecord } from './grants.repository';

export class CreateGrantDto {
  @ApiProperty({ format: 'uuid', description: 'The user who may see the camera.', example: EXAMPLE_IDS.user })
  @IsAnyUuid()
  user_id: string;

  @ApiProperty({ format: 'uuid', description: 'The camera the user may see.', example: EXAMPLE_IDS.secondCamera })
  @IsAnyUuid()
  camera_uuid: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2030-01-01T00:00:00Z',
    description: 'When the grant ends (in the future). Omitted or null: never.',
  })
  @IsOptional()
  @IsFutureDateTime()
  expires_at?: string | null;
}

/** Only the expiry changes; to grant another camera or user, create another grant. */
export class UpdateGrantDto extends PickType(CreateGrantDto, ['expires_at'] as const) {}

export class ListGrantsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this user's grants." })
  @IsOptional()
  @IsAnyUuid()
  user_id?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the grants of this camera.' })
  @IsOptional()
  @IsAnyUuid()
  camera_uuid?: string;
}

export class GrantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) user_id: string;
  @ApiProperty({ format: 'uuid' }) camera_uuid: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) expires_at: string | null;
  @ApiProperty({ format: 'date-time' }) created_at: string;
}

export function mapGrant(row: GrantRecord): GrantDto {
  return {
    id: row.id,
    user_id: row.userId,
    camera_uuid: row.cameraUuid,
    expires_at: row.expiresAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}
