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
    get UserTokensController () {
        return UserTokensController;
    },
    get UsersController () {
        return UsersController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminauthguard = require("../../auth/admin-auth.guard");
const _adminapidecorator = require("../admin-api.decorator");
const _tokenscontroller = require("../tokens/tokens.controller");
const _usersdto = require("./users.dto");
const _usersservice = require("./users.service");
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
let UsersController = class UsersController {
    users;
    constructor(users){
        this.users = users;
    }
    async create(body) {
        return (0, _usersdto.mapUser)(await this.users.create(body));
    }
    async list() {
        return (await this.users.list()).map(_usersdto.mapUser);
    }
    async get({ id }) {
        return (0, _usersdto.mapUser)(await this.users.get(id));
    }
    async update({ id }, body) {
        return (0, _usersdto.mapUser)(await this.users.update(id, body));
    }
    delete({ id }, actor) {
        return this.users.delete(id, actor);
    }
};
_ts_decorate([
    (0, _common.Post)(),
    (0, _swagger.ApiOperation)({
        summary: 'Add a user',
        description: "An end user of an integration's service. A user sees only the cameras granted to them, with their own token (`clu_…`) or through an integration acting for them (`X-User-Token`)."
    }),
    (0, _swagger.ApiCreatedResponse)({
        type: _usersdto.UserDto
    }),
    (0, _apiresponsesdecorator.ApiConflict)('A user with this name (or id) exists.', 'A record with the same name already exists.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        name: [
            'The name field must be a string.',
            'The name field must not be empty.'
        ]
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _usersdto.CreateUserDto === "undefined" ? Object : _usersdto.CreateUserDto
    ]),
    _ts_metadata("design:returntype", Promise)
], UsersController.prototype, "create", null);
_ts_decorate([
    (0, _common.Get)(),
    (0, _swagger.ApiOperation)({
        summary: 'List users',
        description: 'Every user, by name.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: [
            _usersdto.UserDto
        ]
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], UsersController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Get a user',
        description: 'A user by id.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: _usersdto.UserDto
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('User'),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], UsersController.prototype, "get", null);
_ts_decorate([
    (0, _swagger.ApiBody)({
        type: _usersdto.UpdateUserDto,
        examples: {
            demo: {
                summary: 'Rename (here: to the name db:seed gave it)',
                value: {
                    name: 'demo-user'
                }
            }
        }
    }),
    (0, _common.Patch)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Rename a user',
        description: 'Renames the user.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: _usersdto.UserDto
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('User'),
    (0, _apiresponsesdecorator.ApiConflict)('Another user has this name.', 'A record with the same name already exists.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        name: [
            'The name field must not be empty.'
        ]
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _usersdto.UpdateUserDto === "undefined" ? Object : _usersdto.UpdateUserDto
    ]),
    _ts_metadata("design:returntype", Promise)
], UsersController.prototype, "update", null);
_ts_decorate([
    (0, _common.Delete)(':id'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiOperation)({
        summary: 'Delete a user',
        description: 'With their tokens and grants; the active links issued for them are revoked and stay in the audit trail.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('User'),
    (0, _swagger.ApiNoContentResponse)({
        description: 'Its tokens and grants are deleted with it; its active links are revoked (reason `user deleted`).'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _adminauthguard.AdminActor)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], UsersController.prototype, "delete", null);
UsersController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: users'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin/users'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _usersservice.UsersService === "undefined" ? Object : _usersservice.UsersService
    ])
], UsersController);
let UserTokensController = class UserTokensController extends _tokenscontroller.TokensController {
    ownerKind = 'user';
};
UserTokensController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: users'),
    (0, _common.Controller)('api/v1/admin/users/:id/tokens')
], UserTokensController);

//# sourceMappingURL=users.controller.js.map
