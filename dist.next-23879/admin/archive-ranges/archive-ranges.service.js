"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ArchiveRangesService", {
    enumerable: true,
    get: function() {
        return ArchiveRangesService;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../../common/app-error");
const _archiverangesrepository = require("./archive-ranges.repository");
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
let ArchiveRangesService = class ArchiveRangesService {
    ranges;
    constructor(ranges){
        this.ranges = ranges;
    }
    async list(cameraUuid) {
        await this.streamTypesOf(cameraUuid);
        return this.ranges.list(cameraUuid);
    }
    async replace(cameraUuid, body) {
        const streamTypes = await this.streamTypesOf(cameraUuid);
        const errors = {};
        body.ranges.forEach((range, index)=>{
            const invalid = (field, problem)=>errors[`ranges.${index}.${field}`] = [
                    (0, _apperror.fieldMessage)(`ranges.${index}.${field}`, problem)
                ];
            if (!streamTypes.includes(range.stream_type)) invalid('stream_type', `names a stream type this camera does not have (it has: ${streamTypes.join(', ')})`);
            if (Date.parse(range.to) <= Date.parse(range.from)) invalid('to', 'must be after from');
        });
        if (Object.keys(errors).length) throw _apperror.AppError.validation(errors);
        await this.ranges.replace(cameraUuid, body.ranges.map((r)=>({
                streamType: r.stream_type,
                from: new Date(r.from),
                to: new Date(r.to)
            })));
        return this.ranges.list(cameraUuid);
    }
    async streamTypesOf(cameraUuid) {
        return await this.ranges.streamTypes(cameraUuid) ?? Promise.reject(_apperror.AppError.notFound('Camera'));
    }
};
ArchiveRangesService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _archiverangesrepository.ArchiveRangesRepository === "undefined" ? Object : _archiverangesrepository.ArchiveRangesRepository
    ])
], ArchiveRangesService);

//# sourceMappingURL=archive-ranges.service.js.map
