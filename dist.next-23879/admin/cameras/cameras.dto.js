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
    get CameraDto () {
        return CameraDto;
    },
    get CameraStreamDto () {
        return CameraStreamDto;
    },
    get CreateCameraDto () {
        return CreateCameraDto;
    },
    get ListCamerasQueryDto () {
        return ListCamerasQueryDto;
    },
    get UpdateCameraDto () {
        return UpdateCameraDto;
    },
    get mapCamera () {
        return mapCamera;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _cameralinksservice = require("../../cameras/camera-links.service");
const _validators = require("../../common/validators");
const _streamnames = require("../../links/stream-names");
const _chosenid = require("../../common/chosen-id");
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
const MAX_RETENTION_DAYS = 3650;
let CameraStreamDto = class CameraStreamDto {
    type;
    name;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'high',
        maxLength: 64,
        description: `The stream type clients ask for. Not \`${_cameralinksservice.DEFAULT_STREAM_TYPE}\`: the preview API reads that as "the default stream".`
    }),
    (0, _validators.IsShortString)(64),
    (0, _classvalidator.NotEquals)(_cameralinksservice.DEFAULT_STREAM_TYPE, {
        message: `must not be "${_cameralinksservice.DEFAULT_STREAM_TYPE}", which the preview API reads as the default stream`
    }),
    _ts_metadata("design:type", String)
], CameraStreamDto.prototype, "type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'gate-hd',
        maxLength: 255,
        description: "The stream's name on the media server ({stream} in its URL templates): path segments joined by `/`, none empty, `.` or `..`, " + 'without `?`, `#`, `\\`, `%` or control characters, and no segment a media server reads as a track folder (`tracks-…`) or as date folders (`YYYY/MM/DD/HH/MM`).'
    }),
    (0, _validators.IsShortString)(255),
    (0, _classvalidator.ValidateBy)({
        name: 'streamName',
        validator: {
            validate: (value)=>typeof value !== 'string' || (0, _streamnames.streamNameProblem)(value) === undefined,
            defaultMessage: (args)=>(0, _streamnames.streamNameProblem)(String(args?.value)) ?? 'is not a valid stream name'
        }
    }),
    _ts_metadata("design:type", String)
], CameraStreamDto.prototype, "name", void 0);
let CreateCameraDto = class CreateCameraDto {
    uuid;
    name;
    media_server_id;
    streams;
    default_stream_type;
    archive_retention_days;
    blocked;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid',
        description: "The VMS's id for the camera. Omitted: generated."
    }),
    (0, _validators.OptionalNotNull)(),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], CreateCameraDto.prototype, "uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'Gate',
        maxLength: 100
    }),
    (0, _validators.IsName)(100),
    _ts_metadata("design:type", String)
], CreateCameraDto.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: "The media server that serves the camera's video. Changing it revokes the camera's active links (their URLs name the old server).",
        example: _chosenid.EXAMPLE_IDS.mediaServer
    }),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], CreateCameraDto.prototype, "media_server_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            CameraStreamDto
        ],
        minItems: 1,
        description: 'At least one; types unique.'
    }),
    (0, _classvalidator.ArrayMinSize)(1, {
        message: 'must contain at least 1 stream'
    }),
    (0, _classvalidator.ArrayUnique)((stream)=>stream?.type, {
        message: 'must not contain two streams of the same type'
    }),
    (0, _validators.ArrayOf)(()=>CameraStreamDto),
    _ts_metadata("design:type", Array)
], CreateCameraDto.prototype, "streams", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'high',
        description: "The stream used when a client asks for none (or for `camera`); one of the streams' types."
    }),
    (0, _validators.IsShortString)(64),
    _ts_metadata("design:type", String)
], CreateCameraDto.prototype, "default_stream_type", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        type: 'integer',
        minimum: 0,
        maximum: MAX_RETENTION_DAYS,
        description: 'How many days of archive the media server keeps; 0 (the default): no archive.'
    }),
    (0, _validators.OptionalNotNull)(),
    (0, _classvalidator.IsInt)({
        message: 'must be a whole number of days'
    }),
    (0, _classvalidator.Min)(0, {
        message: 'must be at least 0'
    }),
    (0, _classvalidator.Max)(MAX_RETENTION_DAYS, {
        message: `must not be greater than ${MAX_RETENTION_DAYS}`
    }),
    _ts_metadata("design:type", Number)
], CreateCameraDto.prototype, "archive_retention_days", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'A blocked camera gets no links, and its links are refused. Default: false.'
    }),
    (0, _validators.OptionalNotNull)(),
    (0, _classvalidator.IsBoolean)({
        message: 'must be true or false'
    }),
    _ts_metadata("design:type", Boolean)
], CreateCameraDto.prototype, "blocked", void 0);
let UpdateCameraDto = class UpdateCameraDto extends (0, _swagger.PartialType)((0, _swagger.OmitType)(CreateCameraDto, [
    'uuid'
]), {
    skipNullProperties: false
}) {
    restore_links;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: 'Only with `blocked: false`. Unblocking a camera does not bring back the links issued before it was blocked: they are revoked (reason `camera blocked`). `true` restores them instead: they open again until they expire. Default: false.'
    }),
    (0, _validators.OptionalNotNull)(),
    (0, _classvalidator.IsBoolean)({
        message: 'must be true or false'
    }),
    _ts_metadata("design:type", Boolean)
], UpdateCameraDto.prototype, "restore_links", void 0);
let ListCamerasQueryDto = class ListCamerasQueryDto {
    media_server_id;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'uuid',
        description: 'Only the cameras of this media server.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsAnyUuid)(),
    _ts_metadata("design:type", String)
], ListCamerasQueryDto.prototype, "media_server_id", void 0);
let CameraDto = class CameraDto {
    uuid;
    name;
    media_server_id;
    streams;
    default_stream_type;
    archive_retention_days;
    blocked;
    created_at;
    updated_at;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], CameraDto.prototype, "uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], CameraDto.prototype, "name", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], CameraDto.prototype, "media_server_id", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            CameraStreamDto
        ],
        description: 'Ordered by type.'
    }),
    _ts_metadata("design:type", Array)
], CameraDto.prototype, "streams", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", String)
], CameraDto.prototype, "default_stream_type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: 'integer'
    }),
    _ts_metadata("design:type", Number)
], CameraDto.prototype, "archive_retention_days", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)(),
    _ts_metadata("design:type", Boolean)
], CameraDto.prototype, "blocked", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], CameraDto.prototype, "created_at", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time'
    }),
    _ts_metadata("design:type", String)
], CameraDto.prototype, "updated_at", void 0);
function mapCamera(row) {
    return {
        uuid: row.uuid,
        name: row.name,
        media_server_id: row.mediaServerId,
        streams: row.streams.map(({ type, name })=>({
                type,
                name
            })),
        default_stream_type: row.defaultStreamType,
        archive_retention_days: row.archiveRetentionDays,
        blocked: row.blocked,
        created_at: row.createdAt.toISOString(),
        updated_at: row.updatedAt.toISOString()
    };
}

//# sourceMappingURL=cameras.dto.js.map
