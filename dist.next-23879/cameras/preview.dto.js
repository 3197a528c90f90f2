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
    get PREVIEW_SOURCES () {
        return PREVIEW_SOURCES;
    },
    get PreviewCameraDto () {
        return PreviewCameraDto;
    },
    get PreviewRequestDto () {
        return PreviewRequestDto;
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
const PREVIEW_SOURCES = [
    'mp4',
    'jpg'
];
let PreviewCameraDto = class PreviewCameraDto extends _cameralinksdto.CameraItemDto {
    date;
};
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        format: 'date-time',
        description: 'Start of the archive footage to preview (ISO 8601 with a time zone). Omitted: live preview.',
        example: '2000-01-01T00:00:00Z'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], PreviewCameraDto.prototype, "date", void 0);
let PreviewRequestDto = class PreviewRequestDto extends _cameralinksdto.LinkTtlDto {
    cameras;
    source;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            PreviewCameraDto
        ],
        minItems: 1,
        description: _cameralinksdto.CAMERAS_DESCRIPTION
    }),
    (0, _inputbounds.MaxItems)((config)=>config.links.maxCameras, 'cameras'),
    (0, _classvalidator.ArrayMinSize)(1, {
        message: 'must contain at least 1 camera'
    }),
    (0, _validators.ArrayOf)(()=>PreviewCameraDto),
    _ts_metadata("design:type", Array)
], PreviewRequestDto.prototype, "cameras", void 0);
_ts_decorate([
    (0, _swagger.ApiPropertyOptional)({
        enum: PREVIEW_SOURCES,
        description: '`mp4` (the default): a short preview clip; `jpg`: a preview image.'
    }),
    (0, _classvalidator.IsOptional)(),
    (0, _classvalidator.IsIn)(PREVIEW_SOURCES, {
        message: `must be one of: ${PREVIEW_SOURCES.join(', ')}`
    }),
    _ts_metadata("design:type", typeof PreviewSource === "undefined" ? Object : PreviewSource)
], PreviewRequestDto.prototype, "source", void 0);
PreviewRequestDto = _ts_decorate([
    (0, _validation.AllowUnknownFields)()
], PreviewRequestDto);

//# sourceMappingURL=preview.dto.js.map
