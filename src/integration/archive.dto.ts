import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsIn, IsOptional } from 'class-validator';
import { MaxItems } from '../common/input-bounds';
import { AllowUnknownFields } from '../common/validation';
import { ArrayOf, IsDateTimeWithOffset } from '../common/validators';
import { CAMERAS_DESCRIPTION, CameraItemDto, LinkTtlDto } from './camera-links.dto';

export const ARCHIVE_SOURCES = ['hls'] as const;

export class ArchiveCameraDto extends CameraItemDto {
  @ApiProperty({
    format: 'date-time',
    description: 'Segment start (ISO 8601 with a time zone).',
    example: '2000-01-01T00:00:00Z',
  })
  @IsDateTimeWithOffset()
  from: string;

  @ApiProperty({
    format: 'date-time',
    description: 'Segment end; after `from`, at most ARCHIVE_SEGMENT_MAX_SECONDS (24 h by default) later.',
    example: '2000-01-01T01:00:00Z',
  })
  @IsDateTimeWithOffset()
  to: string;
}

@AllowUnknownFields()
export class ArchiveRequestDto extends LinkTtlDto {
  @ApiProperty({ type: [ArchiveCameraDto], minItems: 1, description: CAMERAS_DESCRIPTION })
  @MaxItems((config) => config.links.maxCameras, 'cameras')
  @ArrayMinSize(1, { message: 'must contain at least 1 camera' })
  @ArrayOf(() => ArchiveCameraDto)
  cameras: ArchiveCameraDto[];

  @ApiPropertyOptional({ enum: ARCHIVE_SOURCES, description: '`hls` (the default): an HLS playlist of the segment.' })
  @IsOptional()
  @IsIn(ARCHIVE_SOURCES, { message: `must be one of: ${ARCHIVE_SOURCES.join(', ')}` })
  source?: (typeof ARCHIVE_SOURCES)[number];
}
