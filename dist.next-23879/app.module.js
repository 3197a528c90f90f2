"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AppModule", {
    enumerable: true,
    get: function() {
        return AppModule;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _adminmodule = require("./admin/admin.module");
const _auditmodule = require("./audit/audit.module");
const _authmodule = require("./auth/auth.module");
const _camerasmodule = require("./cameras/cameras.module");
const _globalexceptionfilter = require("./common/global-exception.filter");
const _validation = require("./common/validation");
const _configmodule = require("./config/config.module");
const _databasemodule = require("./database/database.module");
const _healthmodule = require("./health/health.module");
const _kicksmodule = require("./kicks/kicks.module");
const _linksmodule = require("./links/links.module");
const _loggingmodule = require("./logging/logging.module");
const _metricsmodule = require("./metrics/metrics.module");
const _ratelimitmodule = require("./rate-limit/rate-limit.module");
const _retentionmodule = require("./retention/retention.module");
const _sessionsmodule = require("./sessions/sessions.module");
const _statsmodule = require("./stats/stats.module");
const _consolemodule = require("./console/console.module");
const _verificationmodule = require("./verification/verification.module");
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
let AppModule = class AppModule {
    static forRoot(config) {
        return {
            module: AppModule,
            imports: [
                _configmodule.ConfigModule.forRoot(config),
                _loggingmodule.LoggingModule.forRoot(config),
                _ratelimitmodule.RateLimitModule.forRoot(config),
                _databasemodule.DatabaseModule,
                _healthmodule.HealthModule,
                _metricsmodule.MetricsModule,
                _authmodule.AuthModule,
                _auditmodule.AuditModule,
                _camerasmodule.CamerasModule,
                _linksmodule.LinksModule,
                _sessionsmodule.SessionsModule,
                _verificationmodule.VerificationModule,
                _kicksmodule.KicksModule,
                _adminmodule.AdminModule,
                _retentionmodule.RetentionModule,
                _statsmodule.StatsModule,
                _consolemodule.ConsoleModule
            ],
            providers: [
                {
                    provide: _core.APP_PIPE,
                    useClass: _validation.ApiValidationPipe
                },
                {
                    provide: _core.APP_FILTER,
                    useClass: _globalexceptionfilter.GlobalExceptionFilter
                }
            ]
        };
    }
};
AppModule = _ts_decorate([
    (0, _common.Module)({})
], AppModule);

//# sourceMappingURL=app.module.js.map
