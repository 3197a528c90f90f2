"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "AdminAuthFailuresMiddleware", {
    enumerable: true,
    get: function() {
        return AdminAuthFailuresMiddleware;
    }
});
const _common = require("@nestjs/common");
const _metrics = require("../metrics/metrics");
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
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
let AdminAuthFailuresMiddleware = class AdminAuthFailuresMiddleware {
    events;
    metrics;
    logger = new _common.Logger('Audit');
    constructor(events, metrics){
        this.events = events;
        this.metrics = metrics;
    }
    use(req, res, next) {
        res.once('finish', ()=>{
            const refused = res.statusCode === 403 ? req.admin : undefined;
            if (res.statusCode !== 401 && !refused) return;
            if (!refused) this.metrics.adminAuthFailed();
            this.events.append({
                actorType: refused ? 'admin' : 'unauthenticated',
                actor: refused?.name ?? _auditeventsrepository.NON_ADMIN_ACTORS.unauthenticated,
                actorId: refused?.id ?? null,
                action: (0, _auditinterceptor.actionOf)(req),
                objectType: (0, _auditinterceptor.objectTypeOf)(req.route?.path ?? req.path),
                objectId: null,
                outcome: 'failure',
                statusCode: res.statusCode,
                requestId: req.id ?? null,
                clientIp: req.ip ?? null,
                details: refused ? {
                    role: refused.role
                } : {
                    credential: req.headers.authorization ? 'rejected' : 'missing'
                }
            }).catch((error)=>this.logger.error(`Could not write audit event for a failed admin authentication: ${error.message}`));
        });
        next();
    }
};
AdminAuthFailuresMiddleware = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _auditeventsrepository.AuditEventsRepository === "undefined" ? Object : _auditeventsrepository.AuditEventsRepository,
        typeof _metrics.Metrics === "undefined" ? Object : _metrics.Metrics
    ])
], AdminAuthFailuresMiddleware);

//# sourceMappingURL=admin-auth-failures.middleware.js.map
