"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ArchiveRangesController", {
    enumerable: true,
    get: function() {
        return ArchiveRangesController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminapidecorator = require("../admin-api.decorator");
const _archiverangesdto = require("./archive-ranges.dto");
const _archiverangesservice = require("./archive-ranges.service");
const _idparamsdto = require("../../common/id-params.dto");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
let ArchiveRangesController = class ArchiveRangesController {
    ranges;
    constructor(ranges){
        this.ranges = ranges;
    }
    async list({ uuid }) {
        return (0, _archiverangesdto.mapArchiveRanges)(uuid, await this.ranges.list(uuid));
    }
    async replace({ uuid }, body) {
        return (0, _archiverangesdto.mapArchiveRanges)(uuid, await this.ranges.replace(uuid, body));
    }
};
_ts_decorate([
    (0, _common.Get)(),
    (0, _swagger.ApiOperation)({
        summary: "List a camera's archive ranges",
        description: 'The archive each stream has, as last reported; oldest first.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Camera'),
    (0, _swagger.ApiOkResponse)({
        type: _archiverangesdto.ArchiveRangesDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.UuidParamDto === "undefined" ? Object : _idparamsdto.UuidParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], ArchiveRangesController.prototype, "list", null);
_ts_decorate([
    (0, _common.Put)(),
    (0, _swagger.ApiOperation)({
        summary: "Replace a camera's archive ranges",
        description: 'Replaces all of them at once (readers see the old set or the new one); a stream left without ranges falls back to the retention window.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Camera'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        'ranges.0.to': [
            'The ranges.0.to field must be after from.'
        ]
    }),
    (0, _swagger.ApiOkResponse)({
        type: _archiverangesdto.ArchiveRangesDto,
        description: 'The ranges now stored.'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.UuidParamDto === "undefined" ? Object : _idparamsdto.UuidParamDto,
        typeof _archiverangesdto.ReplaceArchiveRangesDto === "undefined" ? Object : _archiverangesdto.ReplaceArchiveRangesDto
    ]),
    _ts_metadata("design:returntype", Promise)
], ArchiveRangesController.prototype, "replace", null);
ArchiveRangesController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: cameras'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin/cameras/:uuid/archive-ranges'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _archiverangesservice.ArchiveRangesService === "undefined" ? Object : _archiverangesservice.ArchiveRangesService
    ])
], ArchiveRangesController);

//# sourceMappingURL=archive-ranges.controller.js.map
