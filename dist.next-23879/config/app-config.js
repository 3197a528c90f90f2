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
    get ConfigError () {
        return ConfigError;
    },
    get loadConfig () {
        return loadConfig;
    },
    get loadConfigOrExit () {
        return loadConfigOrExit;
    },
    get localUrl () {
        return localUrl;
    }
});
const _nodenet = require("node:net");
const _nodepath = require("node:path");
const _zod = require("zod");
const bool = _zod.z.enum([
    'true',
    'false',
    '1',
    '0'
]).transform((value)=>value === 'true' || value === '1');
const int = (min, fallback)=>_zod.z.coerce.number().int().min(min).default(fallback);
const BUDGET = /^([1-9]\d*)\/([1-9]\d*)$/;
const budget = (fallback)=>_zod.z.string().regex(BUDGET, 'must be <requests>/<seconds>, e.g. 600/60').default(fallback);
const list = (value)=>value.split(',').map((item)=>item.trim()).filter(Boolean);
const PROXY_KEYWORDS = new Set([
    'loopback',
    'linklocal',
    'uniquelocal'
]);
/** What Express's 'trust proxy' takes, minus `true` (trusting every hop lets anyone choose their address). */ const isTrustedProxy = (item)=>{
    const [address, bits, extra] = item.split('/');
    const version = (0, _nodenet.isIP)(address);
    if (PROXY_KEYWORDS.has(item)) return true;
    if (!version || extra !== undefined) return false;
    return bits === undefined || /^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
};
/** Every environment variable camlinks reads. The README's configuration table mirrors this. */ const schema = _zod.z.object({
    PORT: int(0, 3000).pipe(_zod.z.number().max(65535)),
    HOST: _zod.z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: _zod.z.string().regex(/^postgres(ql)?:\/\/.+/, 'must be a postgresql:// URL').optional(),
    DATABASE_POOL_SIZE: int(1, 10),
    DATABASE_CONNECT_TIMEOUT_MS: int(100, 1000),
    DATABASE_STATEMENT_TIMEOUT_MS: int(100, 2000),
    DATA_DIR: _zod.z.string().min(1).default('./data'),
    ADMIN_TOKEN: _zod.z.string().min(32, 'must be at least 32 characters').optional(),
    METRICS_TOKEN: _zod.z.string().min(32, 'must be at least 32 characters').optional(),
    LINK_TTL_DEFAULT: int(1, 3600),
    LINK_TTL_MAX: int(1, 86400),
    MAX_CAMERAS_PER_REQUEST: int(1, 30),
    ARCHIVE_SEGMENT_MAX_SECONDS: int(1, 86400),
    LOG_LEVEL: _zod.z.enum([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent'
    ]).default('info'),
    LOG_FORMAT: _zod.z.enum([
        'json',
        'pretty'
    ]).default('json'),
    SWAGGER_ENABLED: bool.default(true),
    USAGE_FLUSH_INTERVAL_MS: int(100, 5000),
    CHANGES_HEARTBEAT_INTERVAL_MS: int(100, 250),
    CHANGES_HEARTBEAT_TIMEOUT_MS: int(200, 1000),
    CACHE_MAX_MB: int(1, 24),
    FLUSSONIC_AUTH_DURATION_MAX: int(1, 10),
    SESSIONS_END_AT_EXPIRY: bool.default(true),
    KICKER_ENABLED: bool.default(true),
    REDIS_URL: _zod.z.string().regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL').optional(),
    RATE_LIMIT_DISABLED: bool.default(false),
    RATE_LIMIT_INTEGRATION: budget('600/60'),
    RATE_LIMIT_VERIFY: budget('60000/60'),
    RATE_LIMIT_ADMIN: budget('300/60'),
    RATE_LIMIT_AUTH_FAILURES: budget('30/60'),
    TRUST_PROXY: _zod.z.string().refine((value)=>/^\d+$/.test(value) || value === 'false' || list(value).every(isTrustedProxy), 'must be a number of hops, false, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal').optional(),
    CORS_ORIGINS: _zod.z.string().refine((value)=>list(value).every((origin)=>origin === '*' || /^https?:\/\/[^/\s]+$/.test(origin)), 'must be * or a comma-separated list of origins like https://vms.example.com').optional(),
    BODY_LIMIT_KB: int(1, 100),
    SWAGGER_REQUIRE_ADMIN: bool.default(false),
    SHUTDOWN_TIMEOUT_MS: int(0, 10_000),
    SHUTDOWN_DRAIN_MS: int(0, 5_000),
    LINK_RETENTION_DAYS: int(0, 90),
    AUDIT_RETENTION_DAYS: int(0, 365)
}).refine((env)=>env.CHANGES_HEARTBEAT_TIMEOUT_MS > env.CHANGES_HEARTBEAT_INTERVAL_MS, {
    path: [
        'CHANGES_HEARTBEAT_TIMEOUT_MS'
    ],
    message: 'must exceed CHANGES_HEARTBEAT_INTERVAL_MS',
    when: ({ issues })=>!issues.some((issue)=>String(issue.path?.[0]).startsWith('CHANGES_HEARTBEAT_'))
}).refine((env)=>env.SHUTDOWN_DRAIN_MS <= env.SHUTDOWN_TIMEOUT_MS, {
    path: [
        'SHUTDOWN_DRAIN_MS'
    ],
    message: 'must not exceed SHUTDOWN_TIMEOUT_MS (the drain is part of the stop)',
    when: ({ issues })=>!issues.some((issue)=>String(issue.path?.[0]).startsWith('SHUTDOWN_'))
}).refine((env)=>env.LINK_TTL_DEFAULT <= env.LINK_TTL_MAX, {
    path: [
        'LINK_TTL_DEFAULT'
    ],
    message: 'must not exceed LINK_TTL_MAX',
    // Zod skips object refinements once any field failed; this one needs only its two fields.
    when: ({ issues })=>!issues.some((issue)=>issue.path?.[0] === 'LINK_TTL_DEFAULT' || issue.path?.[0] === 'LINK_TTL_MAX')
});
function toBudget(value) {
    const [, limit, windowSeconds] = BUDGET.exec(value);
    return {
        limit: Number(limit),
        windowSeconds: Number(windowSeconds)
    };
}
function toTrustProxy(value) {
    if (value === undefined || value === 'false') return false;
    return /^\d+$/.test(value) ? Number(value) : list(value);
}
let ConfigError = class ConfigError extends Error {
    problems;
    constructor(problems){
        super(`Invalid configuration:\n${problems.map((problem)=>`  - ${problem}`).join('\n')}`), this.problems = problems;
    }
};
function loadConfig(env = process.env) {
    // Empty strings (as left by `FOO=` in an env file) mean "not set".
    const present = Object.fromEntries(Object.entries(env).filter(([, value])=>value !== ''));
    const parsed = schema.safeParse(present);
    if (!parsed.success) {
        throw new ConfigError(parsed.error.issues.map((issue)=>`${issue.path.join('.')}: ${issue.message}`));
    }
    const e = parsed.data;
    return {
        port: e.PORT,
        host: e.HOST,
        database: e.DATABASE_URL ? {
            kind: 'postgres',
            url: e.DATABASE_URL,
            poolSize: e.DATABASE_POOL_SIZE,
            timeouts: {
                connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
                statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS
            }
        } : {
            kind: 'embedded',
            dataDir: e.DATA_DIR === 'memory://' ? e.DATA_DIR : (0, _nodepath.resolve)(e.DATA_DIR)
        },
        spoolDir: e.DATA_DIR === 'memory://' ? null : (0, _nodepath.join)((0, _nodepath.resolve)(e.DATA_DIR), 'spool'),
        adminToken: e.ADMIN_TOKEN ?? null,
        links: {
            ttlDefault: e.LINK_TTL_DEFAULT,
            ttlMax: e.LINK_TTL_MAX,
            maxCameras: e.MAX_CAMERAS_PER_REQUEST,
            segmentMaxSeconds: e.ARCHIVE_SEGMENT_MAX_SECONDS
        },
        logLevel: e.LOG_LEVEL,
        logFormat: e.LOG_FORMAT,
        metricsToken: e.METRICS_TOKEN ?? null,
        swaggerEnabled: e.SWAGGER_ENABLED,
        verification: {
            usageFlushMs: e.USAGE_FLUSH_INTERVAL_MS,
            authDurationMax: e.FLUSSONIC_AUTH_DURATION_MAX
        },
        kicks: {
            endAtExpiry: e.SESSIONS_END_AT_EXPIRY,
            enabled: e.KICKER_ENABLED
        },
        changes: {
            heartbeatMs: e.CHANGES_HEARTBEAT_INTERVAL_MS,
            heartbeatTimeoutMs: e.CHANGES_HEARTBEAT_TIMEOUT_MS
        },
        cache: {
            maxMb: e.CACHE_MAX_MB
        },
        redisUrl: e.REDIS_URL ?? null,
        rateLimit: {
            disabled: e.RATE_LIMIT_DISABLED,
            budgets: {
                integration: toBudget(e.RATE_LIMIT_INTEGRATION),
                verify: toBudget(e.RATE_LIMIT_VERIFY),
                admin: toBudget(e.RATE_LIMIT_ADMIN),
                authFailures: toBudget(e.RATE_LIMIT_AUTH_FAILURES)
            }
        },
        http: {
            trustProxy: toTrustProxy(e.TRUST_PROXY),
            corsOrigins: e.CORS_ORIGINS ? list(e.CORS_ORIGINS) : [],
            bodyLimitKb: e.BODY_LIMIT_KB,
            swaggerRequireAdmin: e.SWAGGER_REQUIRE_ADMIN,
            shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
            shutdownDrainMs: e.SHUTDOWN_DRAIN_MS
        },
        retention: {
            linkDays: e.LINK_RETENTION_DAYS,
            auditDays: e.AUDIT_RETENTION_DAYS
        }
    };
}
function localUrl(config) {
    const host = [
        '0.0.0.0',
        '::',
        ''
    ].includes(config.host) ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
    return `http://${host}:${config.port}`;
}
function loadConfigOrExit(env = process.env) {
    try {
        return loadConfig(env);
    } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        console.error(error.message);
        process.exit(1);
    }
}

//# sourceMappingURL=app-config.js.map
