import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from './database-target';

const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);
const BUDGET = /^([1-9]\d*)\/([1-9]\d*)$/;
const budget = (fallback: string) =>
  z.string().regex(BUDGET, 'must be <requests>/<seconds>, e.g. 600/60').default(fallback);
const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);
/** What Express's 'trust proxy' takes, minus `true` (trusting every hop lets anyone choose their address). */
const isTrustedProxy = (item: string) => {
  const [address, bits, extra] = item.split('/');
  const version = isIP(address);
  if (PROXY_KEYWORDS.has(item)) return true;
  if (!version || extra !== undefined) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
};

/** Every environment variable camlinks reads. The README's configuration table mirrors this. */
const schema = z
  .object({
    PORT: int(0, 3000).pipe(z.number().max(65535)),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgresql:// URL')
      .optional(),
    DATABASE_POOL_SIZE: int(1, 10),
    DATABASE_CONNECT_TIMEOUT_MS: int(100, 1000),
    DATABASE_STATEMENT_TIMEOUT_MS: int(100, 2000),
    DATA_DIR: z.string().min(1).default('./data'),
    ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    LINK_TTL_DEFAULT: int(1, 3600),
    LINK_TTL_MAX: int(1, 86400),
    MAX_CAMERAS_PER_REQUEST: int(1, 30),
    ARCHIVE_SEGMENT_MAX_SECONDS: int(1, 86400),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
    SWAGGER_ENABLED: bool.default(true),
    USAGE_FLUSH_INTERVAL_MS: int(100, 5000),
    CHANGES_HEARTBEAT_INTERVAL_MS: int(100, 250),
    CHANGES_HEARTBEAT_TIMEOUT_MS: int(200, 1000),
    CACHE_MAX_MB: int(1, 24),
    FLUSSONIC_AUTH_DURATION_MAX: int(1, 10),
    SESSIONS_END_AT_EXPIRY: bool.default(true),
    KICKER_ENABLED: bool.default(true),
    EXPORTS_MAX_CONCURRENT: int(1, 2),
    CONSOLE_BUSIEST_MAX_AGE_S: int(0, 60),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
      .optional(),
    RATE_LIMIT_DISABLED: bool.default(false),
    RATE_LIMIT_INTEGRATION: budget('600/60'),
    RATE_LIMIT_VERIFY: budget('60000/60'),
    RATE_LIMIT_ADMIN: budget('300/60'),
    RATE_LIMIT_AUTH_FAILURES: budget('30/60'),
    TRUST_PROXY: z
      .string()
      .refine(
        (value) => /^\d+$/.test(value) || value === 'false' || list(value).every(isTrustedProxy),
        'must be a number of hops, false, or a comma-separated list of addresses, CIDR ranges, loopback, linklocal or uniquelocal',
      )
      .optional(),
    CORS_ORIGINS: z
      .string()
      .refine(
        (value) => list(value).every((origin) => origin === '*' || /^https?:\/\/[^/\s]+$/.test(origin)),
        'must be * or a comma-separated list of origins like https://vms.example.com',
      )
      .optional(),
    BODY_LIMIT_KB: int(1, 100),
    SWAGGER_REQUIRE_ADMIN: bool.default(false),
    SHUTDOWN_TIMEOUT_MS: int(0, 10_000),
    SHUTDOWN_DRAIN_MS: int(0, 5_000),
    LINK_RETENTION_DAYS: int(0, 90),
    AUDIT_RETENTION_DAYS: int(0, 365),
  })
  .refine((env) => env.CHANGES_HEARTBEAT_TIMEOUT_MS > env.CHANGES_HEARTBEAT_INTERVAL_MS, {
    path: ['CHANGES_HEARTBEAT_TIMEOUT_MS'],
    message: 'must exceed CHANGES_HEARTBEAT_INTERVAL_MS',
    when: ({ issues }) => !issues.some((issue) => String(issue.path?.[0]).startsWith('CHANGES_HEARTBEAT_')),
  })
  .refine((env) => env.SHUTDOWN_DRAIN_MS <= env.SHUTDOWN_TIMEOUT_MS, {
    path: ['SHUTDOWN_DRAIN_MS'],
    message: 'must not exceed SHUTDOWN_TIMEOUT_MS (the drain is part of the stop)',
    when: ({ issues }) => !issues.some((issue) => String(issue.path?.[0]).startsWith('SHUTDOWN_')),
  })
  .refine((env) => env.LINK_TTL_DEFAULT <= env.LINK_TTL_MAX, {
    path: ['LINK_TTL_DEFAULT'],
    message: 'must not exceed LINK_TTL_MAX',
    // Zod skips object refinements once any field failed; this one needs only its two fields.
    when: ({ issues }) =>
      !issues.some((issue) => issue.path?.[0] === 'LINK_TTL_DEFAULT' || issue.path?.[0] === 'LINK_TTL_MAX'),
  });

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Where a stop keeps the counters the database did not take (`spool` under DATA_DIR); null with DATA_DIR=memory://. */
  spoolDir: string | null;
  /** null: generate one for the embedded database, or keep the admin API closed on PostgreSQL. */
  adminToken: string | null;
  links: { ttlDefault: number; ttlMax: number; maxCameras: number; segmentMaxSeconds: number };
  logLevel: string;
  /** json: one JSON object per line (for collectors); pretty: readable lines for a terminal. */
  logFormat: 'json' | 'pretty';
  /** Set: GET /metrics asks for `Authorization: Bearer <it>`; null: /metrics is open (keep it off the public side). */
  metricsToken: string | null;
  swaggerEnabled: boolean;
  verification: { usageFlushMs: number; authDurationMax: number };
  /**
   * Ending viewing sessions that are running (src/kicks). `endAtExpiry`: a session ends when its
   * link (grant, token) expires; false lets a started video run on past expiry, while revocation,
   * a blocked camera and the rest still end it. `enabled` false: this instance never takes the
   * kicker's lock (it cannot reach the media servers' control APIs).
   */
  kicks: { endAtExpiry: boolean; enabled: boolean };
  /**
   * The change listener proves it still hears its channel (PostgreSQL only): a notification of
   * its own every `heartbeatMs`, which must arrive within `heartbeatTimeoutMs`.
   */
  changes: { heartbeatMs: number; heartbeatTimeoutMs: number };
  /** What the change-aware caches may hold together, in (estimated) MB; see CACHE_SHARES. */
  cache: { maxMb: number };
  /** Shared state for several instances (rate-limit counters); null: each instance keeps its own. */
  redisUrl: string | null;
  rateLimit: { disabled: boolean; budgets: RateBudgets };
  http: {
    /** Express's 'trust proxy': hops, or which proxies may set X-Forwarded-For; false: none. */
    trustProxy: false | number | string[];
    /** Origins allowed by CORS; empty: no CORS headers at all. */
    corsOrigins: string[];
    bodyLimitKb: number;
    swaggerRequireAdmin: boolean;
    /** How long a stop may take in all (drain, requests in flight, final flushes); the process exits by then. */
    shutdownTimeoutMs: number;
    /**
     * How long a stop keeps accepting requests first, answering readiness 503 and closing
     * keep-alive connections after their next answer, so that load balancers move away.
     */
    shutdownDrainMs: number;
  };
  /** Days to keep expired links and audit events; 0 keeps them forever. */
  retention: { linkDays: number; auditDays: number };
  /** CSV exports streaming at once on this instance; one more is answered 429. */
  exports: { maxConcurrent: number };
  /** How old the console overview's busiest cameras and integrations may be (it reads every link of a day); 0: never reused. */
  console: { busiestMaxAgeMs: number };
}

