"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "requireAdminForDocs", {
    enumerable: true,
    get: function() {
        return requireAdminForDocs;
    }
});
const _throttler = require("@nestjs/throttler");
const _routegroups = require("../rate-limit/route-groups");
const _integrationauthguard = require("./integration-auth.guard");
function requireAdminForDocs(guard, failures) {
    const check = async (request, response)=>{
        const presented = (0, _integrationauthguard.bearerToken)(request) ?? basicPassword(request);
        // A browser's first request carries nothing, then the token it prompts for: only tries count.
        if (presented === undefined) return false;
        await failures?.admit(request, response, 'admin');
        return await guard.authenticate(presented) !== undefined;
    };
    return (request, response, next)=>{
        // The document names what the admin token can do: no shared cache keeps it, nor the refusals.
        response.setHeader('Cache-Control', 'no-store');
        check(request, response).then((admitted)=>{
            if (admitted) return next();
            response.status(401).set('WWW-Authenticate', 'Basic realm="camlinks API docs", charset="UTF-8"').json({
                message: 'Unauthenticated.'
            });
        }, (error)=>{
            if (!(error instanceof _throttler.ThrottlerException)) return next(error);
            response.status(429).json({
                message: _routegroups.TOO_MANY_REQUESTS_MESSAGE
            });
        });
    };
}
function basicPassword(request) {
    const encoded = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!encoded) return undefined;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? undefined : decoded.slice(colon + 1);
}

//# sourceMappingURL=admin-docs.middleware.js.map
