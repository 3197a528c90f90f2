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
    get IntegrationTokensController () {
        return IntegrationTokensController;
    },
    get IntegrationsController () {
        return IntegrationsController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminauthguard = require("../../auth/admin-auth.guard");
const _adminapidecorator = require("../admin-api.decorator");
const _tokenscontroller = require("../tokens/tokens.controller");
const _integrationsdto = require("./integrations.dto");
const _integrationsservice = require("./integrations.service");
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
let IntegrationsController = class IntegrationsController {
    integrations;
    constructor(integrations){
        this.integrations = integrations;
    }
    async create(body) {
        return (0, _integrationsdto.mapCreatedIntegration)(await this.integrations.create(body));
    }
    async list() {
        return (await this.integrations.list()).map(_integrationsdto.mapIntegration);
    }
    async get({ id }) {
        return (0, _integrationsdto.mapIntegration)(await this.integrations.get(id));
    }
    async update({ id }, body) {
        return (0, _integrationsdto.mapIntegration)(await this.integrations.update(id, body));
    }
    delete({ id }, actor) {
        return this.integrations.delete(id, actor);
    }
};
_ts_decorate([
    (0, _common.Post)(),
    (0, _swagger.ApiOperation)({
        summary: 'Add an integration',
        description: 'A system that asks for links (a billing system, a portal): it sees every camera, or acts for a user with `X-User-Token`. The answer holds its first token, shown this once.'
    }),
    (0, _apiresponsesdecorator.ApiConflict)('An integration with this name (or id) exists.', 'A record with the same name already exists.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        name: [
            'The name field must be a string.',
            'The name field must not be empty.'
        ]
    }),
    (0, _swagger.ApiCreatedResponse)({
        type: _integrationsdto.CreatedIntegrationDto,
        description: 'With its first token: the only response that contains it.'
    }),
    _ts_param(0, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _integrationsdto.CreateIntegrationDto === "undefined" ? Object : _integrationsdto.CreateIntegrationDto
    ]),
    _ts_metadata("design:returntype", Promise)
], IntegrationsController.prototype, "create", null);
_ts_decorate([
    (0, _common.Get)(),
    (0, _swagger.ApiOperation)({
        summary: 'List integrations',
        description: 'Every integration, by name.'
    }),
    (0, _swagger.ApiOkResponse)({
        type: [
            _integrationsdto.IntegrationDto
        ]
    }),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", Promise)
], IntegrationsController.prototype, "list", null);
_ts_decorate([
    (0, _common.Get)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Get an integration',
        description: 'An integration by id; its tokens are listed under /tokens.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Integration'),
    (0, _swagger.ApiOkResponse)({
        type: _integrationsdto.IntegrationDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], IntegrationsController.prototype, "get", null);
_ts_decorate([
    (0, _swagger.ApiBody)({
        type: _integrationsdto.UpdateIntegrationDto,
        examples: {
            demo: {
                summary: 'Rename (here: to the name db:seed gave it)',
                value: {
                    name: 'demo-portal'
                }
            }
        }
    }),
    (0, _common.Patch)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Rename an integration',
        description: 'Only the name changes; its tokens keep working.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Integration'),
    (0, _apiresponsesdecorator.ApiConflict)('Another integration has this name.', 'A record with the same name already exists.'),
    (0, _apiresponsesdecorator.ApiInvalid)({
        name: [
            'The name field must not be empty.'
        ]
    }),
    (0, _swagger.ApiOkResponse)({
        type: _integrationsdto.IntegrationDto
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _integrationsdto.UpdateIntegrationDto === "undefined" ? Object : _integrationsdto.UpdateIntegrationDto
    ]),
    _ts_metadata("design:returntype", Promise)
], IntegrationsController.prototype, "update", null);
_ts_decorate([
    (0, _common.Delete)(':id'),
    (0, _swagger.ApiOperation)({
        summary: 'Delete an integration',
        description: 'With its tokens, which stop working at once; the active links it issued are revoked and stay in the audit trail.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Integration'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiNoContentResponse)({
        description: 'Its tokens are deleted with it; the active links it issued are revoked (reason `integration deleted`) and stay in the audit trail.'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _adminauthguard.AdminActor)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], IntegrationsController.prototype, "delete", null);
IntegrationsController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: integrations'),
    (0, _adminapidecorator.AdminApi)(),
    (0, _common.Controller)('api/v1/admin/integrations'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _integrationsservice.IntegrationsService === "undefined" ? Object : _integrationsservice.IntegrationsService
    ])
], IntegrationsController);
let IntegrationTokensController = class IntegrationTokensController extends _tokenscontroller.TokensController {
    ownerKind = 'integration';
};
IntegrationTokensController = _ts_decorate([
    (0, _swagger.ApiTags)('admin: integrations'),
    (0, _common.Controller)('api/v1/admin/integrations/:id/tokens')
], IntegrationTokensController);

//# sourceMappingURL=integrations.controller.js.map
