#!/usr/bin/env node
// `npm start`, `npm run db:seed` and the like: build dist/ if the sources changed since the last
// build, then run the entry point in this same process, so the signals npm passes on (Ctrl-C,
// SIGTERM) reach camlinks itself and nothing is left listening.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { staleReason } = require('./build');

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('Usage: node scripts/run.js <entry in dist/, e.g. main> [args…]');
  process.exit(2);
}
if (staleReason()) {
  // In a child process: the compiler is not kept in the server's memory.
  const build = spawnSync(process.execPath, [join(__dirname, 'build.js')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
process.argv = [process.argv[0], join(__dirname, '..', 'dist', `${entry}.js`), ...args];
require(process.argv[1]);
