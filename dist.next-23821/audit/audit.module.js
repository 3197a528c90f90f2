"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AuditModule", {
    enumerable: true,
    get: function() {
        return AuditModule;
    }
});
const _common = require("@nestjs/common");
const _adminauthfailuresmiddleware = require("./admin-auth-failures.middleware");
const _auditeventsrepository = require("./audit-events.repository");
const _auditinterceptor = require("./audit.interceptor");
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
let AuditModule = class AuditModule {
    configure(consumer) {
        consumer.apply(_adminauthfailuresmiddleware.AdminAuthFailuresMiddleware).forRoutes({
            path: 'api/v1/admin/{*splat}',
            method: _common.RequestMethod.ALL
        });
    }
};
AuditModule = _ts_decorate([
    (0, _common.Global)(),
    (0, _common.Module)({
        providers: [
            _auditeventsrepository.AuditEventsRepository,
            _auditinterceptor.AuditInterceptor
        ],
        exports: [
            _auditeventsrepository.AuditEventsRepository,
            _auditinterceptor.AuditInterceptor
        ]
    })
], AuditModule);

//# sourceMappingURL=audit.module.js.map
