#!/usr/bin/env node
// Runs the Prisma CLI offline. The CLI fetches a native schema engine at every start,
// which cannot be downloaded here; `generate`, `validate` and `format` only need the
// path of an existing file (they run on WebAssembly). Migrations go through
// `npm run db:migrate` instead (src/database/migrations), never through this CLI.
const { spawnSync } = require('node:child_process');

const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= __filename;
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
