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
    get accessLog () {
        return accessLog;
    },
    get attachToLog () {
        return attachToLog;
    }
});
const _nodecrypto = require("node:crypto");
const REQUEST_ID_HEADER = 'x-request-id';
/**
 * The only request headers ever logged: known to carry no credential. Anything else (Cookie,
 * X-Api-Key, a header camlinks has never heard of) is left out, whatever it holds.
 */ const LOGGED_HEADERS = [
    'host',
    'user-agent',
    'content-type',
    'content-length',
    'accept',
    'x-original-method',
    'x-real-ip',
    'x-forwarded-for'
];
/** Polled constantly by load balancers and Prometheus: worth a line only when debugging. */ const QUIET_PATHS = /^\/(health|metrics)(\/|$)/;
const FIELDS = Symbol('accessLogFields');
function attachToLog(response, fields) {
    const carrier = response;
    carrier[FIELDS] = carrier[FIELDS] ? Object.assign(carrier[FIELDS], fields) : fields;
}
function requestId(request) {
    const incoming = request.headers[REQUEST_ID_HEADER];
    return typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : (0, _nodecrypto.randomUUID)();
}
function accessLog(logger) {
    return (request, response, next)=>{
        const started = performance.now();
        // Read now: routing rewrites request.url on its way.
        const { method, path } = request;
        const id = requestId(request);
        request.id = id;
        response.setHeader(REQUEST_ID_HEADER, id);
        response.once('close', ()=>{
            const status = response.writableFinished ? response.statusCode : undefined;
            // A client that goes away before its answer is not a fault of camlinks' (a server-side
            // failure is logged by the exception filter): a warning, not an error.
            const level = status === undefined ? 'warn' : status >= 500 ? 'error' : QUIET_PATHS.test(path) ? 'debug' : 'info';
            if (!logger.isLevelEnabled(level)) return;
            const headers = {};
            for (const name of LOGGED_HEADERS){
                const value = request.headers[name];
                if (value !== undefined) headers[name] = value;
            }
            logger[level]({
                req: {
                    id,
                    method,
                    path,
                    headers,
                    remoteAddress: request.ip
                },
                res: {
                    statusCode: status ?? null
                },
                responseTime: Math.round((performance.now() - started) * 10) / 10,
                ...response[FIELDS]
            }, status === undefined ? 'request aborted by the client' : 'request completed');
        });
        next();
    };
}

//# sourceMappingURL=access-log.js.map
