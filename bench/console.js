#!/usr/bin/env node
// The console's pages on a big database: seeds LINKS issued links (one INSERT … SELECT over
// generate_series, spread over 30 days, 30 cameras, 3 integrations, 20 users, 5 % revoked) and
// a month of hourly counters, signs in, and times each page. Run by bench/run.js after the load
// scenarios (same database and server); `node bench/console.js` runs it alone on its own database.
const { execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const { URLSearchParams } = require('node:url');
const { waitUntilReady } = require('./ready');
const { Client } = require('pg');

const ROOT = join(__dirname, '..');
const LINKS = Number(process.env.BENCH_CONSOLE_LINKS ?? 1_000_000);
const RUNS = 7;

/** Integrations, users and links straight into the database: the API would take an hour for a million. */
async function seed(databaseUrl, cameraUuids) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const integrations = (
      await client.query(
        `INSERT INTO integrations (id, name, updated_at) SELECT gen_random_uuid(), 'bench-console-' || i, now() FROM generate_series(1, 3) i RETURNING id`,
      )
    ).rows.map((row) => row.id);
    const users = (
      await client.query(
        `INSERT INTO users (id, name, updated_at) SELECT gen_random_uuid(), 'bench-user-' || i, now() FROM generate_series(1, 20) i RETURNING id`,
      )
    ).rows.map((row) => row.id);
    const started = Date.now();
    // Each seeded day in a partition of its own, as links issued on those days would be.
    await client.query(
      `SELECT camlinks_create_link_partitions(((now() - interval '31 days') AT TIME ZONE 'UTC')::date, (now() AT TIME ZONE 'UTC')::date)`,
    );
    await client.query(
      `INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at,
                                 integration_id, user_id, camera_generation, client_ip, revoked_at, revoked_by, revoked_reason, use_count, last_used_at)
       SELECT gen_random_uuid(), md5(i::text) || md5('x' || i), 'cll_' || substr(md5('p' || i), 1, 8), ($1::uuid[])[1 + i % array_length($1, 1)], 'high', 'bench',
              (ARRAY['preview', 'live', 'archive'])[1 + i % 3]::link_kind, (ARRAY['jpg', 'hls', 'mp4'])[1 + i % 3], 3600, at, at + interval '1 hour',
              ($2::uuid[])[1 + i % 3], CASE WHEN i % 4 = 0 THEN ($3::uuid[])[1 + i % 20] END, ($5::int[])[1 + i % array_length($1, 1)], '198.51.100.' || (i % 250),
              CASE WHEN i % 20 = 0 THEN at + interval '5 minutes' END, CASE WHEN i % 20 = 0 THEN 'bench' END, CASE WHEN i % 20 = 0 THEN 'bench' END,
              i % 7, CASE WHEN i % 7 > 0 THEN at + interval '1 minute' END
         FROM generate_series(1, $4::int) i, LATERAL (SELECT now() - (i * (interval '30 days' / $4::int))) t(at)`,
      [cameraUuids, integrations, users, LINKS, await generationsOf(client, cameraUuids)],
    );
    await client.query(
      `INSERT INTO hourly_stats (hour, metric, count)
       SELECT date_trunc('hour', now()) - h * interval '1 hour', m, 1000 + (h * 37) % 500 FROM generate_series(0, 719) h,
              unnest(ARRAY['issued', 'allowed', 'refused:expired', 'refused:wrong_resource']) m
       ON CONFLICT DO NOTHING`,
    );
    await client.query('VACUUM ANALYZE issued_links');
    // Write the seeded pages out now, not during the timed requests (in `npm run bench` this step
    // follows the load scenarios, whose dirty pages are still being written too).
    await client.query('CHECKPOINT');
    return { integrations, users, seedMs: Date.now() - started };
  } finally {
    await client.end();
  }
}

/**
 * The cameras' generations, in their order: a seeded link carries its camera's, as an issued one
 * does (with another, it reads as revoked: its camera is gone).
 */
async function generationsOf(client, cameraUuids) {
  const { rows } = await client.query(
    'SELECT generation FROM unnest($1::uuid[]) WITH ORDINALITY u(uuid, n) JOIN cameras c USING (uuid) ORDER BY n',
    [cameraUuids],
  );
  return rows.map((row) => row.generation);
}

