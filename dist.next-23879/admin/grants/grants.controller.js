"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "GrantsController", {
    enumerable: true,
    get: function() {
        return GrantsController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminauthguard = require("../../auth/admin-auth.guard");
const _adminapidecorator = require("../admin-api.decorator");
const _grantsdto = require("./grants.dto");
const _grantsservice = require("./grants.service");
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
let GrantsController = class GrantsController {
    grants;
    constructor(grants){
        this.grants = grants;
    }
    async create(body) {
        return (0, _grantsdto.mapGrant)(await this.grants.create(body));
    }
    async list(query) {
        return (await this.grants.list(query)).map(_grantsdto.mapGrant);
    }
    async get({ id }) {
        return (0, _grantsdto.mapGrant)(await this.grants.get(id));
    }
    async update({ id }, body, actor) {
        return (0, _grantsdto.mapGrant)(await this.grants.update(id, body, actor));
    }
    delete({ id }, actor) {
        return this.grants.delete(id, actor);
    }
};
_ts_decorate([
    (0, _common.Post)(),
    (0, _swagger.ApiOperation)({
        summary: 'Grant a user a camera',
        description: 'The user (with their token, or through an integration acting for them) gets links to the camera until `expires_at`, if given.'
    }),
    (0, _apiresponsesdecorator.ApiConflict)('The user already has a grant of this camera.', 'A record with the same user_id, camera_uuid already exists.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        user_id: [
            'The user_id field must name an existing user.'
        ]
    }),
    (0, _swagger.ApiCreatedResponse)({
        type: _grantsdto.GrantDto
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _grantsdto.CreateGrantDto === "undefined" ? Object : _grantsdto.CreateGrantDto
    ]),
    _ts_metadata("design:returntype", Promise)
], GrantsController.prototype, "create", null);
_ts_decorate([
    (0, _common.Get)(),
    (0, _swagger.ApiOperation)({
        summary: 'List grants',
        description: "Every grant, or a user's, or a camera's."
    }),
    (0, _apiresponsesdecorator.ApiInvalid)({
        user_id: [
            'The user_id field must be a valid UUID.'
        ]
    }),
    (0, _swagger.ApiOkResponse)({
        type: [
            _grantsdto.GrantDto
        ]
    }),
    _ts_param(0, (0, _common.Query)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _grantsdto.ListGrantsQueryDto === "undefined" ? Object : _grantsdto.ListGrantsQueryDto
    ]),
    _ts_metadata("design:returntype", Promise)
], GrantsController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Get a grant',
        description: 'A grant by id.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Grant'),
    (0, _swagger.ApiOkResponse)({
        type: _grantsdto.GrantDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], GrantsController.prototype, "get", null);
_ts_decorate([
    (0, _swagger.ApiBody)({
        type: _grantsdto.UpdateGrantDto,
        examples: {
            demo: {
                summary: 'Never expire',
                value: {
                    expires_at: null
                }
            }
        }
    }),
    (0, _common.Patch)(':id'),
    (0, _swagger.ApiOperation)({
        summary: "Change a grant's expiry",
        description: '`expires_at` null: the grant no longer expires. Renewing a grant that has already expired starts a new term: the links issued under the old one are revoked (reason `grant expired`).'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Grant'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        expires_at: [
            'The expires_at field must be in the future.'
        ]
    }),
    (0, _swagger.ApiOkResponse)({
        type: _grantsdto.GrantDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _adminauthguard.AdminActor)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _grantsdto.UpdateGrantDto === "undefined" ? Object : _grantsdto.UpdateGrantDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity
    ]),
    _ts_metadata("design:returntype", Promise)
], GrantsController.prototype, "update", null);
_ts_decorate([
    (0, _common.Delete)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Withdraw a grant',
        description: "The user's links to the camera stop working at once, on every instance."
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Grant'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiNoContentResponse)({
        description: 'Its active links are revoked (reason `grant deleted`); a new grant for the same user and camera does not bring them back.'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _adminauthguard.AdminActor)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], GrantsController.prototype, "delete", null);
GrantsController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: grants'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin/grants'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _grantsservice.GrantsService === "undefined" ? Object : _grantsservice.GrantsService
    ])
], GrantsController);

//# sourceMappingURL=grants.controller.js.map
