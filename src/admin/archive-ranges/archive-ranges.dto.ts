import { ApiProperty } from '@nestjs/swagger';
import { ArrayOf, IsDateTimeWithOffset, IsShortString } from '../../common/validators';
import type { ArchiveRangeRecord } from './archive-ranges.repository';

export class ArchiveRangeInputDto {
  @ApiProperty({ example: 'high' }) @IsShortString(64) stream_type: string;
  @ApiProperty({ format: 'date-time', example: '2000-01-01T00:00:00Z' }) @IsDateTimeWithOffset() from: string;
  @ApiProperty({ format: 'date-time', example: '2100-01-01T00:00:00Z' }) @IsDateTimeWithOffset() to: string;
}

export class ReplaceArchiveRangesDto {
  @ApiProperty({
    type: [ArchiveRangeInputDto],
    description:
      "The archive each stream has. Replaces all of the camera's ranges; a stream left without ranges falls back to the retention window.",
  })
  @ArrayOf(() => ArchiveRangeInputDto)
  ranges: ArchiveRangeInputDto[];
}

/** One stored range, as the admin API shows it (the integration API's `archive_ranges` items are `{from, duration}`). */
export class StoredArchiveRangeDto {
  @ApiProperty({ example: 'high' }) stream_type: string;
  @ApiProperty({ format: 'date-time', example: '2030-01-01T00:00:00.000Z' }) from: string;
  @ApiProperty({ format: 'date-time', example: '2030-01-01T06:00:00.000Z' }) to: string;
}

export class ArchiveRangesDto {
  @ApiProperty({ format: 'uuid' }) camera_uuid: string;
  @ApiProperty({ type: [StoredArchiveRangeDto], description: 'By stream type, oldest first.' })
  ranges: StoredArchiveRangeDto[];
}

export function mapArchiveRanges(cameraUuid: string, ranges: ArchiveRangeRecord[]): ArchiveRangesDto {
  return {
    camera_uuid: cameraUuid,
    ranges: ranges.map((r) => ({ stream_type: r.streamType, from: r.from.toISOString(), to: r.to.toISOString() })),
  };
}
