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
    get TOO_MANY_REQUESTS_MESSAGE () {
        return TOO_MANY_REQUESTS_MESSAGE;
    },
    get matchedRouteGroup () {
        return matchedRouteGroup;
    },
    get routeGroupOf () {
        return routeGroupOf;
    },
    get trackerOf () {
        return trackerOf;
    }
});
const TOO_MANY_REQUESTS_MESSAGE = 'Too Many Attempts.';
function routeGroupOf(path) {
    if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
    if (!path.startsWith('/api/v1/')) return undefined;
    if (path.startsWith('/api/v1/media-auth/')) return 'verify';
    if (path.startsWith('/api/v1/admin/')) return 'admin';
    return 'integration';
}
function matchedRouteGroup(request) {
    const template = request.route?.path;
    return typeof template === 'string' ? routeGroupOf(template) : undefined;
}
function trackerOf(group, request) {
    const credential = group === 'integration' ? (request.principal?.integration ?? request.principal?.user)?.tokenId : group === 'admin' ? request.admin?.id : undefined;
    return credential ? `credential:${credential}` : `address:${request.ip ?? 'unknown'}`;
}

//# sourceMappingURL=route-groups.js.map
