"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get EndSessionDto () {
        return EndSessionDto;
    },
    get LinkSessionsQueryDto () {
        return LinkSessionsQueryDto;
    },
    get SESSION_CSV_COLUMNS () {
        return SESSION_CSV_COLUMNS;
    },
    get SessionDto () {
        return SessionDto;
    },
    get SessionPageDto () {
        return SessionPageDto;
    },
    get SessionsQueryDto () {
        return SessionsQueryDto;
    },
    get mapSession () {
        return mapSession;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _paginationdto = require("../../common/pagination.dto");
const _validators = require("../../common/validators");
const _viewingsession = require("../../sessions/viewing-session");
const _linksdto = require("../links/links.dto");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
const END_REASON_DESCRIPTION = 'Why it ended: its link was `revoked` or `expired`, its camera blocked (`camera_blocked`), its grant (`grant_gone`) or issuing token or integration (`issuer_revoked`) gone, an admin ended it (`ended_by_admin`), or it went unseen (`idle`: no request for 60 s where the media server names no session, no re-check within 60 s plus two X-AuthDuration for Flussonic, LINK_TTL_MAX for MediaMTX, which asks once per session).';
let SessionsQueryDto = class SessionsQueryDto extends (0, _swagger.IntersectionType)(_paginationdto.PageQueryDto, _linksdto.LinkSelectionDto) {
    active;
    media_server_id;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: [
            'true',
            'false'
        ],
        description: '`true`: only sessions that have not ended (who is watching now); `false`: only ended ones. Left out: both.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)([
        'true',
        'false'
    ], {
        message: 'must be true or false'
    }),
    _ts_metadata("design:type", String)
], SessionsQueryDto.prototype, "active", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid',
        description: 'The media server that asked.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsAnyUuidLowerCased)(),
    _ts_metadata("design:type", String)
], SessionsQueryDto.prototype, "media_server_id", void 0);
let LinkSessionsQueryDto = class LinkSessionsQueryDto extends _paginationdto.PageQueryDto {
};
let EndSessionDto = class EndSessionDto {
    reason;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        example: 'shared the link on a public forum',
        maxLength: 500,
        description: 'Kept in the audit trail.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.MaxLength)(500, {
        message: 'must not be longer than 500 characters'
    }),
    _ts_metadata("design:type", String)
], EndSessionDto.prototype, "reason", void 0);
let SessionDto = class SessionDto {
    id;
    link_id;
    camera_uuid;
    user_id;
    integration_id;
    media_server_id;
    media_server_kind;
    media_server_session_id;
    protocol;
    viewer_ip;
    user_agent;
    started_at;
    last_seen_at;
    ended_at;
    // null among the values: an OpenAPI 3.0 enum is checked before `nullable` is.
    end_reason;
    kick_state;
    kick_attempts;
    kicked_at;
    kick_error;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], SessionDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: 'The link it watches through.'
    }),
    _ts_metadata("design:type", String)
], SessionDto.prototype, "link_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: "The link's camera."
    }),
    _ts_metadata("design:type", String)
], SessionDto.prototype, "camera_uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: 'The user the link was issued to.'
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "user_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: 'The integration that issued the link.'
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "integration_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'uuid',
        description: 'null once the media server is deleted.'
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "media_server_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _viewingsession.MEDIA_SERVER_KINDS,
        description: 'How the media server asks camlinks (its media-auth endpoint).'
    }),
    _ts_metadata("design:type", typeof MediaServerKind === "undefined" ? Object : MediaServerKind)
], SessionDto.prototype, "media_server_kind", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: "The media server's own id of the session (MediaMTX `id`, Flussonic `session_id`); null where it names none (nginx)."
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "media_server_session_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'rtsp',
        description: 'As the media server reports it (`other` when it was not a protocol name); `hls` or `http` for nginx.'
    }),
    _ts_metadata("design:type", String)
], SessionDto.prototype, "protocol", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: "The viewer's address, when the media server reported an IP address."
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "viewer_ip", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: 'At most 256 characters.'
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "user_agent", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], SessionDto.prototype, "started_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        description: 'The last allowed request (or re-check) seen, up to a usage flush late.'
    }),
    _ts_metadata("design:type", String)
], SessionDto.prototype, "last_seen_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'date-time',
        description: 'null while it is open.'
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "ended_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        enum: [
            ..._viewingsession.END_REASONS,
            null
        ],
        type: String,
        description: END_REASON_DESCRIPTION
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "end_reason", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        enum: [
            ..._viewingsession.KICK_STATES,
            null
        ],
        type: String,
        description: 'Ending it on its media server (MediaMTX): `pending`, `done`, `gone` (already closed there) or `failed`; null when there is nothing to kick.'
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "kick_state", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", Number)
], SessionDto.prototype, "kick_attempts", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'date-time'
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "kicked_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], SessionDto.prototype, "kick_error", void 0);
let SessionPageDto = class SessionPageDto {
    data;
    next_cursor;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            SessionDto
        ]
    }),
    _ts_metadata("design:type", Array)
], SessionPageDto.prototype, "data", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: 'Pass as `cursor` for the next page; null on the last page.'
    }),
    _ts_metadata("design:type", Object)
], SessionPageDto.prototype, "next_cursor", void 0);
const iso = (date)=>date?.toISOString() ?? null;
function mapSession(session) {
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
        ended_at: iso(session.endedAt),
        end_reason: session.endReason,
        kick_state: session.kickState,
        kick_attempts: session.kickAttempts,
        kicked_at: iso(session.kickedAt),
        kick_error: session.kickError
    };
}
const SESSION_CSV_COLUMNS = [
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
    'kick_error'
];

//# sourceMappingURL=sessions.dto.js.map
