import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { EXAMPLE_CAMERA } from '../common/chosen-id';
import { formatTimestamp } from '../common/timestamps';
import { NumericString } from '../common/validators';
import type { CameraLinkResult } from './camera-links.service';

/** What every camera item of the vendor's link endpoints has. */
export class CameraItemDto {
  @ApiProperty({ format: 'uuid', description: 'The camera to link to.', example: EXAMPLE_CAMERA })
  @IsUUID('all', { message: 'must be a valid UUID' })
  uuid: string;

  @ApiPropertyOptional({
    description: "Stream type, e.g. `high` or `low`. Omitted or `camera`: the camera's default stream.",
    example: 'high',
    maxLength: 64,
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @IsNotEmpty({ message: 'must not be empty' })
  @MaxLength(64, { message: 'must not be longer than 64 characters' })
  stream_type?: string;
}

/** The link lifetime, shared by the vendor's link endpoints. */
export class LinkTtlDto {
  @ApiPropertyOptional({
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'string', pattern: '^[0-9]+$' },
    ],
    description:
      'Link lifetime in seconds, as a number or a numeric string. Omitted: LINK_TTL_DEFAULT; at most LINK_TTL_MAX (86400 by default).',
    example: '100',
  })
  @IsOptional()
  @NumericString()
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be at least 1' })
  ttl?: number;
}

export const CAMERAS_DESCRIPTION =
  'Cameras to link to (at most MAX_CAMERAS_PER_REQUEST, 30 by default). Links come back in this order; cameras the caller cannot see are left out.';

export class CameraLinkDto {
  @ApiProperty({ format: 'uuid', description: 'The camera this link is for.' })
  uuid: string;

  @ApiProperty({ example: 'high', description: 'The stream type the link serves.' })
  stream_type: string;

  @ApiProperty({
    format: 'uri',
    example: 'http://127.0.0.1:8080/gate-hd/preview.mp4?token=cll_Ab3dE5gHk2Lm9Np4Qr7St1Uv6Wx8Yz0Ab3dE5gHk2Lm19991231',
    description: 'The link; its `token` query parameter (or the whole URL) names it to `POST /api/v1/links/revoke`.',
  })
  url: string;

  @ApiProperty({
    format: 'date-time',
    example: '2000-01-01T00:00:00.000000Z',
    description: 'When the link token expires (UTC, six fractional digits).',
  })
  expired_at: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2000-01-01T00:00:00.000000Z',
    description: 'Present when the requested archive time preceded the available archive: where playback was moved to.',
  })
  move_to?: string;
}

export function mapCameraLink({ link, movedTo }: CameraLinkResult): CameraLinkDto {
  return {
    uuid: link.request.cameraUuid,
    stream_type: link.request.streamType,
    url: link.url,
    expired_at: formatTimestamp(link.expiresAt),
    ...(movedTo && { move_to: formatTimestamp(movedTo) }),
  };
}
