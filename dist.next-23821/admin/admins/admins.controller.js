"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AdminsController", {
    enumerable: true,
    get: function() {
        return AdminsController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _adminroles = require("../../auth/admin-roles");
const _idparamsdto = require("../../common/id-params.dto");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminapidecorator = require("../admin-api.decorator");
const _adminsdto = require("./admins.dto");
const _adminsservice = require("./admins.service");
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
let AdminsController = class AdminsController {
    admins;
    constructor(admins){
        this.admins = admins;
    }
    async create(body) {
        const { admin, token } = await this.admins.create(body.name, body.email, body.role);
        return {
            ...(0, _adminsdto.mapAdmin)(admin),
            token
        };
    }
    async list() {
        return (await this.admins.list()).map(_adminsdto.mapAdmin);
    }
    async get({ id }) {
        return (0, _adminsdto.mapAdmin)(await this.admins.get(id));
    }
    async update({ id }, body) {
        return (0, _adminsdto.mapAdmin)(await this.admins.setRole(id, body.role));
    }
    async revokeToken({ id }) {
        await this.admins.revokeToken(id);
    }
};
_ts_decorate([
    (0, _common.Post)(),
    (0, _swagger.ApiOperation)({
        summary: 'Add a named admin',
        description: 'A person (or tool) with admin rights and a token of its own (`cla_…`), shown this once. Audit events and revocations name who acted. ' + 'Its role is `admin` unless the body says otherwise.'
    }),
    (0, _apiresponsesdecorator.ApiConflict)("An admin's name looks like this one (the same TR39 skeleton, in some letter case).", 'The name looks like that of admin "alice" (0b6c3c57-7a0e-4b4e-9c1f-3f4a2d1e5b6a).'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        name: [
            'The name field must not contain invisible, format, bidirectional or control characters.'
        ],
        email: [
            'The email field must be an email address.'
        ]
    }),
    (0, _swagger.ApiCreatedResponse)({
        type: _adminsdto.CreatedAdminDto,
        description: 'With its token: the only response that contains it.'
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _adminsdto.CreateAdminDto === "undefined" ? Object : _adminsdto.CreateAdminDto
    ]),
    _ts_metadata("design:returntype", Promise)
], AdminsController.prototype, "create", null);
_ts_decorate([
    (0, _common.Get)(),
    (0, _swagger.ApiOperation)({
        summary: 'List admins',
        description: 'Every admin, by name, the built-in `bootstrap` included; revoked ones too.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: [
            _adminsdto.AdminDto
        ]
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], AdminsController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Get an admin',
        description: 'An admin by id, revoked or not; never its token.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Admin'),
    (0, _swagger.ApiOkResponse)({
        type: _adminsdto.AdminDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], AdminsController.prototype, "get", null);
_ts_decorate([
    (0, _common.Patch)(':id'),
    (0, _swagger.ApiOperation)({
        summary: "Change an admin's role",
        description: 'At once, on every instance, its console sessions included. The last owner who can sign in cannot be demoted; the bootstrap admin is always an owner.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Admin'),
    (0, _apiresponsesdecorator.ApiConflict)('The admin is the last owner whose token works.', _adminsservice.LAST_OWNER_MESSAGE),
    (0, _apiresponsesdecorator.ApiInvalid)({
        role: [
            'The role field must be one of: owner, admin, auditor.'
        ]
    }),
    (0, _swagger.ApiOkResponse)({
        type: _adminsdto.AdminDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _adminsdto.UpdateAdminDto === "undefined" ? Object : _adminsdto.UpdateAdminDto
    ]),
    _ts_metadata("design:returntype", Promise)
], AdminsController.prototype, "update", null);
_ts_decorate([
    (0, _common.Delete)(':id/token'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiOperation)({
        summary: "Revoke an admin's token",
        description: 'It stops working at once, on every instance, and its console sessions end. The admin stays listed, so the audit trail can name it. ' + 'The last owner whose token works cannot be revoked.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Admin'),
    (0, _apiresponsesdecorator.ApiConflict)('The admin is the last owner whose token works.', _adminsservice.LAST_OWNER_MESSAGE),
    (0, _apiresponsesdecorator.ApiInvalid)({
        id: [
            'The id field is the bootstrap admin: its token is ADMIN_TOKEN (or data/admin-token); change that instead.'
        ]
    }),
    (0, _swagger.ApiNoContentResponse)({
        description: 'Revoked (revoking twice keeps the first revocation time).'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], AdminsController.prototype, "revokeToken", null);
AdminsController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: admins'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _adminroles.RequiresRole)('owner'),
    (0, _common.Controller)('api/v1/admin/admins'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _adminsservice.AdminsService === "undefined" ? Object : _adminsservice.AdminsService
    ])
], AdminsController);

//# sourceMappingURL=admins.controller.js.map
