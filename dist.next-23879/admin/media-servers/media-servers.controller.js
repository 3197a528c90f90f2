"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MediaServersController", {
    enumerable: true,
    get: function() {
        return MediaServersController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminapidecorator = require("../admin-api.decorator");
const _mediaserversdto = require("./media-servers.dto");
const _mediaserversservice = require("./media-servers.service");
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
let MediaServersController = class MediaServersController {
    servers;
    constructor(servers){
        this.servers = servers;
    }
    async create(body) {
        return (0, _mediaserversdto.mapMediaServerChange)(await this.servers.create(body));
    }
    async list() {
        return (await this.servers.list()).map(_mediaserversdto.mapMediaServer);
    }
    async get({ id }) {
        return (0, _mediaserversdto.mapMediaServer)(await this.servers.get(id));
    }
    async update({ id }, body) {
        return (0, _mediaserversdto.mapMediaServerChange)(await this.servers.update(id, body));
    }
    delete({ id }) {
        return this.servers.delete(id);
    }
};
_ts_decorate([
    (0, _common.Post)(),
    (0, _swagger.ApiOperation)({
        summary: 'Add a media server',
        description: 'Links to its cameras start with `base_url` (and `rtsp_base_url` for RTSP) and follow its URL templates; with a `verification_secret`, it must present it when it verifies links. Without one it trusts its network, and the answer carries a warning.'
    }),
    (0, _swagger.ApiCreatedResponse)({
        type: _mediaserversdto.MediaServerChangeDto
    }),
    (0, _apiresponsesdecorator.ApiConflict)('A media server with this name (or id) exists.', 'A record with the same name already exists.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        base_url: [
            'The base_url field must be an http(s) URL.'
        ]
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _mediaserversdto.CreateMediaServerDto === "undefined" ? Object : _mediaserversdto.CreateMediaServerDto
    ]),
    _ts_metadata("design:returntype", Promise)
], MediaServersController.prototype, "create", null);
_ts_decorate([
    (0, _common.Get)(),
    (0, _swagger.ApiOperation)({
        summary: 'List media servers',
        description: 'Every media server, by name, with the URL templates in effect.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: [
            _mediaserversdto.MediaServerDto
        ]
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], MediaServersController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Get a media server',
        description: 'With every URL template in effect, defaults included; never the verification secret.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: _mediaserversdto.MediaServerDto
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Media server'),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], MediaServersController.prototype, "get", null);
_ts_decorate([
    (0, _swagger.ApiBody)({
        type: _mediaserversdto.UpdateMediaServerDto,
        examples: {
            demo: {
                summary: 'Rename (here: to the name db:seed gave it)',
                value: {
                    name: 'demo-edge'
                }
            }
        }
    }),
    (0, _common.Patch)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Change a media server',
        description: 'Fields left out keep their value; in `url_templates`, a template set to null goes back to the default. Links already issued keep their URLs. Removing the secret answers with a warning.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: _mediaserversdto.MediaServerChangeDto
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Media server'),
    (0, _apiresponsesdecorator.ApiConflict)('Another media server has this name.', 'A record with the same name already exists.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        name: [
            'The name field must not be longer than 100 characters.'
        ]
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _mediaserversdto.UpdateMediaServerDto === "undefined" ? Object : _mediaserversdto.UpdateMediaServerDto
    ]),
    _ts_metadata("design:returntype", Promise)
], MediaServersController.prototype, "update", null);
_ts_decorate([
    (0, _common.Delete)(':id'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiOperation)({
        summary: 'Delete a media server',
        description: 'Only once no camera uses it.'
    }),
    (0, _swagger.ApiNoContentResponse)({
        description: 'Deleted.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Media server'),
    (0, _apiresponsesdecorator.ApiConflict)('Cameras still use the media server.', 'The media server is still used by cameras.'),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], MediaServersController.prototype, "delete", null);
MediaServersController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: media servers'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin/media-servers'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _mediaserversservice.MediaServersService === "undefined" ? Object : _mediaserversservice.MediaServersService
    ])
], MediaServersController);

//# sourceMappingURL=media-servers.controller.js.map
