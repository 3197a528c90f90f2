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
    get LINK_CSV_COLUMNS () {
        return LINK_CSV_COLUMNS;
    },
    get LINK_SOURCES () {
        return LINK_SOURCES;
    },
    get LinkDto () {
        return LinkDto;
    },
    get LinkPageDto () {
        return LinkPageDto;
    },
    get LinkSelectionDto () {
        return LinkSelectionDto;
    },
    get LinksExportQueryDto () {
        return LinksExportQueryDto;
    },
    get LinksQueryDto () {
        return LinksQueryDto;
    },
    get RevokeLinkDto () {
        return RevokeLinkDto;
    },
    get RevokeLinksDto () {
        return RevokeLinksDto;
    },
    get RevokedCountDto () {
        return RevokedCountDto;
    },
    get flattenLink () {
        return flattenLink;
    },
    get mapLink () {
        return mapLink;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _paginationdto = require("../../common/pagination.dto");
const _validators = require("../../common/validators");
const _issuedlinksrepository = require("../../links/issued-links.repository");
const _linkkind = require("../../links/link-kind");
const _linkstatus = require("../../links/link-status");
const _archivedto = require("../../cameras/archive.dto");
const _previewdto = require("../../cameras/preview.dto");
const _videodto = require("../../cameras/video.dto");
const _linkdecision = require("../../verification/link-decision");
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
const STATUS_DESCRIPTION = '`active`: opens what it was issued for. `suspended`: refused while its camera is blocked (opens again only if the camera is unblocked with `restore_links`) ' + 'or while its camera no longer has the stream it names (opens again if the stream is added back). ' + '`expired`: past its own expiry, or its grant or issuing token expired. `revoked`: revoked (`revoked_*` say when, by whom and why: by an admin, or ' + 'because its camera, grant, user, integration or token was deleted or revoked, or its camera unblocked without restoring links), or what it was issued ' + 'under is gone without a recorded revocation. Expired and revoked links never open again.';
const KINDS = _linkkind.LINK_KINDS;
const LINK_SOURCES = [
    ...new Set([
        ..._previewdto.PREVIEW_SOURCES,
        ..._videodto.VIDEO_SOURCES,
        ..._archivedto.ARCHIVE_SOURCES
    ])
];
let LinkSelectionDto = class LinkSelectionDto {
    camera_uuid;
    user_id;
    integration_id;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsAnyUuidLowerCased)(),
    _ts_metadata("design:type", String)
], LinkSelectionDto.prototype, "camera_uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsAnyUuidLowerCased)(),
    _ts_metadata("design:type", String)
], LinkSelectionDto.prototype, "user_id", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsAnyUuidLowerCased)(),
    _ts_metadata("design:type", String)
], LinkSelectionDto.prototype, "integration_id", void 0);
let LinksQueryDto = class LinksQueryDto extends (0, _swagger.IntersectionType)(_paginationdto.PageQueryDto, LinkSelectionDto) {
    status;
    source;
    kind;
    issued_from;
    issued_to;
    token_prefix;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: _linkstatus.LINK_STATUSES,
        description: STATUS_DESCRIPTION
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_linkstatus.LINK_STATUSES, {
        message: `must be one of: ${_linkstatus.LINK_STATUSES.join(', ')}`
    }),
    _ts_metadata("design:type", typeof LinkStatus === "undefined" ? Object : LinkStatus)
], LinksQueryDto.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: LINK_SOURCES,
        description: 'The `source` asked for.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(LINK_SOURCES, {
        message: `must be one of: ${LINK_SOURCES.join(', ')}`
    }),
    _ts_metadata("design:type", String)
], LinksQueryDto.prototype, "source", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: KINDS
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(KINDS, {
        message: `must be one of: ${KINDS.join(', ')}`
    }),
    _ts_metadata("design:type", typeof LinkKind === "undefined" ? Object : LinkKind)
], LinksQueryDto.prototype, "kind", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        description: 'Issued at or after.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], LinksQueryDto.prototype, "issued_from", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        description: 'Issued before.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], LinksQueryDto.prototype, "issued_to", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'The start of a link token, as pasted from a URL or a log, e.g. `cll_Ab3dE` (only its first 12 characters, the stored prefix, are compared).'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.Matches)(/^[A-Za-z0-9_-]+$/, {
        message: 'must be the start of a token (letters, digits, _ and -)'
    }),
    (0, _classvalidator.MaxLength)(200),
    _ts_metadata("design:type", String)
], LinksQueryDto.prototype, "token_prefix", void 0);
let LinksExportQueryDto = class LinksExportQueryDto extends (0, _swagger.OmitType)(LinksQueryDto, [
    'limit'
]) {
};
let RevokeLinkDto = class RevokeLinkDto {
    reason;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        example: 'customer cancelled',
        maxLength: 500
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.MaxLength)(500, {
        message: 'must not be longer than 500 characters'
    }),
    _ts_metadata("design:type", String)
], RevokeLinkDto.prototype, "reason", void 0);
let RevokeLinksDto = class RevokeLinksDto extends LinkSelectionDto {
    issued_after;
    issued_before;
    reason;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        description: 'Only links issued at or after this time.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], RevokeLinksDto.prototype, "issued_after", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        description: 'Only links issued before this time.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], RevokeLinksDto.prototype, "issued_before", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        example: 'camera decommissioned',
        maxLength: 500
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.MaxLength)(500, {
        message: 'must not be longer than 500 characters'
    }),
    _ts_metadata("design:type", String)
], RevokeLinksDto.prototype, "reason", void 0);
let RevokedCountDto = class RevokedCountDto {
    count;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 12,
        description: 'How many active links were revoked.'
    }),
    _ts_metadata("design:type", Number)
], RevokedCountDto.prototype, "count", void 0);
let IssuedByDto = class IssuedByDto {
    integration_id;
    user_id;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], IssuedByDto.prototype, "integration_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], IssuedByDto.prototype, "user_id", void 0);
