import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { MaxItems } from '../common/input-bounds';
import { AllowUnknownFields } from '../common/validation';
import { ArrayOf, IsDateTimeWithOffset } from '../common/validators';
import { CAMERAS_DESCRIPTION, CameraItemDto, CameraLinkDto, LinkTtlDto, mapCameraLink } from './camera-links.dto';
import type { CameraLinkResult } from './camera-links.service';

export const VIDEO_SOURCES = ['hls', 'rtsp'] as const;
export type VideoSource = (typeof VIDEO_SOURCES)[number];

export class VideoCameraDto extends CameraItemDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Play the archive from this time (ISO 8601 with a time zone). Omitted: live video.',
    example: '2000-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTimeWithOffset()
  date?: string;

  @ApiPropertyOptional({
    description: "Also return the stream's available archive as `archive_ranges` (default: false).",
  })
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  archive_ranges?: boolean;
}

@AllowUnknownFields()
export class VideoRequestDto extends LinkTtlDto {
  @ApiProperty({ type: [VideoCameraDto], minItems: 1, description: CAMERAS_DESCRIPTION })
  @MaxItems((config) => config.links.maxCameras, 'cameras')
  @ArrayMinSize(1, { message: 'must contain at least 1 camera' })
  @ArrayOf(() => VideoCameraDto)
  cameras: VideoCameraDto[];

  @ApiPropertyOptional({
    enum: VIDEO_SOURCES,
    description: '`hls` (the default): an HLS playlist; `rtsp`: an RTSP address.',
  })
  @IsOptional()
  @IsIn(VIDEO_SOURCES, { message: `must be one of: ${VIDEO_SOURCES.join(', ')}` })
  source?: VideoSource;
}

export class ArchiveRangeDto {
  @ApiProperty({ example: 1700000000, description: 'Start, unix seconds.' }) from: number;
  @ApiProperty({ example: 3600, description: 'Length in seconds.' }) duration: number;
}

export class VideoLinkDto extends CameraLinkDto {
  @ApiPropertyOptional({
    type: [ArchiveRangeDto],
    description: 'With `archive_ranges: true`: the archive the stream has, oldest first.',
  })
  archive_ranges?: ArchiveRangeDto[];
}

export function mapVideoLink(result: CameraLinkResult): VideoLinkDto {
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
  return {
    ...mapCameraLink(result),
    ...(result.archiveRanges && {
      archive_ranges: result.archiveRanges.map((r) => ({
        from: seconds(r.from),
        duration: seconds(r.to) - seconds(r.from),
      })),
    }),
  };
}
