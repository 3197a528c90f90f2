import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from '../database/database-target';

const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

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
    DATA_DIR: z.string().min(1).default('./data'),
    ADMIN_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    LINK_TTL_DEFAULT: int(1, 3600),
    LINK_TTL_MAX: int(1, 86400),
    PREVIEW_MAX_CAMERAS: int(1, 30),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SWAGGER_ENABLED: bool.default(true),
    USAGE_FLUSH_INTERVAL_MS: int(100, 5000),
    FLUSSONIC_AUTH_DURATION_MAX: int(1, 60),
  })
  .refine((env) => env.LINK_TTL_DEFAULT <= env.LINK_TTL_MAX, {
    path: ['LINK_TTL_DEFAULT'],
    message: 'must not exceed LINK_TTL_MAX',
    // Zod skips object refinements once any field failed; this one needs only its two fields.
    when: ({ issues }) => !issues.some((issue) => issue.path?.[0] === 'LINK_TTL_DEFAULT' || issue.path?.[0] === 'LINK_TTL_MAX'),
  });

export interface AppConfig {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** null: generate one for the embedded database, or keep the admin API closed on PostgreSQL. */
  adminToken: string | null;
  links: { ttlDefault: number; ttlMax: number; maxCameras: number };
  logLevel: string;
  swaggerEnabled: boolean;
  verification: { usageFlushMs: number; authDurationMax: number };
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
      ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE }
      : { kind: 'embedded', dataDir: e.DATA_DIR === 'memory://' ? e.DATA_DIR : resolve(e.DATA_DIR) },
    adminToken: e.ADMIN_TOKEN ?? null,
    links: { ttlDefault: e.LINK_TTL_DEFAULT, ttlMax: e.LINK_TTL_MAX, maxCameras: e.PREVIEW_MAX_CAMERAS },
    logLevel: e.LOG_LEVEL,
    swaggerEnabled: e.SWAGGER_ENABLED,
    verification: { usageFlushMs: e.USAGE_FLUSH_INTERVAL_MS, authDurationMax: e.FLUSSONIC_AUTH_DURATION_MAX },
  };
}

/** For entry points: print the problems and exit instead of a stack trace. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