let UsageDto = class UsageDto {
    use_count;
    first_used_at;
    last_used_at;
    last_ip;
    denied_count;
    last_denied_at;
    // OpenAPI 3.0: a nullable enum lists null among its values, or validators refuse null.
    last_denied_reason;
};
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", Number)
], UsageDto.prototype, "use_count", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'date-time'
    }),
    _ts_metadata("design:type", Object)
], UsageDto.prototype, "first_used_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'date-time'
    }),
    _ts_metadata("design:type", Object)
], UsageDto.prototype, "last_used_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], UsageDto.prototype, "last_ip", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", Number)
], UsageDto.prototype, "denied_count", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'date-time'
    }),
    _ts_metadata("design:type", Object)
], UsageDto.prototype, "last_denied_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        enum: [
            ..._linkdecision.DENY_REASONS,
            null
        ],
        example: 'wrong_resource',
        description: 'The reason for the last refusal.'
    }),
    _ts_metadata("design:type", Object)
], UsageDto.prototype, "last_denied_reason", void 0);
let LinkDto = class LinkDto {
    id;
    token_prefix;
    camera_uuid;
    camera_name;
    stream_type;
    stream_name;
    kind;
    mode;
    archive_from;
    archive_to;
    source;
    ttl;
    issued_at;
    expires_at;
    status;
    issued_by;
    client_ip;
    user_agent;
    revoked_at;
    revoked_by;
    revoked_by_type;
    revoked_by_admin_id;
    revoked_reason;
    usage;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'cll_Ab3dE5gH',
        description: 'The first characters of the token, for recognising it; never the token.'
    }),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "token_prefix", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "camera_uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: 'null once the camera is deleted.'
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "camera_name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "stream_type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "stream_name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: KINDS
    }),
    _ts_metadata("design:type", typeof LinkKind === "undefined" ? Object : LinkKind)
], LinkDto.prototype, "kind", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'live',
            'archive'
        ]
    }),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "mode", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'date-time'
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "archive_from", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'date-time'
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "archive_to", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: LINK_SOURCES
    }),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "source", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", Number)
], LinkDto.prototype, "ttl", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "issued_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], LinkDto.prototype, "expires_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _linkstatus.LINK_STATUSES,
        description: STATUS_DESCRIPTION
    }),
    _ts_metadata("design:type", typeof LinkStatus === "undefined" ? Object : LinkStatus)
], LinkDto.prototype, "status", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: IssuedByDto
    }),
    _ts_metadata("design:type", typeof IssuedByDto === "undefined" ? Object : IssuedByDto)
], LinkDto.prototype, "issued_by", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "client_ip", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "user_agent", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'date-time'
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "revoked_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: 'The name of the admin, integration or user who revoked it (`revoked_by_type` says which).'
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "revoked_by", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        enum: [
            ..._issuedlinksrepository.REVOKER_TYPES,
            null
        ],
        description: 'Who revoked it: an admin, or the integration or user it was issued to (`POST /api/v1/links/revoke`); null while not revoked.'
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "revoked_by_type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'uuid',
        description: 'The id of the admin who revoked it (null for revocations from before named admins).'
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "revoked_by_admin_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], LinkDto.prototype, "revoked_reason", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: UsageDto
    }),
    _ts_metadata("design:type", typeof UsageDto === "undefined" ? Object : UsageDto)
], LinkDto.prototype, "usage", void 0);
let LinkPageDto = class LinkPageDto {
    data;
    next_cursor;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            LinkDto
        ]
    }),
    _ts_metadata("design:type", Array)
], LinkPageDto.prototype, "data", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: 'Pass as `cursor` for the next page; null on the last page.'
    }),
    _ts_metadata("design:type", Object)
], LinkPageDto.prototype, "next_cursor", void 0);
const iso = (date)=>date?.toISOString() ?? null;
function mapLink(link) {
    return {
        id: link.id,
        token_prefix: link.tokenPrefix,
        camera_uuid: link.cameraUuid,
        camera_name: link.cameraName,
        stream_type: link.streamType,
        stream_name: link.streamName,
        kind: link.kind,
        mode: link.archiveFrom ? 'archive' : 'live',
        archive_from: iso(link.archiveFrom),
        archive_to: iso(link.archiveTo),
        source: link.source,
        ttl: link.ttl,
        issued_at: link.issuedAt.toISOString(),
        expires_at: link.expiresAt.toISOString(),
        status: link.status,
        issued_by: {
            integration_id: link.integrationId,
            user_id: link.userId
        },
        client_ip: link.clientIp,
        user_agent: link.userAgent,
        revoked_at: iso(link.revokedAt),
        revoked_by: link.revokedBy,
        revoked_by_type: link.revokedByType,
        revoked_by_admin_id: link.revokedByAdminId,
        revoked_reason: link.revokedReason,
        usage: {
            use_count: link.useCount,
            first_used_at: iso(link.firstUsedAt),
            last_used_at: iso(link.lastUsedAt),
            last_ip: link.lastIp,
            denied_count: link.deniedCount,
            last_denied_at: iso(link.lastDeniedAt),
            last_denied_reason: link.lastDeniedReason
        }
    };
}
const LINK_CSV_COLUMNS = [
    'id',
    'token_prefix',
    'camera_uuid',
    'camera_name',
    'stream_type',
    'stream_name',
    'kind',
    'mode',
    'archive_from',
    'archive_to',
    'source',
    'ttl',
    'issued_at',
    'expires_at',
    'status',
    'issued_by_integration_id',
    'issued_by_user_id',
    'client_ip',
    'user_agent',
    'revoked_at',
    'revoked_by',
    'revoked_by_type',
    'revoked_by_admin_id',
    'revoked_reason',
    'use_count',
    'first_used_at',
    'last_used_at',
    'last_ip',
    'denied_count',
    'last_denied_at',
    'last_denied_reason'
];
function flattenLink(link) {
    const { issued_by, usage, ...rest } = link;
    return {
        ...rest,
        issued_by_integration_id: issued_by.integration_id,
        issued_by_user_id: issued_by.user_id,
        ...usage
    };
}

//# sourceMappingURL=links.dto.js.map
