import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsInt,
  IsOptional,
  Max,
  Min,
  NotEquals,
  ValidateBy,
} from 'class-validator';
import { DEFAULT_STREAM_TYPE } from '../../integration/camera-links.service';
import { ArrayOf, IsAnyUuid, IsName, IsShortString, OptionalNotNull } from '../../common/validators';
import { streamNameProblem } from '../../links/stream-names';
import type { CameraRecord } from './cameras.repository';
import { EXAMPLE_IDS } from '../../common/chosen-id';

const MAX_RETENTION_DAYS = 3650;

export class CameraStreamDto {
  @ApiProperty({
    example: 'high',
    maxLength: 64,
    description: `The stream type clients ask for. Not \`${DEFAULT_STREAM_TYPE}\`: the preview API reads that as "the default stream".`,
  })
  @IsShortString(64)
  @NotEquals(DEFAULT_STREAM_TYPE, {
    message: `must not be "${DEFAULT_STREAM_TYPE}", which the preview API reads as the default stream`,
  })
  type: string;

  @ApiProperty({
    example: 'gate-hd',
    maxLength: 255,
    description:
      "The stream's name on the media server ({stream} in its URL templates): path segments joined by `/`, none empty, `.` or `..`, " +
      'without `?`, `#`, `\\`, `%` or control characters, and no segment a media server reads as a track folder (`tracks-…`) or as date folders (`YYYY/MM/DD/HH/MM`).',
  })
  @IsShortString(255)
  @ValidateBy({
    name: 'streamName',
    validator: {
      validate: (value) => typeof value !== 'string' || streamNameProblem(value) === undefined,
      defaultMessage: (args) => streamNameProblem(String(args?.value)) ?? 'is not a valid stream name',
    },
  })
  name: string;
}

export class CreateCameraDto {
  @ApiPropertyOptional({ format: 'uuid', description: "The VMS's id for the camera. Omitted: generated." })
  @OptionalNotNull()
  @IsAnyUuid()
  uuid?: string;

  @ApiProperty({ example: 'Gate', maxLength: 100 })
  @IsName(100)
  name: string;

  @ApiProperty({
    format: 'uuid',
    description:
      "The media server that serves the camera's video. Changing it revokes the camera's active links (their URLs name the old server).",
    example: EXAMPLE_IDS.mediaServer,
  })
  @IsAnyUuid()
  media_server_id: string;

  @ApiProperty({ type: [CameraStreamDto], minItems: 1, description: 'At least one; types unique.' })
  @ArrayMinSize(1, { message: 'must contain at least 1 stream' })
  @ArrayUnique((stream: CameraStreamDto) => stream?.type, { message: 'must not contain two streams of the same type' })
  @ArrayOf(() => CameraStreamDto)
  streams: CameraStreamDto[];

  @ApiProperty({
    example: 'high',
    description: "The stream used when a client asks for none (or for `camera`); one of the streams' types.",
  })
  @IsShortString(64)
  default_stream_type: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_RETENTION_DAYS,
    description: 'How many days of archive the media server keeps; 0 (the default): no archive.',
  })
  @OptionalNotNull()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(0, { message: 'must be at least 0' })
  @Max(MAX_RETENTION_DAYS, { message: `must not be greater than ${MAX_RETENTION_DAYS}` })
  archive_retention_days?: number;

  @ApiPropertyOptional({ description: 'A blocked camera gets no links, and its links are refused. Default: false.' })
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  blocked?: boolean;
}

/** `streams`, when given, replaces the camera's streams. */
export class UpdateCameraDto extends PartialType(OmitType(CreateCameraDto, ['uuid'] as const), {
  skipNullProperties: false,
}) {
  @ApiPropertyOptional({
    description:
      'Only with `blocked: false`. Unblocking a camera does not bring back the links issued before it was blocked: they are revoked (reason `camera blocked`). `true` restores them instead: they open again until they expire. Default: false.',
  })
  @OptionalNotNull()
  @IsBoolean({ message: 'must be true or false' })
  restore_links?: boolean;
}

export class ListCamerasQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the cameras of this media server.' })
  @IsOptional()
  @IsAnyUuid()
  media_server_id?: string;
}

export class CameraDto {
  @ApiProperty({ format: 'uuid' }) uuid: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) media_server_id: string;
  @ApiProperty({ type: [CameraStreamDto], description: 'Ordered by type.' }) streams: CameraStreamDto[];
  @ApiProperty() default_stream_type: string;
  @ApiProperty({ type: 'integer' }) archive_retention_days: number;
  @ApiProperty() blocked: boolean;
  @ApiProperty({ format: 'date-time' }) created_at: string;
  @ApiProperty({ format: 'date-time' }) updated_at: string;
}

export function mapCamera(row: CameraRecord): CameraDto {
  return {
    uuid: row.uuid,
    name: row.name,
    media_server_id: row.mediaServerId,
    streams: row.streams.map(({ type, name }) => ({ type, name })),
    default_stream_type: row.defaultStreamType,
    archive_retention_days: row.archiveRetentionDays,
    blocked: row.blocked,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
