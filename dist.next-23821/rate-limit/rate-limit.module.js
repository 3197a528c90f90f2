"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RateLimitModule", {
    enumerable: true,
    get: function() {
        return RateLimitModule;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _throttler = require("@nestjs/throttler");
const _rxjs = require("rxjs");
const _authfailures = require("./auth-failures");
const _redisthrottlerstorage = require("./redis-throttler.storage");
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
const GROUP = Symbol('rateLimitGroup');
/** The throttler asks several times per request; the route is looked at once. */ function groupOf(context) {
    const request = context.switchToHttp().getRequest();
    if (request[GROUP] === undefined) request[GROUP] = (0, _routegroups.matchedRouteGroup)(context.switchToHttp().getRequest()) ?? null;
    return request[GROUP] ?? undefined;
}
/**
 * The request budgets, applied after the route's guards: by then an integration or admin
 * credential is verified, and the budget is that credential's (route-groups.ts, trackerOf).
 * Global interceptors run before the controllers' own, so a refused request does no work.
 */ let RequestBudgetInterceptor = class RequestBudgetInterceptor {
    throttler;
    constructor(throttler){
        this.throttler = throttler;
    }
    intercept(context, next) {
        return (0, _rxjs.from)(this.throttler.canActivate(context)).pipe((0, _rxjs.mergeMap)(()=>next.handle()));
    }
};
RequestBudgetInterceptor = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _throttler.ThrottlerGuard === "undefined" ? Object : _throttler.ThrottlerGuard
    ])
], RequestBudgetInterceptor);
let RateLimitModule = class RateLimitModule {
    static forRoot(config) {
        if (config.rateLimit.disabled) return {
            module: RateLimitModule
        };
        const budget = (context)=>config.rateLimit.budgets[groupOf(context)];
        return {
            module: RateLimitModule,
            imports: [
                _throttler.ThrottlerModule.forRoot({
                    throttlers: [
                        {
                            limit: (context)=>budget(context).limit,
                            ttl: (context)=>budget(context).windowSeconds * 1000
                        }
                    ],
                    skipIf: (context)=>groupOf(context) === undefined,
                    getTracker: (request, context)=>(0, _routegroups.trackerOf)(groupOf(context), request),
                    // One budget per group and caller, whichever route of the group is called.
                    generateKey: (context, tracker)=>`${groupOf(context)}:${tracker}`,
                    errorMessage: _routegroups.TOO_MANY_REQUESTS_MESSAGE,
                    storage: config.redisUrl ? new _redisthrottlerstorage.RedisThrottlerStorage(config.redisUrl) : new _authfailures.MemoryThrottlerStorage()
                })
            ],
            providers: [
                _throttler.ThrottlerGuard,
                _authfailures.AuthFailureGuard,
                {
                    provide: _core.APP_GUARD,
                    useExisting: _authfailures.AuthFailureGuard
                },
                {
                    provide: _core.APP_INTERCEPTOR,
                    useClass: RequestBudgetInterceptor
                }
            ],
            // For the admin-only API docs, served outside Nest's routing (app.setup.ts).
            exports: [
                _authfailures.AuthFailureGuard
            ]
        };
    }
};
RateLimitModule = _ts_decorate([
    (0, _common.Module)({})
], RateLimitModule);

//# sourceMappingURL=rate-limit.module.js.map
