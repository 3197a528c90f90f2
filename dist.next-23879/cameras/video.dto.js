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
    get ArchiveRangeDto () {
        return ArchiveRangeDto;
    },
    get VIDEO_SOURCES () {
        return VIDEO_SOURCES;
    },
    get VideoCameraDto () {
        return VideoCameraDto;
    },
    get VideoLinkDto () {
        return VideoLinkDto;
    },
    get VideoRequestDto () {
        return VideoRequestDto;
    },
    get mapVideoLink () {
        return mapVideoLink;
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
const VIDEO_SOURCES = [
    'hls',
    'rtsp'
];
let VideoCameraDto = class VideoCameraDto extends _cameralinksdto.CameraItemDto {
    date;
    archive_ranges;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        description: 'Play the archive from this time (ISO 8601 with a time zone). Omitted: live video.',
        example: '2000-01-01T00:00:00Z'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], VideoCameraDto.prototype, "date", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        description: "Also return the stream's available archive as `archive_ranges` (default: false)."
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsBoolean)({
        message: 'must be true or false'
    }),
    _ts_metadata("design:type", Boolean)
], VideoCameraDto.prototype, "archive_ranges", void 0);
let VideoRequestDto = class VideoRequestDto extends _cameralinksdto.LinkTtlDto {
    cameras;
    source;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            VideoCameraDto
        ],
        minItems: 1,
        description: _cameralinksdto.CAMERAS_DESCRIPTION
    }),
    (0, _inputbounds.MaxItems)((config)=>config.links.maxCameras, 'cameras'),
    (0, _classvalidator.ArrayMinSize)(1, {
        message: 'must contain at least 1 camera'
    }),
    (0, _validators.ArrayOf)(()=>VideoCameraDto),
    _ts_metadata("design:type", Array)
], VideoRequestDto.prototype, "cameras", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: VIDEO_SOURCES,
        description: '`hls` (the default): an HLS playlist; `rtsp`: an RTSP address.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(VIDEO_SOURCES, {
        message: `must be one of: ${VIDEO_SOURCES.join(', ')}`
    }),
    _ts_metadata("design:type", typeof VideoSource === "undefined" ? Object : VideoSource)
], VideoRequestDto.prototype, "source", void 0);
VideoRequestDto = _ts_decorate([
    (0, _validation.AllowUnknownFields)()
], VideoRequestDto);
let ArchiveRangeDto = class ArchiveRangeDto {
    from;
    duration;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 1700000000,
        description: 'Start, unix seconds.'
    }),
    _ts_metadata("design:type", Number)
], ArchiveRangeDto.prototype, "from", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 3600,
        description: 'Length in seconds.'
    }),
    _ts_metadata("design:type", Number)
], ArchiveRangeDto.prototype, "duration", void 0);
let VideoLinkDto = class VideoLinkDto extends _cameralinksdto.CameraLinkDto {
    archive_ranges;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        type: [
            ArchiveRangeDto
        ],
        description: 'With `archive_ranges: true`: the archive the stream has, oldest first.'
    }),
    _ts_metadata("design:type", Array)
], VideoLinkDto.prototype, "archive_ranges", void 0);
function mapVideoLink(result) {
    const seconds = (date)=>Math.floor(date.getTime() / 1000);
    return {
        ...(0, _cameralinksdto.mapCameraLink)(result),
        ...result.archiveRanges && {
            archive_ranges: result.archiveRanges.map((r)=>({
                    from: seconds(r.from),
                    duration: seconds(r.to) - seconds(r.from)
                }))
        }
    };
}

//# sourceMappingURL=video.dto.js.map
