const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { availableParallelism } = require('node:os');
// Jest runs TypeScript through SWC (NestJS 12 ships ES modules that ts-jest cannot load on Node 20).
// The compiler options are the build's (scripts/build.js), so tests run what `npm start` runs.
const swc = ['@swc/jest', require('./scripts/build').SWC_COMPILE];
const esmPackages = [
  '@nestjs',
  'file-type',
  'token-types',
  'strtok3',
  'uint8array-extras',
  '@borewit',
  '@tokenizer',
  '@prisma/schema-engine-wasm',
];

const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc, '^.+\\.m?js$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
};

/**
 * The e2e files that run on PostgreSQL only, though they would pass on both: their subject sits
 * above the database (HTTP headers, in-memory rate limits, real nginx and ffmpeg, Prometheus
 * text), and every statement they reach is also reached by a file that runs on both. A new
 * *.e2e-spec.ts runs on both databases unless it is named here (DEVELOPERS.md, "Tests").
 */
const ABOVE_THE_DATABASE = [
  'admin-auth', // who may call the admin API: configuration and headers
  'cache-control', // a header on every operation
  'hardening', // security headers, CORS, the API docs switch
  'landing', // a static page
  'media-auth-oracle', // answers without the secret; verification's statements run in verification.e2e-spec.ts
  'metrics', // Prometheus text of in-memory counters
  'nginx', // a real nginx in front of previews
  'nginx-player', // a real player (ffmpeg) through a real nginx
  'rate-limits', // in-memory budgets
];

// A renamed file must not slip back onto both databases unnoticed, nor a stale name linger here.
for (const name of ABOVE_THE_DATABASE) {
  if (!existsSync(join(__dirname, 'test', `${name}.e2e-spec.ts`)))
    throw new Error(`jest.config.js: no test/${name}.e2e-spec.ts`);
}

/** The same end-to-end suite runs once per database; test/support/test-app.ts reads TEST_DB. */
const e2e = (db) => ({
  ...shared,
  displayName: `e2e:${db}`,
  // *.postgres-spec.ts: only meaningful on a shared server (several instances, one database);
  // *.embedded-spec.ts: only on the embedded default (a first run with no configuration).
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', `<rootDir>/test/**/*.${db}-spec.ts`],
  testPathIgnorePatterns:
    db === 'embedded' ? ['/node_modules/', `/test/(${ABOVE_THE_DATABASE.join('|')})\\.e2e-spec\\.ts$`] : [],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: [`<rootDir>/test/support/use-${db}.ts`],
});

module.exports = {
  // Jest's default is one worker per core but one, so a single file at a time (in band) on this
  // 2-core machine. An e2e file spends most of its time waiting (on PostgreSQL, timers, nginx or a
  // camlinks process): three at once keep both cores busy (DEVELOPERS.md, "Tests", has the figures).
  maxWorkers: Math.max(3, availableParallelism() - 1),
  // A global option (ignored per project): an app on the embedded database takes seconds to
  // start, and over 30 s was seen while other builds shared the 2 cores.
  testTimeout: 60_000,
  projects: [
    // Tiers: `unit` answers in seconds (pure code, no database, no app); `medium` boots the app
    // or the migration engine in process (the OpenAPI document, migration diffs); e2e per database.
    {
      ...shared,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/src/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.js',
        '<rootDir>/test/support/**/*.spec.ts',
      ],
    },
    { ...shared, displayName: 'medium', testMatch: ['<rootDir>/src/**/*.medium-spec.ts'] },
    e2e('postgres'),
    e2e('embedded'),
  ],
};
