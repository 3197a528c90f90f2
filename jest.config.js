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

/** The same end-to-end suite runs once per database; test/support/test-app.ts reads TEST_DB. */
const e2e = (db) => ({
  ...shared,
  displayName: `e2e:${db}`,
  // *.postgres-spec.ts: only meaningful on a shared server (several instances, one database);
  // *.embedded-spec.ts: only on the embedded default (a first run with no configuration).
  testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', `<rootDir>/test/**/*.${db}-spec.ts`],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: [`<rootDir>/test/support/use-${db}.ts`],
});

module.exports = {
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
