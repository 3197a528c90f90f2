"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CamerasController", {
    enumerable: true,
    get: function() {
        return CamerasController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _adminauthguard = require("../../auth/admin-auth.guard");
const _idparamsdto = require("../../common/id-params.dto");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminapidecorator = require("../admin-api.decorator");
const _camerasdto = require("./cameras.dto");
const _camerasservice = require("./cameras.service");
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
let CamerasController = class CamerasController {
    cameras;
    constructor(cameras){
        this.cameras = cameras;
    }
    async create(body) {
        return (0, _camerasdto.mapCamera)(await this.cameras.create(body));
    }
    async list(query) {
        return (await this.cameras.list(query)).map(_camerasdto.mapCamera);
    }
    async get({ uuid }) {
        return (0, _camerasdto.mapCamera)(await this.cameras.get(uuid));
    }
    async update({ uuid }, body, actor) {
        return (0, _camerasdto.mapCamera)(await this.cameras.update(uuid, body, actor));
    }
    delete({ uuid }, actor) {
        return this.cameras.delete(uuid, actor);
    }
};
_ts_decorate([
    (0, _common.Post)(),
    (0, _swagger.ApiOperation)({
        summary: 'Add a camera',
        description: "A camera on a media server, with its streams (each a type, like `high`, and its stream's name on the media server) and how many days of archive it keeps."
    }),
    (0, _swagger.ApiCreatedResponse)({
        type: _camerasdto.CameraDto
    }),
    (0, _apiresponsesdecorator.ApiConflict)('A camera with this uuid exists, or another camera serves one of the streams on this media server (names compared ignoring ASCII letter case).', 'Stream "gate-hd" is already served by camera 7f1c1a52-0a6b-4d8e-9a5e-3c9d2b1e4f60 on this media server.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        media_server_id: [
            'The media_server_id field must name an existing media server.'
        ]
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _camerasdto.CreateCameraDto === "undefined" ? Object : _camerasdto.CreateCameraDto
    ]),
    _ts_metadata("design:returntype", Promise)
], CamerasController.prototype, "create", null);
_ts_decorate([
    (0, _common.Get)(),
    (0, _swagger.ApiOperation)({
        summary: 'List cameras',
        description: 'Every camera with its streams, or those of one media server.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: [
            _camerasdto.CameraDto
        ]
    }),
    (0, _apiresponsesdecorator.ApiInvalid)({
        media_server_id: [
            'The media_server_id field must be a valid UUID.'
        ]
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _camerasdto.ListCamerasQueryDto === "undefined" ? Object : _camerasdto.ListCamerasQueryDto
    ]),
    _ts_metadata("design:returntype", Promise)
], CamerasController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)(':uuid'),
    (0, _swagger.ApiOperation)({
        summary: 'Get a camera',
        description: 'With its streams.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: _camerasdto.CameraDto
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Camera'),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.UuidParamDto === "undefined" ? Object : _idparamsdto.UuidParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], CamerasController.prototype, "get", null);
_ts_decorate([
    (0, _swagger.ApiBody)({
        type: _camerasdto.UpdateCameraDto,
        examples: {
            demo: {
                summary: 'Unblock',
                value: {
                    blocked: false
                }
            }
        }
    }),
    (0, _common.Patch)(':uuid'),
    (0, _swagger.ApiOperation)({
        summary: 'Change a camera',
        description: 'Fields left out keep their value; `streams`, when given, replaces all of them. Blocking a camera stops its links at once, on every instance; unblocking revokes the links issued before the block unless `restore_links` is true; moving it to another media server revokes its links.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: _camerasdto.CameraDto
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Camera'),
    (0, _apiresponsesdecorator.ApiConflict)('Another camera serves one of the streams on the media server the camera ends up on.', 'Stream "gate-hd" is already served by camera 7f1c1a52-0a6b-4d8e-9a5e-3c9d2b1e4f60 on this media server.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        default_stream_type: [
            "The default_stream_type field must be one of the camera's stream types (high, low)."
        ]
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _adminauthguard.AdminActor)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.UuidParamDto === "undefined" ? Object : _idparamsdto.UuidParamDto,
        typeof _camerasdto.UpdateCameraDto === "undefined" ? Object : _camerasdto.UpdateCameraDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity
    ]),
    _ts_metadata("design:returntype", Promise)
], CamerasController.prototype, "update", null);
_ts_decorate([
    (0, _common.Delete)(':uuid'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiOperation)({
        summary: 'Delete a camera',
        description: 'With its streams, archive ranges and grants. Its active links are revoked (reason `camera deleted`) and stay in the audit trail; they never open again, even for a camera re-created with the same uuid.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Camera'),
    (0, _swagger.ApiNoContentResponse)({
        description: 'Deleted; its links revoked.'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _adminauthguard.AdminActor)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.UuidParamDto === "undefined" ? Object : _idparamsdto.UuidParamDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], CamerasController.prototype, "delete", null);
CamerasController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: cameras'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin/cameras'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _camerasservice.CamerasService === "undefined" ? Object : _camerasservice.CamerasService
    ])
], CamerasController);

//# sourceMappingURL=cameras.controller.js.map
