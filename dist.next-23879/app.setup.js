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
    get MEDIA_AUTH_BODY_LIMIT_KB () {
        return MEDIA_AUTH_BODY_LIMIT_KB;
    },
    get setUpApp () {
        return setUpApp;
    }
});
const _swagger = require("@nestjs/swagger");
const _express = require("express");
const _helmet = /*#__PURE__*/ _interop_require_default(require("helmet"));
const _adminauthguard = require("./auth/admin-auth.guard");
const _admindocsmiddleware = require("./auth/admin-docs.middleware");
const _authfailures = require("./rate-limit/auth-failures");
const _accesslog = require("./logging/access-log");
const _logger = require("./logging/logger");
const _loggingmodule = require("./logging/logging.module");
const _openapi = require("./openapi/openapi");
const _consolesetup = require("./console/console.setup");
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const MEDIA_AUTH_BODY_LIMIT_KB = 16;
function setUpApp(app, config) {
    const express = app;
    express.useLogger(app.get(_logger.NestPinoLogger));
    // First, so that every answer (a body refused by the parser included) has its id and its line.
    express.use((0, _accesslog.accessLog)(app.get(_loggingmodule.PINO_LOGGER)));
    express.disable('x-powered-by');
    // Every answer is fresh (links, decisions): hashing bodies for ETags would be wasted work.
    express.set('etag', false);
    // req.ip (rate limits, audit, issued links) comes from X-Forwarded-For only when set by these proxies.
    express.set('trust proxy', config.http.trustProxy);
    // Camlinks is often reached over plain HTTP inside a network: upgrading the docs' requests to HTTPS would break them.
    express.use((0, _helmet.default)({
        contentSecurityPolicy: {
            directives: {
                upgradeInsecureRequests: null
            }
        }
    }));
    if (config.http.corsOrigins.length) {
        express.enableCors({
            origin: config.http.corsOrigins.includes('*') ? '*' : config.http.corsOrigins,
            allowedHeaders: [
                'Authorization',
                'Content-Type',
                'X-User-Token',
                'X-Request-Id'
            ],
            exposedHeaders: [
                'X-Request-Id',
                'Retry-After'
            ],
            maxAge: 600
        });
    }
    // No answer of the API may be kept by a cache or a browser: links, tokens shown once, decisions,
    // and the errors too (before the body parsers, so a 400 or 413 has it as well).
    express.use('/api/v1', (_request, response, next)=>{
        response.setHeader('Cache-Control', 'no-store');
        next();
    });
    // Media servers post a few short fields; the parser that runs first reads the body, the other skips it.
    express.use('/api/v1/media-auth', (0, _express.json)({
        limit: `${MEDIA_AUTH_BODY_LIMIT_KB}kb`
    }));
    express.useBodyParser('json', {
        limit: `${config.http.bodyLimitKb}kb`
    });
    (0, _consolesetup.setUpConsole)(express);
    app.enableShutdownHooks();
    if (config.swaggerEnabled) {
        if (config.http.swaggerRequireAdmin) {
            const failures = config.rateLimit.disabled ? undefined : app.get(_authfailures.AuthFailureGuard);
            express.use([
                '/api/docs',
                '/api/docs-json',
                '/api/docs-yaml'
            ], (0, _admindocsmiddleware.requireAdminForDocs)(app.get(_adminauthguard.AdminAuthGuard), failures));
        }
        _swagger.SwaggerModule.setup('api/docs', app, (0, _openapi.buildOpenApiDocument)(app), {
            jsonDocumentUrl: 'api/docs-json'
        });
    }
}

//# sourceMappingURL=app.setup.js.map
