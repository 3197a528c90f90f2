#!/usr/bin/env node
// Renders docs/media-servers/nginx.conf and the snippet it includes into one folder, filling
// their {{…}} placeholders, so that `nginx -c <folder>/nginx.conf` runs them as published. The
// end-to-end tests and the benchmark start nginx from this output.
//   LISTEN=8080 CAMLINKS_ADDRESS=127.0.0.1:3000 MEDIA_ROOT=/srv/media MEDIA_SECRET=… node scripts/nginx-conf.js OUT_DIR
const { mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const SOURCE = join(__dirname, '../docs/media-servers');
const FILES = ['nginx.conf', 'nginx-auth-request.conf'];

/**
 * Writes both files into `outDir`. `values`: { LISTEN, CAMLINKS_ADDRESS, MEDIA_ROOT,
 * MEDIA_SECRET } and optionally CAMLINKS (default: the upstream `camlinks` that nginx.conf
 * declares). A placeholder left without a value is an error, not a broken nginx.
 * @param {string} outDir
 * @param {Record<string, string | undefined>} values
 * @returns {string} the path of the rendered nginx.conf
 */
function renderNginxConf(outDir, values) {
  const all = { CAMLINKS: 'camlinks', ...values };
  mkdirSync(outDir, { recursive: true });
  for (const file of FILES) {
    const text = readFileSync(join(SOURCE, file), 'utf8').replace(/\{\{(\w+)\}\}/g, (placeholder, name) => {
      const value = all[name];
      if (value === undefined || value === '') throw new Error(`${file}: no value for ${placeholder} (set ${name})`);
      return value;
    });
    writeFileSync(join(outDir, file), text);
  }
  return join(outDir, 'nginx.conf');
}

module.exports = { renderNginxConf };

if (require.main === module) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: LISTEN=… CAMLINKS_ADDRESS=… MEDIA_ROOT=… MEDIA_SECRET=… node scripts/nginx-conf.js OUT_DIR');
    process.exit(2);
  }
  try {
    const { LISTEN, CAMLINKS_ADDRESS, MEDIA_ROOT, MEDIA_SECRET } = process.env;
    console.log(`Wrote ${renderNginxConf(outDir, { LISTEN, CAMLINKS_ADDRESS, MEDIA_ROOT, MEDIA_SECRET })}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
