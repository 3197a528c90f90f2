import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../../common/pagination.dto';
import { isoOrNull } from '../../common/timestamps';
import { IsAnyUuidLowerCased, IsDateTimeWithOffset } from '../../common/validators';
import { type IssuedLinkRecord, REVOKER_TYPES, type RevokerType } from '../../links/issued-links.repository';
import { LINK_KINDS, type LinkKind } from '../../links/link-kind';
import { LINK_STATUSES, type LinkStatus } from '../../links/link-status';
import { ARCHIVE_SOURCES } from '../../integration/archive.dto';
import { PREVIEW_SOURCES } from '../../integration/preview.dto';
import { VIDEO_SOURCES } from '../../integration/video.dto';
import { DENY_REASONS } from '../../verification/link-decision';

const STATUS_DESCRIPTION =
  '`active`: opens what it was issued for. `suspended`: refused while its camera is blocked (opens again only if the camera is unblocked with `restore_links`) ' +
  'or while its camera no longer has the stream it names (opens again if the stream is added back). ' +
  '`expired`: past its own expiry, or its grant or issuing token expired. `revoked`: revoked (`revoked_*` say when, by whom and why: by an admin, or ' +
  'because its camera, grant, user, integration or token was deleted or revoked, or its camera unblocked without restoring links), or what it was issued ' +
  'under is gone without a recorded revocation. Expired and revoked links never open again.';
const KINDS = LINK_KINDS;
/** Every `source` a link can have been issued with: what the three link endpoints accept. */
export const LINK_SOURCES = [...new Set([...PREVIEW_SOURCES, ...VIDEO_SOURCES, ...ARCHIVE_SOURCES])];

/** Filters that select links: shared by the audit listing and bulk revocation. */
export class LinkSelectionDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsAnyUuidLowerCased() camera_uuid?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsAnyUuidLowerCased() user_id?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsAnyUuidLowerCased() integration_id?: string;
}

export class LinksQueryDto extends IntersectionType(PageQueryDto, LinkSelectionDto) {
  @ApiPropertyOptional({ enum: LINK_STATUSES, description: STATUS_DESCRIPTION })
  @IsOptional()
  @IsIn(LINK_STATUSES, { message: `must be one of: ${LINK_STATUSES.join(', ')}` })
  status?: LinkStatus;
  @ApiPropertyOptional({ enum: LINK_SOURCES, description: 'The `source` asked for.' })
  @IsOptional()
  @IsIn(LINK_SOURCES, { message: `must be one of: ${LINK_SOURCES.join(', ')}` })
  source?: string;
  @ApiPropertyOptional({ enum: KINDS })
  @IsOptional()
  @IsIn(KINDS, { message: `must be one of: ${KINDS.join(', ')}` })
  kind?: LinkKind;
  @ApiPropertyOptional({ format: 'date-time', description: 'Issued at or after.' })
  @IsOptional()
  @IsDateTimeWithOffset()
  issued_from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'Issued before.' })
  @IsOptional()
  @IsDateTimeWithOffset()
  issued_to?: string;
  @ApiPropertyOptional({
    description:
      'The start of a link token, as pasted from a URL or a log, e.g. `cll_Ab3dE` (only its first 12 characters, the stored prefix, are compared).',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'must be the start of a token (letters, digits, _ and -)' })
  @MaxLength(200)
  token_prefix?: string;
}

/** The export's filters: the list's, without a page size (it is every match). */
export class LinksExportQueryDto extends OmitType(LinksQueryDto, ['limit'] as const) {}

