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
    get ArchiveRangeInputDto () {
        return ArchiveRangeInputDto;
    },
    get ArchiveRangesDto () {
        return ArchiveRangesDto;
    },
    get ReplaceArchiveRangesDto () {
        return ReplaceArchiveRangesDto;
    },
    get StoredArchiveRangeDto () {
        return StoredArchiveRangeDto;
    },
    get mapArchiveRanges () {
        return mapArchiveRanges;
    }
});
const _swagger = require("@nestjs/swagger");
const _validators = require("../../common/validators");
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
let ArchiveRangeInputDto = class ArchiveRangeInputDto {
    stream_type;
    from;
    to;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'high'
    }),
    (0, _validators.IsShortString)(64),
    _ts_metadata("design:type", String)
], ArchiveRangeInputDto.prototype, "stream_type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        example: '2000-01-01T00:00:00Z'
    }),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], ArchiveRangeInputDto.prototype, "from", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        example: '2100-01-01T00:00:00Z'
    }),
    (0, _validators.IsDateTimeWithOffset)(),
    _ts_metadata("design:type", String)
], ArchiveRangeInputDto.prototype, "to", void 0);
let ReplaceArchiveRangesDto = class ReplaceArchiveRangesDto {
    ranges;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            ArchiveRangeInputDto
        ],
        description: "The archive each stream has. Replaces all of the camera's ranges; a stream left without ranges falls back to the retention window."
    }),
    (0, _validators.ArrayOf)(()=>ArchiveRangeInputDto),
    _ts_metadata("design:type", Array)
], ReplaceArchiveRangesDto.prototype, "ranges", void 0);
let StoredArchiveRangeDto = class StoredArchiveRangeDto {
    stream_type;
    from;
    to;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        example: 'high'
    }),
    _ts_metadata("design:type", String)
], StoredArchiveRangeDto.prototype, "stream_type", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        example: '2030-01-01T00:00:00.000Z'
    }),
    _ts_metadata("design:type", String)
], StoredArchiveRangeDto.prototype, "from", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'date-time',
        example: '2030-01-01T06:00:00.000Z'
    }),
    _ts_metadata("design:type", String)
], StoredArchiveRangeDto.prototype, "to", void 0);
let ArchiveRangesDto = class ArchiveRangesDto {
    camera_uuid;
    ranges;
};
_ts_decorate([
    (0, _swagger.ApiProperty)({
        format: 'uuid'
    }),
    _ts_metadata("design:type", String)
], ArchiveRangesDto.prototype, "camera_uuid", void 0);
_ts_decorate([
    (0, _swagger.ApiProperty)({
        type: [
            StoredArchiveRangeDto
        ],
        description: 'By stream type, oldest first.'
    }),
    _ts_metadata("design:type", Array)
], ArchiveRangesDto.prototype, "ranges", void 0);
function mapArchiveRanges(cameraUuid, ranges) {
    return {
        camera_uuid: cameraUuid,
        ranges: ranges.map((r)=>({
                stream_type: r.streamType,
                from: r.from.toISOString(),
                to: r.to.toISOString()
            }))
    };
}

//# sourceMappingURL=archive-ranges.dto.js.map
