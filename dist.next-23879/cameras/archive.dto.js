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
    get ARCHIVE_SOURCES () {
        return ARCHIVE_SOURCES;
    },
    get ArchiveCameraDto () {
        return ArchiveCameraDto;
    },
    get ArchiveRequestDto () {
        return ArchiveRequestDto;
    }
});
const _swagger = require("@nestjs/swagger");
const _classvalidator = require("class-validator");
const _inputbounds = require("../common/input-bounds");
const _validation = require("../common/validation");
const _validators = require("../common/validators");
const _cameralinksdto = require("./camera-links.dto");
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
const ARCHIVE_SOURCES = [
    'hls'
];
let ArchiveCameraDto = class ArchiveCameraDto extends _cameralinksdto.CameraItemDto {
    from;
    to;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        description: 'Segment start (ISO 8601 with a time zone).',
        example: '2000-01-01T00:00:00Z'
    }),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], ArchiveCameraDto.prototype, "from", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        description: 'Segment end; after `from`, at most ARCHIVE_SEGMENT_MAX_SECONDS (24 h by default) later.',
        example: '2000-01-01T01:00:00Z'
    }),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], ArchiveCameraDto.prototype, "to", void 0);
let ArchiveRequestDto = class ArchiveRequestDto extends _cameralinksdto.LinkTtlDto {
    cameras;
    source;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            ArchiveCameraDto
        ],
        minItems: 1,
        description: _cameralinksdto.CAMERAS_DESCRIPTION
    }),
    (0, _inputbounds.MaxItems)((config)=>config.links.maxCameras, 'cameras'),
    (0, _classvalidator.ArrayMinSize)(1, {
        message: 'must contain at least 1 camera'
    }),
    (0, _validators.ArrayOf)(()=>ArchiveCameraDto),
    _ts_metadata("design:type", Array)
], ArchiveRequestDto.prototype, "cameras", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: ARCHIVE_SOURCES,
        description: '`hls` (the default): an HLS playlist of the segment.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(ARCHIVE_SOURCES, {
        message: `must be one of: ${ARCHIVE_SOURCES.join(', ')}`
    }),
    _ts_metadata("design:type", Object)
], ArchiveRequestDto.prototype, "source", void 0);
ArchiveRequestDto = _ts_decorate([
    (0, _validation.AllowUnknownFields)()
], ArchiveRequestDto);

//# sourceMappingURL=archive.dto.js.map