export class RevokeLinkDto {
  @ApiPropertyOptional({ example: 'customer cancelled', maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(500, { message: 'must not be longer than 500 characters' })
  reason?: string;
}

/** What a bulk revocation selects by, as the listing does: the console's bulk revoke sends the same. */
export class RevokeLinksDto extends IntersectionType(
  LinkSelectionDto,
  PickType(LinksQueryDto, ['source', 'kind', 'token_prefix'] as const),
) {
  @ApiPropertyOptional({ format: 'date-time', description: 'Only links issued at or after this time.' })
  @IsOptional()
  @IsDateTimeWithOffset()
  issued_after?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Only links issued before this time.' })
  @IsOptional()
  @IsDateTimeWithOffset()
  issued_before?: string;

  @ApiPropertyOptional({ example: 'camera decommissioned', maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(500, { message: 'must not be longer than 500 characters' })
  reason?: string;
}

export class RevokedCountDto {
  @ApiProperty({ example: 12, description: 'How many active links were revoked.' }) count: number;
}

class IssuedByDto {
  @ApiProperty({ nullable: true, type: String }) integration_id: string | null;
  @ApiProperty({ nullable: true, type: String }) user_id: string | null;
}

class UsageDto {
  @ApiProperty() use_count: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) first_used_at: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_used_at: string | null;
  @ApiProperty({ nullable: true, type: String }) last_ip: string | null;
  @ApiProperty() denied_count: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) last_denied_at: string | null;
  // OpenAPI 3.0: a nullable enum lists null among its values, or validators refuse null.
  @ApiProperty({
    nullable: true,
    type: String,
    enum: [...DENY_REASONS, null],
    example: 'wrong_resource',
    description: 'The reason for the last refusal.',
  })
  last_denied_reason: string | null;
}

export class LinkDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'cll_Ab3dE5gH',
    description: 'The first characters of the token, for recognising it; never the token.',
  })
  token_prefix: string;
  @ApiProperty({ format: 'uuid' }) camera_uuid: string;
  @ApiProperty({ nullable: true, type: String, description: 'null once the camera is deleted.' }) camera_name:
    string | null;
  @ApiProperty() stream_type: string;
  @ApiProperty() stream_name: string;
  @ApiProperty({ enum: KINDS }) kind: LinkKind;
  @ApiProperty({ enum: ['live', 'archive'] }) mode: 'live' | 'archive';
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) archive_from: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) archive_to: string | null;
  @ApiProperty({ enum: LINK_SOURCES }) source: string;
  @ApiProperty() ttl: number;
  @ApiProperty({ format: 'date-time' }) issued_at: string;
  @ApiProperty({ format: 'date-time' }) expires_at: string;
  @ApiProperty({ enum: LINK_STATUSES, description: STATUS_DESCRIPTION }) status: LinkStatus;
  @ApiProperty({ type: IssuedByDto }) issued_by: IssuedByDto;
  @ApiProperty({ nullable: true, type: String }) client_ip: string | null;
  @ApiProperty({ nullable: true, type: String }) user_agent: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) revoked_at: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The name of the admin, integration or user who revoked it (`revoked_by_type` says which).',
  })
  revoked_by: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: [...REVOKER_TYPES, null],
    description:
      'Who revoked it: an admin, or the integration or user it was issued to (`POST /api/v1/links/revoke`); null while not revoked.',
  })
  revoked_by_type: RevokerType | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The id of the admin who revoked it (null for revocations from before named admins).',
  })
  revoked_by_admin_id: string | null;
  @ApiProperty({ nullable: true, type: String }) revoked_reason: string | null;
  @ApiProperty({ type: UsageDto }) usage: UsageDto;
}

export class LinkPageDto extends PageDto {
  @ApiProperty({ type: [LinkDto] }) data: LinkDto[];
}

export function mapLink(link: IssuedLinkRecord): LinkDto {
  return {
    id: link.id,
    token_prefix: link.tokenPrefix,
    camera_uuid: link.cameraUuid,
    camera_name: link.cameraName,
    stream_type: link.streamType,
    stream_name: link.streamName,
    kind: link.kind,
    mode: link.archiveFrom ? 'archive' : 'live',
    archive_from: isoOrNull(link.archiveFrom),
    archive_to: isoOrNull(link.archiveTo),
    source: link.source,
    ttl: link.ttl,
    issued_at: link.issuedAt.toISOString(),
    expires_at: link.expiresAt.toISOString(),
    status: link.status,
    issued_by: { integration_id: link.integrationId, user_id: link.userId },
    client_ip: link.clientIp,
    user_agent: link.userAgent,
    revoked_at: isoOrNull(link.revokedAt),
    revoked_by: link.revokedBy,
    revoked_by_type: link.revokedByType,
    revoked_by_admin_id: link.revokedByAdminId,
    revoked_reason: link.revokedReason,
    usage: {
      use_count: link.useCount,
      first_used_at: isoOrNull(link.firstUsedAt),
      last_used_at: isoOrNull(link.lastUsedAt),
      last_ip: link.lastIp,
      denied_count: link.deniedCount,
      last_denied_at: isoOrNull(link.lastDeniedAt),
      last_denied_reason: link.lastDeniedReason,
    },
  };
}
