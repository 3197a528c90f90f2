"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "IntegrationsService", {
    enumerable: true,
    get: function() {
        return IntegrationsService;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../../common/app-error");
const _tokensservice = require("../tokens/tokens.service");
const _integrationsrepository = require("./integrations.repository");
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
let IntegrationsService = class IntegrationsService {
    integrations;
    constructor(integrations){
        this.integrations = integrations;
    }
    async create(body) {
        const { fields, token } = (0, _tokensservice.mintToken)('integration', null);
        const created = await this.integrations.createWithToken(body.name, fields, body.id);
        return {
            integration: created.integration,
            token: {
                record: created.token,
                token
            }
        };
    }
    list() {
        return this.integrations.list();
    }
    names(take) {
        return this.integrations.names(take);
    }
    get(id) {
        return this.findOrFail(id);
    }
    async update(id, body) {
        await this.findOrFail(id);
        return this.integrations.update(id, {
            name: body.name
        });
    }
    async delete(id, actor) {
        await this.findOrFail(id);
        await this.integrations.delete(id, {
            by: actor,
            reason: 'integration deleted',
            at: new Date()
        });
    }
    /** The one not-found path of this resource: GET, PATCH and DELETE of an unknown integration all answer this 404. */ async findOrFail(id) {
        return await this.integrations.findById(id) ?? Promise.reject(_apperror.AppError.notFound('Integration'));
    }
};
IntegrationsService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _integrationsrepository.IntegrationsRepository === "undefined" ? Object : _integrationsrepository.IntegrationsRepository
    ])
], IntegrationsService);

//# sourceMappingURL=integrations.service.js.map
