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
    get AuditEventDto () {
        return AuditEventDto;
    },
    get AuditEventPageDto () {
        return AuditEventPageDto;
    },
    get AuditEventsQueryDto () {
        return AuditEventsQueryDto;
    },
    get mapAuditEvent () {
        return mapAuditEvent;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _paginationdto = require("../../common/pagination.dto");
const _validators = require("../../common/validators");
const _auditeventsrepository = require("../../audit/audit-events.repository");
const _jsonvalue = require("../../openapi/json-value");
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
let AuditEventsQueryDto = class AuditEventsQueryDto extends _paginationdto.PageQueryDto {
    actor_type;
    actor;
    actor_id;
    action;
    object_type;
    object_id;
    outcome;
    from;
    to;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: _auditeventsrepository.AUDIT_ACTOR_TYPES,
        description: 'Who acted: an admin, an integration or user (revoking its own links), or a refused credential.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(_auditeventsrepository.AUDIT_ACTOR_TYPES, {
        message: `must be one of: ${_auditeventsrepository.AUDIT_ACTOR_TYPES.join(', ')}`
    }),
    _ts_metadata("design:type", typeof AuditActorType === "undefined" ? Object : AuditActorType)
], AuditEventsQueryDto.prototype, "actor_type", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'The name of the admin, integration or user who acted, e.g. `bootstrap` (events from before named admins: `admin-token:1a2b3c4d`).'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(200),
    _ts_metadata("design:type", String)
], AuditEventsQueryDto.prototype, "actor", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid',
        description: 'The id of the admin, integration or user who acted.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsAnyUuidLowerCased)(),
    _ts_metadata("design:type", String)
], AuditEventsQueryDto.prototype, "actor_id", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'What was done: the method and route, e.g. `POST /api/v1/admin/links/:id/revoke`.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(200),
    _ts_metadata("design:type", String)
], AuditEventsQueryDto.prototype, "action", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'The resource acted on, e.g. `links`.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(100),
    _ts_metadata("design:type", String)
], AuditEventsQueryDto.prototype, "object_type", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)(),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)(),
    (0, _classvalidator.MaxLength)(200),
    _ts_metadata("design:type", String)
], AuditEventsQueryDto.prototype, "object_id", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: [
            'success',
            'failure'
        ]
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)([
        'success',
        'failure'
    ], {
        message: 'must be success or failure'
    }),
    _ts_metadata("design:type", String)
], AuditEventsQueryDto.prototype, "outcome", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        description: 'Events at or after this time.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], AuditEventsQueryDto.prototype, "from", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        description: 'Events before this time.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], AuditEventsQueryDto.prototype, "to", void 0);
let AuditEventDto = class AuditEventDto {
    id;
    occurred_at;
    actor_type;
    actor;
    actor_id;
    action;
    object_type;
    object_id;
    outcome;
    status_code;
    request_id;
    client_ip;
    details;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], AuditEventDto.prototype, "id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], AuditEventDto.prototype, "occurred_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: _auditeventsrepository.AUDIT_ACTOR_TYPES,
        description: 'Who acted: an admin, an integration or user (revoking its own links), or a refused credential.'
    }),
    _ts_metadata("design:type", typeof AuditActorType === "undefined" ? Object : AuditActorType)
], AuditEventDto.prototype, "actor_type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'bootstrap',
        description: "The name of the admin, integration or user who acted (admin events from before named admins: the credential's fingerprint)."
    }),
    _ts_metadata("design:type", String)
], AuditEventDto.prototype, "actor", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        format: 'uuid',
        description: 'The id of the admin, integration or user who acted; null for refused credentials and events from before named admins.'
    }),
    _ts_metadata("design:type", Object)
], AuditEventDto.prototype, "actor_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'POST /api/v1/admin/cameras'
    }),
    _ts_metadata("design:type", String)
], AuditEventDto.prototype, "action", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'cameras'
    }),
    _ts_metadata("design:type", String)
], AuditEventDto.prototype, "object_type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], AuditEventDto.prototype, "object_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        enum: [
            'success',
            'failure'
        ]
    }),
    _ts_metadata("design:type", String)
], AuditEventDto.prototype, "outcome", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 201
    }),
    _ts_metadata("design:type", Number)
], AuditEventDto.prototype, "status_code", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], AuditEventDto.prototype, "request_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String
    }),
    _ts_metadata("design:type", Object)
], AuditEventDto.prototype, "client_ip", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: 'object',
        additionalProperties: {
            $ref: _jsonvalue.JSON_VALUE_REF
        },
        description: 'Route parameters and the request body, secrets redacted; for a revocation by an integration or user, the ids of the links it revoked.'
    }),
    _ts_metadata("design:type", Object)
], AuditEventDto.prototype, "details", void 0);
let AuditEventPageDto = class AuditEventPageDto {
    data;
    next_cursor;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            AuditEventDto
        ]
    }),
    _ts_metadata("design:type", Array)
], AuditEventPageDto.prototype, "data", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        nullable: true,
        type: String,
        description: 'Pass as `cursor` for the next page; null on the last page.'
    }),
    _ts_metadata("design:type", Object)
], AuditEventPageDto.prototype, "next_cursor", void 0);
function mapAuditEvent(row) {
    return {
        id: row.id,
        occurred_at: row.occurredAt.toISOString(),
        actor_type: row.actorType,
        actor: row.actor,
        actor_id: row.actorId,
        action: row.action,
        object_type: row.objectType,
        object_id: row.objectId,
        outcome: row.outcome,
        status_code: row.statusCode,
        request_id: row.requestId,
        client_ip: row.clientIp,
        details: row.details
    };
}

//# sourceMappingURL=audit-events.dto.js.map
