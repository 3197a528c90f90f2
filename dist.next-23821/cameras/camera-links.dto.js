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
    get CAMERAS_DESCRIPTION () {
        return CAMERAS_DESCRIPTION;
    },
    get CameraItemDto () {
        return CameraItemDto;
    },
    get CameraLinkDto () {
        return CameraLinkDto;
    },
    get LinkTtlDto () {
        return LinkTtlDto;
    },
    get mapCameraLink () {
        return mapCameraLink;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _chosenid = require("../common/chosen-id");
const _timestamps = require("../common/timestamps");
const _validators = require("../common/validators");
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
let CameraItemDto = class CameraItemDto {
    uuid;
    stream_type;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: 'The camera to link to.',
        example: _chosenid.EXAMPLE_CAMERA
    }),
    (0, _classvalidator.IsUUID)('all', {
        message: 'must be a valid UUID'
    }),
    _ts_metadata("design:type", String)
], CameraItemDto.prototype, "uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: "Stream type, e.g. `high` or `low`. Omitted or `camera`: the camera's default stream.",
        example: 'high',
        maxLength: 64
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsString)({
        message: 'must be a string'
    }),
    (0, _classvalidator.IsNotEmpty)({
        message: 'must not be empty'
    }),
    (0, _classvalidator.MaxLength)(64, {
        message: 'must not be longer than 64 characters'
    }),
    _ts_metadata("design:type", String)
], CameraItemDto.prototype, "stream_type", void 0);
let LinkTtlDto = class LinkTtlDto {
    ttl;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        oneOf: [
            {
                type: 'integer',
                minimum: 1
            },
            {
                type: 'string',
                pattern: '^[0-9]+$'
            }
        ],
        description: 'Link lifetime in seconds, as a number or a numeric string. Omitted: LINK_TTL_DEFAULT; at most LINK_TTL_MAX (86400 by default).',
        example: '100'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.NumericString)(),
    (0, _classvalidator.IsInt)({
        message: 'must be a whole number of seconds'
    }),
    (0, _classvalidator.Min)(1, {
        message: 'must be at least 1'
    }),
    _ts_metadata("design:type", Number)
], LinkTtlDto.prototype, "ttl", void 0);
const CAMERAS_DESCRIPTION = 'Cameras to link to (at most MAX_CAMERAS_PER_REQUEST, 30 by default). Links come back in this order; cameras the caller cannot see are left out.';
let CameraLinkDto = class CameraLinkDto {
    uuid;
    stream_type;
    url;
    expired_at;
    move_to;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid',
        description: 'The camera this link is for.'
    }),
    _ts_metadata("design:type", String)
], CameraLinkDto.prototype, "uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'high',
        description: 'The stream type the link serves.'
    }),
    _ts_metadata("design:type", String)
], CameraLinkDto.prototype, "stream_type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uri',
        example: 'http://127.0.0.1:8080/gate-hd/preview.mp4?token=cll_Ab3dE5gHk2Lm9Np4Qr7St1Uv6Wx8Yz0Ab3dE5gH',
        description: 'The link; its `token` query parameter (or the whole URL) names it to `POST /api/v1/links/revoke`.'
    }),
    _ts_metadata("design:type", String)
], CameraLinkDto.prototype, "url", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        example: '2000-01-01T00:00:00.000000Z',
        description: 'When the link token expires (UTC, six fractional digits).'
    }),
    _ts_metadata("design:type", String)
], CameraLinkDto.prototype, "expired_at", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        example: '2000-01-01T00:00:00.000000Z',
        description: 'Present when the requested archive time preceded the available archive: where playback was moved to.'
    }),
    _ts_metadata("design:type", String)
], CameraLinkDto.prototype, "move_to", void 0);
function mapCameraLink({ link, movedTo }) {
    return {
        uuid: link.request.cameraUuid,
        stream_type: link.request.streamType,
        url: link.url,
        expired_at: (0, _timestamps.formatTimestamp)(link.expiresAt),
        ...movedTo && {
            move_to: (0, _timestamps.formatTimestamp)(movedTo)
        }
    };
}

//# sourceMappingURL=camera-links.dto.js.map
