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
    get WritesOwnAuditEvent () {
        return WritesOwnAuditEvent;
    },
    get auditedActions () {
        return auditedActions;
    },
    get auditedObjectTypes () {
        return auditedObjectTypes;
    }
});
const _common = require("@nestjs/common");
const _constants = require("@nestjs/common/constants");
const _core = require("@nestjs/core");
const _auditinterceptor = require("./audit.interceptor");
const WRITES_OWN_AUDIT_EVENT = 'camlinks:writes-own-audit-event';
const WritesOwnAuditEvent = ()=>(0, _common.SetMetadata)(WRITES_OWN_AUDIT_EVENT, true);
/** Where AdminAuthFailuresMiddleware records refused credentials, whatever the method. */ const ADMIN_API = /^\/api\/v1\/admin\//;
function auditedActions(app) {
    const actions = new Set();
    const scanner = new _core.MetadataScanner();
    for (const module of app.get(_core.ModulesContainer).values()){
        for (const { metatype } of module.controllers.values()){
            if (typeof metatype !== 'function') continue;
            const controller = metatype;
            const intercepted = (target)=>(Reflect.getMetadata(_constants.INTERCEPTORS_METADATA, target) ?? []).includes(_auditinterceptor.AuditInterceptor);
            const prefixes = [
                Reflect.getMetadata(_constants.PATH_METADATA, controller)
            ].flat();
            // Inherited handlers too (TokensController's routes live on its base class).
            for (const name of scanner.getAllMethodNames(controller.prototype)){
                const handler = controller.prototype[name];
                if (typeof handler !== 'function' || Reflect.getMetadata(_constants.METHOD_METADATA, handler) === undefined) continue;
                const method = _common.RequestMethod[Reflect.getMetadata(_constants.METHOD_METADATA, handler)];
                const changes = method !== 'GET' && method !== 'HEAD' && (intercepted(controller) || intercepted(handler));
                for (const route of routesOf(prefixes, [
                    Reflect.getMetadata(_constants.PATH_METADATA, handler)
                ].flat())){
                    if (changes || ADMIN_API.test(route) || Reflect.getMetadata(WRITES_OWN_AUDIT_EVENT, handler)) actions.add(`${method} ${route}`);
                }
            }
        }
    }
    return [
        ...actions
    ].sort();
}
function auditedObjectTypes(actions) {
    return [
        ...new Set(actions.map((action)=>(0, _auditinterceptor.objectTypeOf)(action.split(' ')[1])))
    ].sort();
}
/** Routes as Express matches them (request.route.path): one leading slash, none trailing. */ function routesOf(prefixes, paths) {
    const trimmed = (part)=>(part ?? '').replace(/^\/+|\/+$/g, '');
    return prefixes.flatMap((prefix)=>paths.map((path)=>`/${[
                trimmed(prefix),
                trimmed(path)
            ].filter(Boolean).join('/')}`));
}

//# sourceMappingURL=audited-actions.js.map
