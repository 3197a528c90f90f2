import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data with the admin API closed', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      database: { kind: 'embedded', dataDir: resolve('data') },
      spoolDir: resolve('data', 'spool'),
      adminToken: null,
      links: { ttlDefault: 3600, ttlMax: 86400, maxCameras: 30, segmentMaxSeconds: 86400 },
      logLevel: 'info',
      logFormat: 'json',
      metricsToken: null,
      swaggerEnabled: true,
      verification: { usageFlushMs: 5000, authDurationMax: 10 },
      kicks: { endAtExpiry: true, enabled: true },
      changes: { heartbeatMs: 250, heartbeatTimeoutMs: 1000 },
      cache: { maxMb: 24 },
      redisUrl: null,
      rateLimit: {
        disabled: false,
        budgets: {
          integration: { limit: 600, windowSeconds: 60 },
          verify: { limit: 60000, windowSeconds: 60 },
          admin: { limit: 300, windowSeconds: 60 },
          authFailures: { limit: 30, windowSeconds: 60 },
        },
      },
      http: {
        trustProxy: false,
        corsOrigins: [],
        bodyLimitKb: 100,
        swaggerRequireAdmin: false,
        shutdownTimeoutMs: 10000,
        shutdownDrainMs: 5000,
      },
      retention: { linkDays: 90, auditDays: 365 },
      exports: { maxConcurrent: 2 },
      console: { busiestMaxAgeMs: 60_000 },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://camlinks@db:5432/camlinks',
      DATABASE_POOL_SIZE: '4',
      ADMIN_TOKEN: 'a'.repeat(32),
      LINK_TTL_DEFAULT: '60',
      LINK_TTL_MAX: '600',
      MAX_CAMERAS_PER_REQUEST: '5',
      ARCHIVE_SEGMENT_MAX_SECONDS: '3600',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'pretty',
      METRICS_TOKEN: 'm'.repeat(32),
      SWAGGER_ENABLED: '0',
      USAGE_FLUSH_INTERVAL_MS: '250',
      CHANGES_HEARTBEAT_INTERVAL_MS: '500',
      CHANGES_HEARTBEAT_TIMEOUT_MS: '2000',
      CACHE_MAX_MB: '8',
      FLUSSONIC_AUTH_DURATION_MAX: '30',
      SESSIONS_END_AT_EXPIRY: 'false',
      KICKER_ENABLED: '0',
      EXPORTS_MAX_CONCURRENT: '4',
      CONSOLE_BUSIEST_MAX_AGE_S: '0',
      REDIS_URL: 'redis://cache:6379/0',
      RATE_LIMIT_DISABLED: 'true',
      RATE_LIMIT_INTEGRATION: '100/10',
      RATE_LIMIT_VERIFY: '5000/1',
      RATE_LIMIT_ADMIN: '30/60',
      RATE_LIMIT_AUTH_FAILURES: '10/600',
      TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1',
      CORS_ORIGINS: 'https://vms.example.com, http://localhost:8080',
      BODY_LIMIT_KB: '64',
      SWAGGER_REQUIRE_ADMIN: 'true',
      SHUTDOWN_TIMEOUT_MS: '2500',
      SHUTDOWN_DRAIN_MS: '1000',
      DATABASE_CONNECT_TIMEOUT_MS: '500',
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
      LINK_RETENTION_DAYS: '30',
      AUDIT_RETENTION_DAYS: '0',
    });
    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      database: {
        kind: 'postgres',
        url: 'postgresql://camlinks@db:5432/camlinks',
        poolSize: 4,
        timeouts: { connectMs: 500, statementMs: 1500 },
      },
      spoolDir: resolve('data', 'spool'),
      adminToken: 'a'.repeat(32),
      links: { ttlDefault: 60, ttlMax: 600, maxCameras: 5, segmentMaxSeconds: 3600 },
      logLevel: 'warn',
      logFormat: 'pretty',
      metricsToken: 'm'.repeat(32),
      swaggerEnabled: false,
      verification: { usageFlushMs: 250, authDurationMax: 30 },
      kicks: { endAtExpiry: false, enabled: false },
      changes: { heartbeatMs: 500, heartbeatTimeoutMs: 2000 },
      cache: { maxMb: 8 },
      redisUrl: 'redis://cache:6379/0',
      rateLimit: {
        disabled: true,
        budgets: {
          integration: { limit: 100, windowSeconds: 10 },
          verify: { limit: 5000, windowSeconds: 1 },
          admin: { limit: 30, windowSeconds: 60 },
          authFailures: { limit: 10, windowSeconds: 600 },
        },
      },
      http: {
        trustProxy: ['loopback', '10.0.0.0/8', 'fd00::1'],
        corsOrigins: ['https://vms.example.com', 'http://localhost:8080'],
        bodyLimitKb: 64,
        swaggerRequireAdmin: true,
        shutdownTimeoutMs: 2500,
        shutdownDrainMs: 1000,
      },
      retention: { linkDays: 30, auditDays: 0 },
      exports: { maxConcurrent: 4 },
      console: { busiestMaxAgeMs: 0 },
    });
  });

  it('trusts a number of proxy hops, or none', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
  });

  it('resolves DATA_DIR, except the in-memory database', () => {
    expect(loadConfig({ DATA_DIR: 'var/camlinks' }).database).toEqual({
      kind: 'embedded',
      dataDir: resolve('var/camlinks'),
    });
    expect(loadConfig({ DATA_DIR: 'memory://' }).database).toEqual({ kind: 'embedded', dataDir: 'memory://' });
  });

  it('lists every invalid variable at once', () => {
    const problems = problemsOf({
      PORT: 'abc',
      ADMIN_TOKEN: 'short',
      DATABASE_URL: 'mysql://x',
      LINK_TTL_DEFAULT: '100000',
      LOG_LEVEL: 'loud',
      SWAGGER_ENABLED: 'yes',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'ADMIN_TOKEN',
      'DATABASE_URL',
      'LINK_TTL_DEFAULT',
      'LOG_LEVEL',
      'PORT',
      'SWAGGER_ENABLED',
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'ADMIN_TOKEN: must be at least 32 characters',
        'DATABASE_URL: must be a postgresql:// URL',
        'LINK_TTL_DEFAULT: must not exceed LINK_TTL_MAX',
      ]),
    );
  });

  it('lists every invalid production setting', () => {
    const problems = problemsOf({
      REDIS_URL: 'http://cache',
      RATE_LIMIT_INTEGRATION: 'lots',
      RATE_LIMIT_VERIFY: '0/60',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'vms.example.com',
      RATE_LIMIT_DISABLED: 'yes',
      LINK_RETENTION_DAYS: '-1',
      METRICS_TOKEN: 'short',
      LOG_FORMAT: 'text',
      RATE_LIMIT_AUTH_FAILURES: '30',
    });
    expect(problems.map((problem) => problem.split(':')[0]).sort()).toEqual([
      'CORS_ORIGINS',
      'LINK_RETENTION_DAYS',
      'LOG_FORMAT',
      'METRICS_TOKEN',
      'RATE_LIMIT_AUTH_FAILURES',
      'RATE_LIMIT_DISABLED',
      'RATE_LIMIT_INTEGRATION',
      'RATE_LIMIT_VERIFY',
      'REDIS_URL',
      'TRUST_PROXY',
    ]);
    expect(problemsOf({ TRUST_PROXY: '10.0.0.0/33' })).toEqual([
      expect.stringMatching(/^TRUST_PROXY: must be a number of hops/),
    ]);
  });

  it('rejects out-of-range numbers', () => {
    expect(
      problemsOf({
        PORT: '70000',
        DATABASE_POOL_SIZE: '0',
        LINK_TTL_MAX: '1.5',
        MAX_CAMERAS_PER_REQUEST: '-1',
        EXPORTS_MAX_CONCURRENT: '0',
      }).map((problem) => problem.split(':')[0]),
    ).toEqual(['PORT', 'DATABASE_POOL_SIZE', 'LINK_TTL_MAX', 'MAX_CAMERAS_PER_REQUEST', 'EXPORTS_MAX_CONCURRENT']);
  });

  it('compares the TTLs only when both are valid numbers', () => {
    expect(problemsOf({ LINK_TTL_DEFAULT: 'soon' })).toEqual([
      'LINK_TTL_DEFAULT: Invalid input: expected number, received NaN',
    ]);
  });

  it('wants the heartbeat timeout longer than its interval, compared only when both are valid', () => {
    expect(problemsOf({ CHANGES_HEARTBEAT_INTERVAL_MS: '5000' })).toEqual([
      'CHANGES_HEARTBEAT_TIMEOUT_MS: must exceed CHANGES_HEARTBEAT_INTERVAL_MS',
    ]);
    expect(
      problemsOf({ CHANGES_HEARTBEAT_INTERVAL_MS: '10', CHANGES_HEARTBEAT_TIMEOUT_MS: '5' }).map(
        (problem) => problem.split(':')[0],
      ),
    ).toEqual(['CHANGES_HEARTBEAT_INTERVAL_MS', 'CHANGES_HEARTBEAT_TIMEOUT_MS']);
  });

  it('wants the drain within the stop it is part of', () => {
    expect(problemsOf({ SHUTDOWN_TIMEOUT_MS: '3000' })).toEqual([
      'SHUTDOWN_DRAIN_MS: must not exceed SHUTDOWN_TIMEOUT_MS (the drain is part of the stop)',
    ]);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '3000', SHUTDOWN_DRAIN_MS: '3000' }).http.shutdownDrainMs).toBe(3000);
  });

  it('treats an empty variable as unset', () => {
    const empty = {
      PORT: '',
      HOST: '',
      DATABASE_URL: '',
      DATA_DIR: '',
      ADMIN_TOKEN: '',
      LINK_TTL_DEFAULT: '',
      LOG_LEVEL: '',
      SWAGGER_ENABLED: '',
    };
    expect(loadConfig(empty)).toEqual(loadConfig({}));
  });
});
