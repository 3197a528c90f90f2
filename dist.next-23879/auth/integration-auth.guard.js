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
    get CurrentPrincipal () {
        return CurrentPrincipal;
    },
    get IntegrationAuthGuard () {
        return IntegrationAuthGuard;
    },
    get bearerToken () {
        return bearerToken;
    },
    get requireBearer () {
        return requireBearer;
    }
});
const _common = require("@nestjs/common");
const _apperror = require("../common/app-error");
const _credentialcache = require("./credential-cache");
const _credentialsrepository = require("./credentials.repository");
const _tokens = require("./tokens");
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
function bearerToken(request) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    return match?.[1];
}
function requireBearer(request) {
    const token = bearerToken(request);
    if (!token) throw _apperror.AppError.unauthenticated(request.headers.authorization ? 'malformed' : 'no_credentials');
    return token;
}
/** Why a token of another kind than `expected` is refused: another API's, or not one of ours at all. */ function wrongKind(token) {
    const kind = (0, _tokens.tokenKind)(token);
    return kind === 'admin' || kind === 'link' ? 'wrong_api' : 'malformed';
}
let IntegrationAuthGuard = class IntegrationAuthGuard {
    credentials;
    cache;
    constructor(credentials, cache){
        this.credentials = credentials;
        this.cache = cache;
    }
    async canActivate(context) {
        const request = context.switchToHttp().getRequest();
        request.principal = await this.authenticate(requireBearer(request), request.header('x-user-token'));
        return true;
    }
    async authenticate(bearer, actingFor) {
        const kind = (0, _tokens.tokenKind)(bearer);
        if (kind === 'user' && actingFor === undefined) return {
            user: await this.credential('user', bearer)
        };
        if (kind !== 'integration') throw _apperror.AppError.unauthenticated(wrongKind(bearer));
        const [integration, user] = await Promise.all([
            this.credential('integration', bearer),
            actingFor === undefined ? undefined : this.credential('user', actingFor.trim())
        ]);
        return {
            integration,
            ...user && {
                user
            }
        };
    }
    /** A token of this kind that is known, not revoked and not expired; anything else is 401. */ async credential(kind, token) {
        if ((0, _tokens.tokenKind)(token) !== kind) throw _apperror.AppError.unauthenticated(wrongKind(token));
        const hash = (0, _tokens.hashToken)(token);
        const found = await this.cache.through(`${kind}:${hash}`, ()=>kind === 'user' ? this.credentials.findUserToken(hash) : this.credentials.findIntegrationToken(hash));
        if (!found) throw _apperror.AppError.unauthenticated('unknown_token');
        if (found.revokedAt) throw _apperror.AppError.unauthenticated('revoked');
        if (found.expiresAt && found.expiresAt <= new Date()) throw _apperror.AppError.unauthenticated('expired');
        return {
            id: found.ownerId,
            tokenId: found.id
        };
    }
};
IntegrationAuthGuard = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _credentialsrepository.CredentialsRepository === "undefined" ? Object : _credentialsrepository.CredentialsRepository,
        typeof _credentialcache.CredentialCache === "undefined" ? Object : _credentialcache.CredentialCache
    ])
], IntegrationAuthGuard);
const CurrentPrincipal = (0, _common.createParamDecorator)((_, context)=>{
    const principal = context.switchToHttp().getRequest().principal;
    if (!principal) throw _apperror.AppError.unauthenticated('no_credentials');
    return principal;
});

//# sourceMappingURL=integration-auth.guard.js.map
