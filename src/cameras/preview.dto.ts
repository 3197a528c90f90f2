import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { formatTimestamp } from '../common/timestamps';
import { AllowUnknownFields } from '../common/validation';
import { IsDateTimeWithOffset, NumericString } from '../common/validators';
import type { PreviewResult } from './preview.service';

export const PREVIEW_SOURCES = ['mp4', 'jpg'] as const;
export type PreviewSource = (typeof PREVIEW_SOURCES)[number];
/** The vendor's spelling for "this camera's default stream". */
export const DEFAULT_STREAM_TYPE = 'camera';

export class PreviewCameraDto {
  @ApiProperty({ format: 'uuid', description: 'The camera to link to.', example: '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11' })
  @IsUUID('all', { message: 'must be a valid UUID' })
  uuid: string;

  @ApiPropertyOptional({ description: 'Stream type, e.g. `high` or `low`. Omitted or `camera`: the camera\'s default stream.', example: 'high', maxLength: 64 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(64, { message: 'must not be longer than 64 characters' })
  stream_type?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Start of the archive footage to preview (ISO 8601 with a time zone). Omitted: live preview.', example: '2000-01-01T00:00:00Z' })
  @IsOptional()
  @IsDateTimeWithOffset()
  date?: string;
}

@AllowUnknownFields()
export class PreviewRequestDto {
  @ApiProperty({ type: [PreviewCameraDto], minItems: 1, description: 'Cameras to link to (at most PREVIEW_MAX_CAMERAS, 30 by default). Links come back in this order; cameras the caller cannot see are left out.' })
  @IsArray({ message: 'must be an array' })
  @ArrayMinSize(1, { message: 'must contain at least 1 camera' })
  @ValidateNested({ each: true })
  @Type(() => PreviewCameraDto)
  cameras: PreviewCameraDto[];

  @ApiPropertyOptional({ enum: PREVIEW_SOURCES, default: 'mp4', description: '`mp4`: a short preview clip; `jpg`: a preview image.' })
  @IsOptional()
  @IsIn(PREVIEW_SOURCES, { message: `must be one of: ${PREVIEW_SOURCES.join(', ')}` })
  source?: PreviewSource;

  @ApiPropertyOptional({
    oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: '^[0-9]+$' }],
    description: 'Link lifetime in seconds, as a number or a numeric string. Omitted: LINK_TTL_DEFAULT; at most LINK_TTL_MAX (86400 by default).',
    example: '100',
  })
  @IsOptional()
  @NumericString()
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be at least 1' })
  ttl?: number;
}

export class PreviewLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The camera this link is for.' })
  uuid: string;

  @ApiProperty({ example: 'high', description: 'The stream type the link serves.' })
  stream_type: string;

  @ApiProperty({ example: 'http://127.0.0.1:8080/gate-hd/preview.mp4?token=cll_…' })
  url: string;

  @ApiProperty({ example: '2000-01-01T00:00:00.000000Z', description: 'When the link token expires (UTC, six fractional digits).' })
  expired_at: string;

  @ApiPropertyOptional({ example: '2000-01-01T00:00:00.000000Z', description: 'Present when the requested archive date preceded the camera\'s archive: the start the link was moved to.' })
  move_to?: string;
}

export function mapPreviewLink({ link, movedTo }: PreviewResult): PreviewLinkDto {
  return {
    uuid: link.request.cameraUuid,
    stream_type: link.request.streamType,
    url: link.url,
    expired_at: formatTimestamp(link.expiresAt),
    ...(movedTo && { move_to: formatTimestamp(movedTo) }),
  };
}
