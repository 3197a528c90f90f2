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
    get TokensService () {
        return TokensService;
    },
    get mintToken () {
        return mintToken;
    }
});
const _common = require("@nestjs/common");
const _tokens = require("../../auth/tokens");
const _apperror = require("../../common/app-error");
const _timestamps = require("../../common/timestamps");
const _tokensrepository = require("./tokens.repository");
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
const OWNER_NAMES = {
    user: 'User',
    integration: 'Integration'
};
function mintToken(kind, expiresAt) {
    const secret = (0, _tokens.generateToken)(kind);
    return {
        token: secret.token,
        fields: {
            tokenHash: secret.hash,
            tokenPrefix: secret.displayPrefix,
            expiresAt: (0, _timestamps.parseOptionalDate)(expiresAt) ?? null
        }
    };
}
let TokensService = class TokensService {
    tokens;
    constructor(tokens){
        this.tokens = tokens;
    }
    async issue(owner, expiresAt) {
        await this.requireOwner(owner);
        const { fields, token } = mintToken(owner.kind, expiresAt);
        return {
            record: await this.tokens.create(owner, fields),
            token
        };
    }
    async list(owner) {
        await this.requireOwner(owner);
        return this.tokens.list(owner);
    }
    /** Idempotent: revoking a revoked token succeeds and keeps the first revocation time. Its links are revoked with it. */ async revoke(owner, tokenId, actor) {
        const revocation = {
            by: actor,
            reason: `${owner.kind} token revoked`,
            at: new Date()
        };
        if (!await this.tokens.revoke(owner, tokenId, revocation)) throw _apperror.AppError.notFound('Token');
    }
    async requireOwner(owner) {
        if (!await this.tokens.ownerExists(owner)) throw _apperror.AppError.notFound(OWNER_NAMES[owner.kind]);
    }
};
TokensService = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _tokensrepository.TokensRepository === "undefined" ? Object : _tokensrepository.TokensRepository
    ])
], TokensService);

//# sourceMappingURL=tokens.service.js.map