async function signIn(base, adminToken) {
  const res = await fetch(`${base}/admin/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ token: adminToken }),
    redirect: 'manual',
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 303 || !cookie) throw new Error(`console sign-in failed: ${res.status}`);
  return cookie;
}

/** Median and worst of RUNS timed requests (after one untimed), in ms; loopback adds well under a millisecond. */
async function time(base, cookie, path) {
  const samples = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = process.hrtime.bigint();
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    if (i > 0) samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], max: samples[samples.length - 1] };
}

/** Seeds, then times every console page; returns rows for the report. */
async function measureConsole({ base, adminToken, databaseUrl, cameraUuids }) {
  const { integrations, users, seedMs } = await seed(databaseUrl, cameraUuids);
  console.log(`console: seeded ${LINKS} links in ${(seedMs / 1000).toFixed(1)} s`);
  const cookie = await signIn(base, adminToken);
  const anyLink = await (async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (
        await client.query(
          `SELECT id, token_prefix FROM issued_links ORDER BY issued_at LIMIT 1 OFFSET ${Math.floor(LINKS / 2)}`,
        )
      ).rows[0];
    } finally {
      await client.end();
    }
  })();
  const rows = await timePages(
    base,
    cookie,
    await consolePages(base, cookie, { cameraUuids, integrations, users, anyLink }),
  );
  return { links: LINKS, seedMs, rows };
}

/** The console's pages to time, as [label, path, index that serves it], for these seeded objects. */
async function consolePages(base, cookie, { cameraUuids, integrations, users, anyLink }) {
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 16);
  const dayBefore = new Date(Date.now() - 8 * 86_400_000).toISOString().slice(0, 16);
  const pages = [
    [
      'Overview',
      '/admin',
      'countByState (link_counts, one issued_at range per bucket expiring this minute), busiest (issued_at range), hourly_stats (primary key)',
    ],
    ['Links, no filter', '/admin/links', 'issued_links (issued_at, id)'],
    ['Links by camera', `/admin/links?camera_uuid=${cameraUuids[3]}`, 'issued_links (camera_uuid, issued_at)'],
    [
      'Links by integration',
      `/admin/links?integration_id=${integrations[1]}`,
      'issued_links (integration_id, issued_at)',
    ],
    ['Links by user', `/admin/links?user_id=${users[5]}`, 'issued_links (user_id, issued_at)'],
    ['Links by kind', '/admin/links?kind=archive', 'issued_links (issued_at, id), filtered'],
    [
      'Links, revoked',
      '/admin/links?status=revoked',
      'issued_links (issued_at, id) where revoked, each rule in force, (expires_at) where not revoked',
    ],
    [
      'Links issued in a day a week ago',
      `/admin/links?issued_from=${dayBefore}&issued_to=${weekAgo}`,
      'issued_links (issued_at, id)',
    ],
    [
      'Links by token prefix',
      `/admin/links?token_prefix=${anyLink.token_prefix}`,
      'issued_links (token_prefix text_pattern_ops), equality',
    ],
    [
      'Links by the first 7 characters of a token',
      `/admin/links?token_prefix=${anyLink.token_prefix.slice(0, 7)}`,
      'issued_links (token_prefix text_pattern_ops), LIKE',
    ],
    [
      'Links, suspended (none match)',
      '/admin/links?status=suspended',
      'issued_links (expires_at) where not revoked, bounded by LINK_TTL_MAX',
    ],
    ['Links, page 2 by camera', '', 'issued_links (camera_uuid, issued_at)'],
    ['A link', `/admin/links/${anyLink.id}`, 'issued_links primary key'],
    [
      'Bulk revoke confirmation (count) by camera',
      `/admin/links/revoke?camera_uuid=${cameraUuids[3]}`,
      'issued_links (camera_uuid, issued_at)',
    ],
    ['Audit events', '/admin/audit-events', 'audit_events (occurred_at, id)'],
  ];
  const firstPage = await fetch(`${base}/admin/links?camera_uuid=${cameraUuids[3]}`, { headers: { cookie } }).then(
    (r) => r.text(),
  );
  // Too few links for a second page (a small run): that row is left out.
  const next = /href="([^"]+)" rel="next"/.exec(firstPage);
  pages[11][1] = next?.[1].replace(/&amp;/g, '&');
  return pages.filter(([, path]) => path !== undefined);
}

/** Each page timed (median and max of RUNS), printed as it goes. */
async function timePages(base, cookie, pages) {
  const rows = [];
  for (const [label, path, index] of pages) {
    const { median, max } = await time(base, cookie, path);
    rows.push({ label, median, max, index });
    console.log(`console: ${label}: median ${median.toFixed(0)} ms, max ${max.toFixed(0)} ms`);
  }
  return rows;
}

function consoleReport(result) {
  return [
    `Console pages with ${result.links.toLocaleString('en')} links (seeded in ${(result.seedMs / 1000).toFixed(0)} s), ${RUNS} sequential requests each after one untimed, one signed-in session:`,
    '',
    '| page | median ms | max ms | index that serves it |',
    '|---|---|---|---|',
    ...result.rows.map((row) => `| ${row.label} | ${row.median.toFixed(0)} | ${row.max.toFixed(0)} | ${row.index} |`),
  ].join('\n');
}

/** On a database and a camlinks of its own: 30 cameras, then a million links seeded and every page timed. */
async function benchConsole() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `camlinks_bench_console_${Date.now()}`;
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const adminToken = randomBytes(32).toString('base64url');
  const port = Number(process.env.BENCH_CONSOLE_PORT ?? 3931);
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: url.toString(),
    ADMIN_TOKEN: adminToken,
    RATE_LIMIT_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  let server;
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/database/migrations/migrate.cli.js')], { env, stdio: 'inherit' });
    server = spawn(process.execPath, [join(ROOT, 'dist/main.js')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const base = `http://127.0.0.1:${port}`;
    await waitUntilReady(base, { server, attempts: 301 });
    const post = (path, body) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    const edge = await post('/api/v1/admin/media-servers', { name: 'bench-edge', base_url: 'http://127.0.0.1:8080' });
    const cameraUuids = [];
    for (let i = 0; i < 30; i++) {
      const camera = await post('/api/v1/admin/cameras', {
        name: `bench-${i}`,
        media_server_id: edge.id,
        streams: [{ type: 'high', name: `bench-${i}-hd` }],
        default_stream_type: 'high',
      });
      cameraUuids.push(camera.uuid);
    }
    return await measureConsole({ base, adminToken, databaseUrl: url.toString(), cameraUuids });
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('exit', resolve));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

module.exports = { benchConsole, consoleReport, consolePages, generationsOf, signIn, timePages };

if (require.main === module) {
  benchConsole()
    .then((result) => console.log(`\n${consoleReport(result)}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
