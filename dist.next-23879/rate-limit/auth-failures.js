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
    get AuthFailureGuard () {
        return AuthFailureGuard;
    },
    get MemoryThrottlerStorage () {
        return MemoryThrottlerStorage;
    },
    get markCredentialFailed () {
        return markCredentialFailed;
    }
});
const _common = require("@nestjs/common");
const _throttler = require("@nestjs/throttler");
const _configmodule = require("../config/config.module");
const _routegroups = require("./route-groups");
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
let MemoryThrottlerStorage = class MemoryThrottlerStorage extends _throttler.ThrottlerStorageService {
    blockedForMs(key) {
        const record = this.storage.get(key);
        return Promise.resolve(record?.isBlocked ? Math.max(0, record.blockExpiresAt - Date.now()) : 0);
    }
};
function markCredentialFailed(response) {
    response.locals.credentialFailed = true;
}
/** What counts as a failed or missing credential, by route group. */ function credentialFailed(group, response) {
    if (response.locals.credentialFailed) return true;
    // A 401 from verification is a viewer's missing link token: counting it against the media
    // server's address would let viewers lock every other viewer out.
    return group !== 'verify' && response.statusCode === 401;
}
/** How long an instance trusts what it last learnt of an address's block. */ const KNOWN_FOR_MS = 1000;
/** Addresses remembered at most; past it the memory starts afresh (each address asks the storage again). */ const KNOWN_MAX = 10_000;
let AuthFailureGuard = class AuthFailureGuard {
    storage;
    config;
    known = new Map();
    constructor(storage, config){
        this.storage = storage;
        this.config = config;
    }
    async canActivate(context) {
        const http = context.switchToHttp();
        const request = http.getRequest();
        const group = (0, _routegroups.matchedRouteGroup)(request);
        if (group) await this.admit(request, http.getResponse(), group);
        return true;
    }
    /**
   * Refuses (ThrottlerException, with Retry-After set) an address whose budget is spent, and
   * counts this request against it if it ends as a failed credential of `group`. Also for what
   * is served outside Nest's routing (the admin-only API docs).
   */ async admit(request, response, group) {
        const key = `auth-failures:address:${request.ip ?? 'unknown'}`;
        const now = Date.now();
        const blockedMs = await this.blockedUntil(key, now) - now;
        if (blockedMs > 0) {
            response.setHeader('Retry-After', Math.ceil(blockedMs / 1000));
            throw new _throttler.ThrottlerException(_routegroups.TOO_MANY_REQUESTS_MESSAGE);
        }
        response.once('finish', ()=>{
            if (credentialFailed(group, response)) void this.recordFailure(key);
        });
    }
    async blockedUntil(key, now) {
        const known = this.known.get(key);
        if (known && now < known.checkedUntil) return known.blockedUntil;
        const blockedUntil = now + await this.storage.blockedForMs(key);
        this.remember(key, {
            checkedUntil: now + KNOWN_FOR_MS,
            blockedUntil
        });
        return blockedUntil;
    }
    async recordFailure(key) {
        const { limit, windowSeconds } = this.config.rateLimit.budgets.authFailures;
        // The storage never rejects (Redis trouble lets requests through, with a warning).
        const { isBlocked, timeToBlockExpire } = await this.storage.increment(key, windowSeconds * 1000, limit, windowSeconds * 1000, 'auth-failures');
        if (isBlocked) {
            const blockedUntil = Date.now() + timeToBlockExpire * 1000;
            this.remember(key, {
                checkedUntil: blockedUntil,
                blockedUntil
            });
        }
    }
    remember(key, state) {
        if (this.known.size >= KNOWN_MAX) this.known.clear();
        this.known.set(key, state);
    }
};
AuthFailureGuard = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_throttler.ThrottlerStorage)),
    _ts_param(1, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof BlockAwareStorage === "undefined" ? Object : BlockAwareStorage,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], AuthFailureGuard);

//# sourceMappingURL=auth-failures.js.map
