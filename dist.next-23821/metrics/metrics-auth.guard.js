"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "MetricsAuthGuard", {
    enumerable: true,
    get: function() {
        return MetricsAuthGuard;
    }
});
const _common = require("@nestjs/common");
const _nodecrypto = require("node:crypto");
const _tokens = require("../auth/tokens");
const _integrationauthguard = require("../auth/integration-auth.guard");
const _apperror = require("../common/app-error");
const _configmodule = require("../config/config.module");
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
let MetricsAuthGuard = class MetricsAuthGuard {
    expected;
    constructor(config){
        this.expected = config.metricsToken ? Buffer.from((0, _tokens.hashToken)(config.metricsToken)) : undefined;
    }
    canActivate(context) {
        if (!this.expected) return true;
        const presented = (0, _integrationauthguard.bearerToken)(context.switchToHttp().getRequest());
        if (!presented) throw _apperror.AppError.unauthenticated('no_credentials');
        if (!(0, _nodecrypto.timingSafeEqual)(Buffer.from((0, _tokens.hashToken)(presented)), this.expected)) throw _apperror.AppError.unauthenticated('unknown_token');
        return true;
    }
};
MetricsAuthGuard = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_param(0, (0, _common.Inject)(_configmodule.APP_CONFIG)),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], MetricsAuthGuard);

//# sourceMappingURL=metrics-auth.guard.js.map