export interface RateBudget {
  limit: number;
  windowSeconds: number;
}

/**
 * Budgets per route group: the integration API, verification (media servers) and the admin API;
 * and failed or missing credentials per client address, on all three.
 */
export interface RateBudgets {
  integration: RateBudget;
  verify: RateBudget;
  admin: RateBudget;
  authFailures: RateBudget;
}

function toBudget(value: string): RateBudget {
  const [, limit, windowSeconds] = BUDGET.exec(value)!;
  return { limit: Number(limit), windowSeconds: Number(windowSeconds) };
}

function toTrustProxy(value: string | undefined): AppConfig['http']['trustProxy'] {
  if (value === undefined || value === 'false') return false;
  return /^\d+$/.test(value) ? Number(value) : list(value);
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

/** Parses the environment once; throws a ConfigError that lists every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty strings (as left by `FOO=` in an env file) mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: 'postgres',
          url: e.DATABASE_URL,
          poolSize: e.DATABASE_POOL_SIZE,
          timeouts: { connectMs: e.DATABASE_CONNECT_TIMEOUT_MS, statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS },
        }
      : { kind: 'embedded', dataDir: e.DATA_DIR === 'memory://' ? e.DATA_DIR : resolve(e.DATA_DIR) },
    spoolDir: e.DATA_DIR === 'memory://' ? null : join(resolve(e.DATA_DIR), 'spool'),
    adminToken: e.ADMIN_TOKEN ?? null,
    links: {
      ttlDefault: e.LINK_TTL_DEFAULT,
      ttlMax: e.LINK_TTL_MAX,
      maxCameras: e.MAX_CAMERAS_PER_REQUEST,
      segmentMaxSeconds: e.ARCHIVE_SEGMENT_MAX_SECONDS,
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN ?? null,
    swaggerEnabled: e.SWAGGER_ENABLED,
    verification: { usageFlushMs: e.USAGE_FLUSH_INTERVAL_MS, authDurationMax: e.FLUSSONIC_AUTH_DURATION_MAX },
    kicks: { endAtExpiry: e.SESSIONS_END_AT_EXPIRY, enabled: e.KICKER_ENABLED },
    changes: { heartbeatMs: e.CHANGES_HEARTBEAT_INTERVAL_MS, heartbeatTimeoutMs: e.CHANGES_HEARTBEAT_TIMEOUT_MS },
    cache: { maxMb: e.CACHE_MAX_MB },
    redisUrl: e.REDIS_URL ?? null,
    rateLimit: {
      disabled: e.RATE_LIMIT_DISABLED,
      budgets: {
        integration: toBudget(e.RATE_LIMIT_INTEGRATION),
        verify: toBudget(e.RATE_LIMIT_VERIFY),
        admin: toBudget(e.RATE_LIMIT_ADMIN),
        authFailures: toBudget(e.RATE_LIMIT_AUTH_FAILURES),
      },
    },
    http: {
      trustProxy: toTrustProxy(e.TRUST_PROXY),
      corsOrigins: e.CORS_ORIGINS ? list(e.CORS_ORIGINS) : [],
      bodyLimitKb: e.BODY_LIMIT_KB,
      swaggerRequireAdmin: e.SWAGGER_REQUIRE_ADMIN,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    },
    retention: { linkDays: e.LINK_RETENTION_DAYS, auditDays: e.AUDIT_RETENTION_DAYS },
    exports: { maxConcurrent: e.EXPORTS_MAX_CONCURRENT },
    console: { busiestMaxAgeMs: e.CONSOLE_BUSIEST_MAX_AGE_S * 1000 },
  };
}

/** For entry points: print the problems and exit instead of a stack trace. */
/** Where a client on this machine reaches the server: a wildcard HOST (all addresses) is reached on 127.0.0.1. */
export function localUrl(config: Pick<AppConfig, 'host' | 'port'>): string {
  const host = ['0.0.0.0', '::', ''].includes(config.host)
    ? '127.0.0.1'
    : config.host.includes(':')
      ? `[${config.host}]`
      : config.host;
  return `http://${host}:${config.port}`;
}

export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
