import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsIn, IsOptional } from 'class-validator';
import { MaxItems } from '../common/input-bounds';
import { AllowUnknownFields } from '../common/validation';
import { ArrayOf, IsDateTimeWithOffset } from '../common/validators';
import { CAMERAS_DESCRIPTION, CameraItemDto, LinkTtlDto } from './camera-links.dto';

export const PREVIEW_SOURCES = ['mp4', 'jpg'] as const;
export type PreviewSource = (typeof PREVIEW_SOURCES)[number];

export class PreviewCameraDto extends CameraItemDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Start of the archive footage to preview (ISO 8601 with a time zone). Omitted: live preview.',
    example: '2000-01-01T00:00:00Z',
  })
  @IsOptional()
  @IsDateTimeWithOffset()
  date?: string;
}

@AllowUnknownFields()
export class PreviewRequestDto extends LinkTtlDto {
  @ApiProperty({ type: [PreviewCameraDto], minItems: 1, description: CAMERAS_DESCRIPTION })
  @MaxItems((config) => config.links.maxCameras, 'cameras')
  @ArrayMinSize(1, { message: 'must contain at least 1 camera' })
  @ArrayOf(() => PreviewCameraDto)
  cameras: PreviewCameraDto[];

  @ApiPropertyOptional({
    enum: PREVIEW_SOURCES,
    description: '`mp4` (the default): a short preview clip; `jpg`: a preview image.',
  })
  @IsOptional()
  @IsIn(PREVIEW_SOURCES, { message: `must be one of: ${PREVIEW_SOURCES.join(', ')}` })
  source?: PreviewSource;
}
