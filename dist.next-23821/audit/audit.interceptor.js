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
    get AuditInterceptor () {
        return AuditInterceptor;
    },
    get actionOf () {
        return actionOf;
    },
    get addAuditDetails () {
        return addAuditDetails;
    },
    get objectTypeOf () {
        return objectTypeOf;
    },
    get redactSecrets () {
        return redactSecrets;
    }
});
const _common = require("@nestjs/common");
const _constants = require("@nestjs/common/constants");
const _rxjs = require("rxjs");
const _globalexceptionfilter = require("../common/global-exception.filter");
const _auditeventsrepository = require("./audit-events.repository");
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
const SECRET_KEY = /secret|token(?!_prefix)|password|authorization|csrf/i;
/** Deeper than any body camlinks accepts (input-bounds.ts): a refused body is recorded this far. */ const MAX_RECORDED_DEPTH = 12;
/** jsonb cannot hold NUL: a refused body that carried one is recorded with U+FFFD in its place. */ const storable = (text)=>text.replaceAll('\0', '\uFFFD').toWellFormed();
function redactSecrets(value, depth = 0) {
    if (typeof value === 'string') return storable(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_RECORDED_DEPTH) return '[too deep]';
    if (Array.isArray(value)) return value.map((inner)=>redactSecrets(inner, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, inner])=>[
            storable(key),
            SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(inner, depth + 1)
        ]));
}
function addAuditDetails(request, details) {
    request.auditDetails = {
        ...request.auditDetails,
        ...details
    };
}
let AuditInterceptor = class AuditInterceptor {
    events;
    logger = new _common.Logger(AuditInterceptor.name);
    constructor(events){
        this.events = events;
    }
    intercept(context, next) {
        const request = context.switchToHttp().getRequest();
        if (request.method === 'GET' || request.method === 'HEAD') return next.handle();
        // Nest sets the status after interceptors run: read what it will be from the route.
        const successStatus = Reflect.getMetadata(_constants.HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
        return next.handle().pipe((0, _rxjs.mergeMap)((result)=>(0, _rxjs.from)(this.record(request, successStatus, result).then(()=>result))), (0, _rxjs.catchError)((error)=>(0, _rxjs.from)(this.record(request, (0, _globalexceptionfilter.toErrorResponse)(error).status)).pipe((0, _rxjs.mergeMap)(()=>(0, _rxjs.throwError)(()=>error)))));
    }
    async record(request, statusCode, result) {
        const routePath = routeOf(request);
        const params = request.params;
        const created = result;
        try {
            await this.events.append({
                actorType: request.admin ? 'admin' : 'unauthenticated',
                actor: request.admin?.name ?? _auditeventsrepository.NON_ADMIN_ACTORS.unknown,
                actorId: request.admin?.id ?? null,
                action: actionOf(request),
                objectType: objectTypeOf(routePath),
                objectId: redactSecrets(params.tokenId ?? params.id ?? params.uuid ?? created?.id ?? created?.uuid ?? null),
                outcome: statusCode < 400 ? 'success' : 'failure',
                statusCode,
                requestId: request.id ?? null,
                clientIp: request.ip ?? null,
                details: {
                    params: redactSecrets(params),
                    body: redactSecrets(request.body ?? null),
                    ...request.auditDetails
                }
            });
        } catch (error) {
            // The action itself has happened (or failed) already; losing its trail must be loud.
            this.logger.error(`Could not write audit event for ${request.method} ${routePath}: ${error.message}`);
        }
    }
};
AuditInterceptor = _ts_decorate([
    (0, _common.Injectable)(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _auditeventsrepository.AuditEventsRepository === "undefined" ? Object : _auditeventsrepository.AuditEventsRepository
    ])
], AuditInterceptor);
/** The matched route's template (`/api/v1/admin/links/:id/revoke`), or the path when none matched. */ const routeOf = (request)=>request.route?.path ?? request.path;
const actionOf = (request)=>`${request.method} ${routeOf(request)}`;
function objectTypeOf(route) {
    return route.replace(/^\/?(api\/v1\/)?(admin\/)?/i, '').split('/')[0];
}

//# sourceMappingURL=audit.interceptor.js.map
