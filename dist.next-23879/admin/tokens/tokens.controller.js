"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "TokensController", {
    enumerable: true,
    get: function() {
        return TokensController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _errorresponsedto = require("../../common/error-response.dto");
const _apiresponsesdecorator = require("../../openapi/api-responses.decorator");
const _adminauthguard = require("../../auth/admin-auth.guard");
const _adminapidecorator = require("../admin-api.decorator");
const _tokensdto = require("./tokens.dto");
const _tokensservice = require("./tokens.service");
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
/** The 404 of an unknown owner: the routes are shared, the owner's name is not. */ const ApiUnknownOwner = ()=>(0, _swagger.ApiNotFoundResponse)({
        type: _errorresponsedto.ErrorResponseDto,
        description: 'No user (under /users) or integration (under /integrations) has this id.',
        examples: {
            user: {
                summary: 'Under /users',
                value: {
                    message: 'User not found.'
                }
            },
            integration: {
                summary: 'Under /integrations',
                value: {
                    message: 'Integration not found.'
                }
            }
        }
    });
let TokensController = class TokensController {
    tokens;
    constructor(tokens){
        this.tokens = tokens;
    }
    async issue({ id }, body) {
        return (0, _tokensdto.mapIssuedToken)(await this.tokens.issue({
            kind: this.ownerKind,
            id
        }, body.expires_at));
    }
    async list({ id }) {
        return (await this.tokens.list({
            kind: this.ownerKind,
            id
        })).map(_tokensdto.mapToken);
    }
    revoke({ id, tokenId }, actor) {
        return this.tokens.revoke({
            kind: this.ownerKind,
            id
        }, tokenId, actor);
    }
};
_ts_decorate([
    (0, _common.Post)(),
    (0, _swagger.ApiOperation)({
        summary: 'Issue a token',
        description: 'A new token for the owner, shown in this answer only (camlinks keeps its hash). With `expires_at`, it stops working then.'
    }),
    ApiUnknownOwner(),
    (0, _swagger.ApiCreatedResponse)({
        type: _tokensdto.IssuedTokenDto,
        description: 'The only response that contains the token itself.'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _common.Body)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto,
        typeof _tokensdto.CreateTokenDto === "undefined" ? Object : _tokensdto.CreateTokenDto
    ]),
    _ts_metadata("design:returntype", Promise)
], TokensController.prototype, "issue", null);
_ts_decorate([
    (0, _common.Get)(),
    (0, _swagger.ApiOperation)({
        summary: 'List tokens',
        description: "The owner's tokens, revoked ones included; only their prefixes, never the tokens."
    }),
    ApiUnknownOwner(),
    (0, _swagger.ApiOkResponse)({
        type: [
            _tokensdto.TokenDto
        ]
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.IdParamDto === "undefined" ? Object : _idparamsdto.IdParamDto
    ]),
    _ts_metadata("design:returntype", Promise)
], TokensController.prototype, "list", null);
_ts_decorate([
    (0, _common.Delete)(':tokenId'),
    (0, _common.HttpCode)(204),
    (0, _swagger.ApiOperation)({
        summary: 'Revoke a token',
        description: 'The token stops working at once, on every instance; its row stays for the audit trail.'
    }),
    (0, _apiresponsesdecorator.ApiNotFound)('Token', 'The owner has no token with this id.'),
    (0, _swagger.ApiNoContentResponse)({
        description: 'Revoked: the token stops working, and the active links issued with it are revoked (reason `user token revoked` or `integration token revoked`); its row stays for the audit trail. Revoking twice is fine.'
    }),
    _ts_param(0, (0, _common.Param)()),
    _ts_param(1, (0, _adminauthguard.AdminActor)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _idparamsdto.TokenParamsDto === "undefined" ? Object : _idparamsdto.TokenParamsDto,
        typeof AdminIdentity === "undefined" ? Object : AdminIdentity
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], TokensController.prototype, "revoke", null);
TokensController = _ts_decorate([
    (0, _adminapidecorator.AdminApi)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _tokensservice.TokensService === "undefined" ? Object : _tokensservice.TokensService
    ])
], TokensController);

//# sourceMappingURL=tokens.controller.js.map
