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
    get NestPinoLogger () {
        return NestPinoLogger;
    },
    get createLogger () {
        return createLogger;
    }
});
const _pino = require("pino");
const _pinopretty = require("pino-pretty");
const _scrubsecrets = require("./scrub-secrets");
function createLogger(config) {
    const stdout = (0, _pino.destination)(1);
    const prettify = config.logFormat === 'pretty' ? (0, _pinopretty.prettyFactory)({
        colorize: process.stdout.isTTY,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname,context,req,res,responseTime',
        messageFormat
    }) : undefined;
    const write = prettify ? (line)=>stdout.write(prettify(line)) : (line)=>stdout.write(line);
    return (0, _pino.pino)({
        level: config.logLevel
    }, {
        write: (line)=>write((0, _scrubsecrets.scrubSecrets)(line))
    });
}
/** One line a request for a person: `GET /api/v1/… 200 3.1 ms <request id>`; `[context] message` otherwise. */ function messageFormat(log) {
    if (log.req && log.res) return `${log.req.method} ${log.req.path} ${log.res.statusCode ?? 'aborted'} ${log.responseTime} ms ${log.req.id}`;
    return log.context ? `[${log.context}] ${log.msg}` : `${log.msg}`;
}
const NEST_START_UP_CONTEXTS = new Set([
    'NestFactory',
    'InstanceLoader',
    'RoutesResolver',
    'RouterExplorer',
    'NestApplication'
]);
let NestPinoLogger = class NestPinoLogger {
    logger;
    constructor(logger){
        this.logger = logger;
    }
    log(message, ...params) {
        // Nest's start-up report (every module, controller and route: ~100 lines) would bury the banner.
        this.write(NEST_START_UP_CONTEXTS.has(params[params.length - 1]) ? 'debug' : 'info', message, params);
    }
    error(message, ...params) {
        this.write('error', message, params);
    }
    warn(message, ...params) {
        this.write('warn', message, params);
    }
    debug(message, ...params) {
        this.write('debug', message, params);
    }
    verbose(message, ...params) {
        this.write('trace', message, params);
    }
    fatal(message, ...params) {
        this.write('fatal', message, params);
    }
    write(level, message, params) {
        if (!this.logger.isLevelEnabled(level)) return;
        // Nest passes (message, context) and, for errors, (message, stack, context).
        const context = params.length && typeof params[params.length - 1] === 'string' ? params[params.length - 1] : undefined;
        const stack = level === 'error' && params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
        const fields = {
            ...context && {
                context
            },
            ...stack && {
                stack
            }
        };
        if (message instanceof Error) this.logger[level]({
            ...fields,
            err: message
        }, message.message);
        else if (typeof message === 'object' && message !== null) this.logger[level]({
            ...fields,
            ...message
        });
        else this.logger[level](fields, String(message));
    }
};

//# sourceMappingURL=logger.js.map
