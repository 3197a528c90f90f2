import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageDto, PageQueryDto } from '../../common/pagination.dto';
import { isoOrNull } from '../../common/timestamps';
import { fieldColumns } from '../csv-export';
import { IsAnyUuidLowerCased } from '../../common/validators';
import {
  END_REASONS,
  type EndReason,
  KICK_STATES,
  type KickState,
  MEDIA_SERVER_KINDS,
  type MediaServerKind,
} from '../../sessions/viewing-session';
import type { ViewingSessionRecord } from '../../sessions/viewing-sessions.repository';
import { LinkSelectionDto } from '../links/links.dto';

const END_REASON_DESCRIPTION =
  'Why it ended: its link was `revoked` or `expired`, its camera blocked (`camera_blocked`), its grant (`grant_gone`) or issuing token or integration (`issuer_revoked`) gone, an admin ended it (`ended_by_admin`), or it went unseen (`idle`: no request for 60 s where the media server names no session, no re-check within 60 s plus two X-AuthDuration for Flussonic, LINK_TTL_MAX for MediaMTX, which asks once per session).';

export class SessionsQueryDto extends IntersectionType(PageQueryDto, LinkSelectionDto) {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      '`true`: only sessions that have not ended (who is watching now); `false`: only ended ones. Left out: both.',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({ format: 'uuid', description: 'The media server that asked.' })
  @IsOptional()
  @IsAnyUuidLowerCased()
  media_server_id?: string;
}

export class LinkSessionsQueryDto extends PageQueryDto {}

export class EndSessionDto {
  @ApiPropertyOptional({
    example: 'shared the link on a public forum',
    maxLength: 500,
    description: 'Kept in the audit trail.',
  })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @MaxLength(500, { message: 'must not be longer than 500 characters' })
  reason?: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The link it watches through.' }) link_id: string;
  @ApiProperty({ format: 'uuid', description: "The link's camera." }) camera_uuid: string;
  @ApiProperty({ nullable: true, type: String, description: 'The user the link was issued to.' }) user_id:
    string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The integration that issued the link.' }) integration_id:
    string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null once the media server is deleted.' })
  media_server_id: string | null;
  @ApiProperty({
    enum: MEDIA_SERVER_KINDS,
    description: 'How the media server asks camlinks (its media-auth endpoint).',
  })
  media_server_kind: MediaServerKind;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      "The media server's own id of the session (MediaMTX `id`, Flussonic `session_id`); null where it names none (nginx).",
  })
  media_server_session_id: string | null;
  @ApiProperty({
    example: 'rtsp',
    description: 'As the media server reports it (`other` when it was not a protocol name); `hls` or `http` for nginx.',
  })
  protocol: string;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The viewer's address, when the media server reported an IP address.",
  })
  viewer_ip: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'At most 256 characters.' }) user_agent: string | null;
  @ApiProperty({ format: 'date-time' }) started_at: string;
  @ApiProperty({
    format: 'date-time',
    description: 'The last allowed request (or re-check) seen, up to a usage flush late.',
  })
  last_seen_at: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'null while it is open.' }) ended_at:
    string | null;
  // null among the values: an OpenAPI 3.0 enum is checked before `nullable` is.
  @ApiProperty({ nullable: true, enum: [...END_REASONS, null], type: String, description: END_REASON_DESCRIPTION })
  end_reason: EndReason | null;
  @ApiProperty({
    nullable: true,
    enum: [...KICK_STATES, null],
    type: String,
    description:
      'Ending it on its media server (MediaMTX): `pending`, `done`, `gone` (already closed there) or `failed`; null when there is nothing to kick.',
  })
  kick_state: KickState | null;
  @ApiProperty() kick_attempts: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) kicked_at: string | null;
  @ApiProperty({ nullable: true, type: String }) kick_error: string | null;
}

export class SessionPageDto extends PageDto {
  @ApiProperty({ type: [SessionDto] }) data: SessionDto[];
}

export function mapSession(session: ViewingSessionRecord): SessionDto {
  return {
    id: session.id,
    link_id: session.linkId,
    camera_uuid: session.cameraUuid,
    user_id: session.userId,
    integration_id: session.integrationId,
    media_server_id: session.mediaServerId,
    media_server_kind: session.mediaServerKind,
    media_server_session_id: session.mediaServerSessionId,
    protocol: session.protocol,
    viewer_ip: session.viewerIp,
    user_agent: session.userAgent,
    started_at: session.startedAt.toISOString(),
    last_seen_at: session.lastSeenAt.toISOString(),
    ended_at: isoOrNull(session.endedAt),
    end_reason: session.endReason,
    kick_state: session.kickState,
    kick_attempts: session.kickAttempts,
    kicked_at: isoOrNull(session.kickedAt),
    kick_error: session.kickError,
  };
}

/** The CSV export: the JSON listing's fields, in its order (SessionDto is flat). */
export const SESSION_CSV_COLUMNS = fieldColumns<SessionDto, keyof SessionDto>([
  'id',
  'link_id',
  'camera_uuid',
  'user_id',
  'integration_id',
  'media_server_id',
  'media_server_kind',
  'media_server_session_id',
  'protocol',
  'viewer_ip',
  'user_agent',
  'started_at',
  'last_seen_at',
  'ended_at',
  'end_reason',
  'kick_state',
  'kick_attempts',
  'kicked_at',
  'kick_error',
]);
