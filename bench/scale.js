#!/usr/bin/env node
// The scale benchmark of issue 22: `npm run bench:scale -- --links N` (default 1,000,000; the
// issue's figure is 10,000,000, the same command). On a database of its own it seeds N links
// (60 days, 2,000 cameras, 50 integrations, 20 users, 5 % revoked; links of two integrations,
// issued in the last 30 days, have a TTL of 30 days, the rest an hour), starts two camlinks instances, keeps a paced verification load
// on 1,000 warm links of other cameras on both, and prints:
//   - the console's pages (median ms) before the storms and after the storms and the purge;
//   - the storm timeline: per second and instance, verifications answered, p50/p99 ms and the
//     entries of the in-process caches (camlinks_cache_entries from /metrics), around a
//     revocation of N/100 and of N/10 links (100 k and 1 M at 10 M links);
//   - the export's effect: verification p99 on the exporting instance, quiet and during a CSV
//     export of a week of links (1.17 M rows at 10 M links);
//   - the longest statements on the database from the storms to the end of the purge, and how
//     many ran over 5 s;
//   - the purge: the retention job itself (bench/purge.js; whole day partitions dropped) on the
//     links expired more than 30 days ago, while the verification load goes on: time, rows,
//     partitions, the dead rows and table size left, and verification p50/p99 beside it.
// The instances run with camlinks' defaults (a 2 s statement timeout among them), but for a
// LINK_TTL_MAX of 30 days, the TTL the seeded links of the two integrations were issued with (the
// listings bound their scans of unexpired links by it). `--keep`
// leaves the database behind for a look at its plans.
const { execFile, execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { promisify } = require('node:util');
const { Worker } = require('node:worker_threads');
const { Client } = require('pg');
const { consolePages, generationsOf, signIn, timePages } = require('./console');
const { waitUntilReady } = require('./ready');

const ROOT = join(__dirname, '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const LINKS = option('links', 1_000_000);
/** --keep: leave the seeded database for a look at its plans afterwards (drop it yourself). */
const KEEP = args.includes('--keep');
const CAMERAS = 2000;
const INTEGRATIONS = 50;
const USERS = 20;
const WARM = 1000;
/** The TTL of the storm integrations' seeded links, and the instances' LINK_TTL_MAX. */
const LONG_TTL_S = 30 * 86400;
/**
 * The quiet the storms and the export are compared with: 3,000 answers an instance, for a p99 that
 * holds still (over 10 s it was an instance's tenth slowest answer, and moved 1.5-2x between runs).
 */
const QUIET_MS = 30_000;
/** From the start of the verification load until the warm links are in the caches. */
const WARM_UP_MS = 8000;
/** Verification requests per second per instance, paced. */
const RATE = option('rate', 100);
const PORT = option('port', 3941);

/** issued_links and its indexes: the sum over its partitions (a partitioned table has no storage of its own). */
const PARTITIONS_SIZE =
  "(SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'issued_links'::regclass)";

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0;

/**
 * Every link straight into the database (one INSERT … SELECT, as bench/console.js): issued over
 * 60 days (times to the millisecond, as camlinks writes them); integration 0 holds 10 % of the
 * links and integration 1 1 %, all issued in the last 30 days with a TTL of 30 days (the
 * storms revoke them; integration 1's have odd numbers, none among the revoked); the rest
 * have an hour's TTL, so the days before those 30 hold only expired links (the purge drops them).
 * Every 20th link is revoked.
 */
async function seed(db, cameraUuids, integrations, users) {
  const started = Date.now();
  // A partition per day first, as camlinks makes them ahead: else the history lands in DEFAULT.
  await db.query(
    `SELECT camlinks_create_link_partitions(((now() - interval '61 days') AT TIME ZONE 'UTC')::date, (now() AT TIME ZONE 'UTC')::date)`,
  );
  await db.query(
    `INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at,
                               integration_id, user_id, camera_generation, client_ip, revoked_at, revoked_by, revoked_reason, use_count, last_used_at)
     SELECT gen_random_uuid(), md5(i::text) || md5('x' || i), 'cll_' || substr(md5('p' || i), 1, 8), ($1::uuid[])[1 + i % array_length($1, 1)], 'high', 'bench',
            (ARRAY['preview', 'live', 'archive'])[1 + i % 3]::link_kind, (ARRAY['jpg', 'hls', 'mp4'])[1 + i % 3], ttl, at, at + ttl * interval '1 second',
            ($2::uuid[])[1 + g], CASE WHEN i % 4 = 0 THEN ($3::uuid[])[1 + i % $5::int] END, ($7::int[])[1 + i % array_length($1, 1)], '198.51.100.' || (i % 250),
            CASE WHEN i % 20 = 0 THEN at + interval '5 minutes' END, CASE WHEN i % 20 = 0 THEN 'bench' END, CASE WHEN i % 20 = 0 THEN 'bench' END,
            i % 7, CASE WHEN i % 7 > 0 THEN at + interval '1 minute' END
       FROM generate_series(1, $4::int) i,
            LATERAL (SELECT date_trunc('milliseconds', now() - interval '1 hour' - (i * (interval '60 days' / $4::int)))) t(at),
            LATERAL (SELECT CASE WHEN at < now() - interval '30 days' THEN 2 + i % ($6::int - 2)
                                 WHEN i % 50 < 10 THEN 0 WHEN i % 50 = 11 THEN 1 ELSE 2 + i % ($6::int - 2) END) k(g),
            LATERAL (SELECT CASE WHEN g < 2 THEN $8::int ELSE 3600 END) d(ttl)`,
    [cameraUuids, integrations, users, LINKS, USERS, INTEGRATIONS, await generationsOf(db, cameraUuids), LONG_TTL_S],
  );
  await db.query('VACUUM ANALYZE issued_links');
  await db.query('CHECKPOINT');
  return Date.now() - started;
}

/**
 * Paced verification on both instances, each over its share of the warm links, each timed on a
 * thread of its own (bench/verification-load.js); the samples are there once it has stopped.
 */
function verificationLoad(bases, warm) {
  const paths = warm.map((url) => `${url.pathname}${url.search}`);
  const samples = bases.map(() => []);
  const workers = bases.map(
    (base, offset) =>
      new Worker(join(__dirname, 'verification-load.js'), { workerData: { base, paths, rate: RATE, offset } }),
  );
  const done = workers.map(
    (worker, instance) =>
      new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', (received) => {
          samples[instance] = received;
          resolve(worker.terminate());
        });
      }),
  );
  return {
    samples,
    async stop() {
      for (const worker of workers) worker.postMessage('stop');
      await Promise.all(done);
    },
  };
}

/** Cache entries of each instance, scraped every second. */
function cacheWatch(bases) {
  const seen = bases.map(() => []);
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(
        bases.map(async (base, instance) => {
          const text = await fetch(`${base}/metrics`)
            .then((res) => res.text())
            .catch(() => '');
          const entries = /^camlinks_cache_entries (\d+)/m.exec(text);
          if (entries) seen[instance].push({ at: Date.now(), entries: Number(entries[1]) });
        }),
      );
      await sleep(1000);
    }
  })();
  return {
    seen,
    async stop() {
      running = false;
      await loop;
    },
  };
}

/**
 * The statements camlinks runs on the bench database, sampled every 200 ms from pg_stat_activity
 * (on a connection of its own; the benchmark's own, such as its VACUUM, and parallel workers,
 * whose leader is listed, left out): the longest seen, by the start of its text, and how many
 * ran over 5 s (the issue's bound for a revocation's statements).
 */
function statementWatch(url, benchPid) {
  const longest = new Map();
  let running = true;
  const db = new Client({ connectionString: url });
  const loop = (async () => {
    await db.connect();
    while (running) {
      const { rows } = await db.query(
        `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 70) AS query, query_start, extract(epoch FROM clock_timestamp() - query_start) * 1000 AS ms
           FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND pid <> $1`,
        [benchPid],
      );
      for (const row of rows) {
        const key = `${row.query}@${row.query_start.toISOString()}`;
        longest.set(key, { query: row.query, ms: Math.max(Number(row.ms), longest.get(key)?.ms ?? 0) });
      }
      await sleep(200);
    }
    await db.end();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const all = [...longest.values()].sort((x, y) => y.ms - x.ms);
      return { top: all.slice(0, 3), over5s: all.filter((statement) => statement.ms > 5000).length };
    },
  };
}

function stats(samples) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    count: samples.length,
    p50: percentile(ms, 0.5),
    p99: percentile(ms, 0.99),
    failed: samples.filter((s) => !s.ok).length,
  };
}

/** Per second from `from` to `to` (ms epoch), per instance: rate, p50, p99, cache entries. */
function timeline(load, caches, from, to, events) {
  const rows = [];
  for (let second = from; second < to; second += 1000) {
    const cells = load.samples.map((samples, instance) => {
      const s = stats(samples.filter((x) => x.at >= second && x.at < second + 1000));
      const cache = caches.seen[instance].filter((x) => x.at < second + 1000).at(-1)?.entries ?? '';
      return `${s.count} | ${s.p50.toFixed(1)} | ${s.p99.toFixed(1)} | ${cache}`;
    });
    const marks = events.filter((e) => e.at >= second && e.at < second + 1000).map((e) => e.label);
    rows.push(`| ${Math.round((second - from) / 1000)} | ${cells.join(' | ')} | ${marks.join('; ')} |`);
  }
  return rows;
}

async function main() {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `camlinks_bench_scale_${Date.now()}`;
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  const adminToken = randomBytes(32).toString('base64url');
  const env = (port) => ({
    PATH: process.env.PATH,
    DATABASE_URL: url.toString(),
    ADMIN_TOKEN: adminToken,
    RATE_LIMIT_DISABLED: 'true',
    LINK_TTL_MAX: String(LONG_TTL_S),
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
  });
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const servers = [];
  const db = new Client({ connectionString: url.toString() });
  const out = [];
  const print = (line = '') => {
    out.push(line);
  };
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/database/migrations/migrate.cli.js')], {
      env: env(PORT),
      stdio: 'inherit',
    });
    const bases = [PORT, PORT + 1].map((port) => `http://127.0.0.1:${port}`);
    for (const [i, base] of bases.entries()) {
      const server = spawn(process.execPath, [join(ROOT, 'dist/main.js')], {
        env: env(PORT + i),
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      servers.push(server);
      await waitUntilReady(base, { server, attempts: 301 });
    }
    const [a] = bases;
    const call = (method, path, body, base = a) =>
      fetch(`${base}${path}`, {
        method,
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: body && JSON.stringify(body),
      });
    const post = async (path, body) => (await call('POST', path, body)).json();
    await db.connect();
    const edge = await post('/api/v1/admin/media-servers', { name: 'bench-edge', base_url: 'http://127.0.0.1:8080' });
    const camera = (name) =>
      post('/api/v1/admin/cameras', {
        name,
        media_server_id: edge.id,
        streams: [{ type: 'high', name: `${name}-hd` }],
        default_stream_type: 'high',
      }).then((created) => created.uuid);
    const cameraUuids = [];
    for (let i = 0; i < CAMERAS; i += 20) {
      cameraUuids.push(...(await Promise.all(Array.from({ length: 20 }, (_, j) => camera(`bench-${i + j}`)))));
    }
    const integrations = (
      await db.query(
        `INSERT INTO integrations (id, name, updated_at) SELECT gen_random_uuid(), 'bench-scale-' || i, now() FROM generate_series(1, $1::int) i RETURNING id`,
        [INTEGRATIONS],
      )
    ).rows.map((row) => row.id);
    const users = (
      await db.query(
        `INSERT INTO users (id, name, updated_at) SELECT gen_random_uuid(), 'bench-user-' || i, now() FROM generate_series(1, $1::int) i RETURNING id`,
        [USERS],
      )
    ).rows.map((row) => row.id);
    console.log(`scale: seeding ${LINKS.toLocaleString('en')} links…`);
    const seedMs = await seed(db, cameraUuids, integrations, users);
    const size = (await db.query(`SELECT pg_size_pretty(${PARTITIONS_SIZE}) AS size`)).rows[0].size;
    console.log(`scale: seeded in ${(seedMs / 1000).toFixed(0)} s (${size} with indexes)`);
    // The hourly retention pass would have folded the counts of 60 days' expired links as they
    // expired: the job once, purging nothing (LINK_RETENTION_DAYS=0), does it for the seeded history.
    const folded = await retentionPass(url, '0');
    const buckets = (await db.query('SELECT count(*) AS n FROM link_counts')).rows[0].n;
    console.log(`scale: retention pass in ${folded.ms} ms; link_counts holds ${buckets} rows`);

    // The warm set: 1,000 links of 100 cameras of their own, issued through the API.
    const own = await post('/api/v1/admin/integrations', { name: 'bench-warm' });
    const { token } = await post(`/api/v1/admin/integrations/${own.id}/tokens`, {});
    const warmCameras = [];
    for (let i = 0; i < 100; i++) warmCameras.push(await camera(`bench-warm-${i}`));
    const warm = [];
    for (let i = 0; warm.length < WARM; i++) {
      const res = await fetch(`${a}/api/v1/cameras/preview`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          cameras: warmCameras.slice((i % 10) * 10, (i % 10) * 10 + 10).map((uuid) => ({ uuid })),
          ttl: 3600,
        }),
      });
      if (res.status !== 200) throw new Error(`preview: ${res.status} ${await res.text()}`);
      for (const link of await res.json()) warm.push(new URL(link.url));
    }

    const cookie = await signIn(a, adminToken);
    // A link of about 15 days ago: its page is timed again after the purge, which drops the links
    // expired over 30 days ago (the median link, of about 30 days ago, was sometimes among them).
    const anyLink = (
      await db.query(`SELECT id, token_prefix FROM issued_links ORDER BY issued_at DESC LIMIT 1 OFFSET $1`, [
        Math.floor(LINKS / 4),
      ])
    ).rows[0];
    const pages = await consolePages(a, cookie, { cameraUuids, integrations, users, anyLink });
    const pagesBefore = await timePages(a, cookie, pages);

    // Storms: revocations of N/100 and N/10 links under paced verification on both instances.
    const load = verificationLoad(bases, warm);
    const caches = cacheWatch(bases);
    const statements = statementWatch(url.toString(), db.processID);
    const events = [];
    const startedAt = Date.now();
    // The caches fill in the first seconds; the QUIET_MS after are the quiet the storms compare to.
    const warmedAt = startedAt + WARM_UP_MS;
    await sleep(WARM_UP_MS + QUIET_MS);
    const storms = [];
    for (const [label, integration, issuedAfter] of [
      ['storm N/100', integrations[1], null],
      ['storm N/10', integrations[0], null],
    ]) {
      const sent = Date.now();
      events.push({ at: sent, label: `${label} sent` });
      const res = await call('POST', '/api/v1/admin/links/revoke', {
        integration_id: integration,
        ...(issuedAfter && { issued_after: issuedAfter }),
        reason: 'bench storm',
      });
      const body = await res.json().catch(() => ({}));
      const answeredMs = Date.now() - sent;
      events.push({ at: Date.now(), label: `${label} answered ${res.status}` });
      storms.push({
        label,
        status: res.status,
        answeredMs,
        sent,
        revocation: res.status === 202 ? body.id : undefined,
        count: body.count ?? body.revoked ?? JSON.stringify(body).slice(0, 80),
      });
      console.log(`scale: ${label}: ${res.status} in ${answeredMs} ms, ${JSON.stringify(body).slice(0, 120)}`);
      await sleep(10_000);
    }
    const stormsEnd = Date.now();

    // A 202's rows are marked by one instance's job. The export is measured against a quiet that
    // is quiet (the marking competes for the same cores), and the purge, which takes a lock on
    // issued_links its batches would hold it from, comes after them as it would an hour later.
    for (const storm of storms.filter((s) => s.revocation)) {
      let progress;
      do {
        await sleep(500);
        progress = await (await call('GET', `/api/v1/admin/revocations/${storm.revocation}`)).json();
      } while (progress.state !== 'done' && Date.now() - storm.sent < 600_000);
      // When the job finished, not when this loop saw it.
      storm.markedMs = progress.finished_at ? Date.parse(progress.finished_at) - storm.sent : undefined;
      storm.count = progress.marked;
      console.log(
        `scale: ${storm.label}: ${progress.state}, ${progress.marked} marked ${storm.markedMs} ms after it was sent`,
      );
    }
    const markedAt = Date.now();
    // The marking leaves a million updated rows over 30 partitions, which autovacuum would work
    // through during the next quiet (in one run its p99 rose to 17 ms, from 5-10). Vacuumed now,
    // as autovacuum would, and then no autovacuum worker left on the database.
    const vacuumed = await vacuumSettled(db);
    console.log(`scale: the marking's rows vacuumed, autovacuum idle, in ${vacuumed} ms`);
    // The export: a week of links as CSV from instance A (1.17 M rows at 10 M links), while the load goes on. Quiet first.
    const quietFrom = Date.now();
    await sleep(QUIET_MS);
    const quietTo = Date.now();
    const exportFrom = Date.now();
    events.push({ at: exportFrom, label: 'export started' });
    const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
    // Received by a process of its own: the 339 MB download does not share the load generator's event loop.
    const { stdout: downloaded } = await promisify(execFile)(
      process.execPath,
      [join(__dirname, 'download.js'), `${a}/api/v1/admin/links.csv?issued_from=${encodeURIComponent(weekAgo)}`],
      { env: { ...process.env, AUTHORIZATION: `Bearer ${adminToken}` } },
    );
    const { bytes, rows } = JSON.parse(downloaded);
    const exportTo = Date.now();
    events.push({ at: exportTo, label: 'export ended' });
    const inWindow = (instance, from, to) => load.samples[instance].filter((s) => s.at >= from && s.at < to);

    // The purge: the retention job itself, once (LINK_RETENTION_DAYS=30), while the load goes on.
    // A failed purge is a finding to print, not the end of the run.
    const partitionCount = async () =>
      Number(
        (await db.query(`SELECT count(*) AS n FROM pg_inherits WHERE inhparent = 'issued_links'::regclass`)).rows[0].n,
      );
    const partitionsBefore = await partitionCount();
    const purgeStarted = Date.now();
    const purge = await retentionPass(url, '30').catch((error) => {
      const reason = /Message: `([^`]+)`/.exec(String(error.stderr))?.[1] ?? error.message.split('\n')[0];
      return { links: 0, ms: Date.now() - purgeStarted, failed: reason };
    });
    // A request sent before its end, held up by it, is answered after it: a second more counts.
    const purgeEnded = Date.now() + 1000;
    await sleep(2000);
    await load.stop();
    await caches.stop();
    const longest = await statements.stop();
    const [purged, purgeMs] = [purge.links, purge.ms];
    const partitionsAfter = await partitionCount();
    // The verification beside it: from the purge process's start (it runs the job once it is up) to its end.
    const purgeLoad = [0, 1].map((instance) => ({
      during: stats(inWindow(instance, purgeStarted, purgeEnded)),
      slowest: Math.max(0, ...inWindow(instance, purgeStarted, purgeEnded).map((sample) => sample.ms)),
    }));
    await db.query('ANALYZE issued_links');
    const after = (
      await db.query(
        `SELECT sum(n_dead_tup) AS dead, sum(n_live_tup) AS live, pg_size_pretty(${PARTITIONS_SIZE}) AS size
           FROM pg_stat_user_tables WHERE relname LIKE 'issued\\_links\\_%'`,
      )
    ).rows[0];
    const pagesAfter = await timePages(a, cookie, pages);

    print(`## Scale: ${LINKS.toLocaleString('en')} links (\`npm run bench:scale -- --links ${LINKS}\`)`);
    print();
    print(
      `Seeded in ${(seedMs / 1000).toFixed(0)} s; issued_links ${size} with indexes. Two instances; verification at ${RATE}/s on each, over ${WARM} warm links of other cameras.`,
    );
    print();
    print('| page | median ms before | median ms after storms and purge |');
    print('|---|---|---|');
    pagesBefore.forEach((row, i) =>
      print(`| ${row.label} | ${row.median.toFixed(0)} | ${pagesAfter[i].median.toFixed(0)} |`),
    );
    print();
    print('| revocation | status | answered in ms | revoked | rows all marked after ms |');
    print('|---|---|---|---|---|');
    for (const storm of storms)
      print(`| ${storm.label} | ${storm.status} | ${storm.answeredMs} | ${storm.count} | ${storm.markedMs ?? '—'} |`);
    print();
    print(
      `Statements from the storms to the end of the purge (pg_stat_activity every 200 ms): ${longest.over5s} over 5 s; the longest: ${longest.top.map((statement) => `${statement.ms.toFixed(0)} ms \`${statement.query}…\``).join(', ')}.`,
    );
    print();
    const stormsFrom = storms[0].sent;
    // The quiet p99 every ratio is taken against: the 30 s before the storms and the 30 s before
    // the export together, 6,000 answers an instance (one 30 s window's p99 ranged 3.9-17.6 ms over seven runs).
    const quiet = [0, 1].map((instance) => ({
      beforeStorms: stats(inWindow(instance, warmedAt, stormsFrom)),
      beforeExport: stats(inWindow(instance, quietFrom, quietTo)),
      both: stats([...inWindow(instance, warmedAt, stormsFrom), ...inWindow(instance, quietFrom, quietTo)]),
    }));
    print(
      'Verification p99 (ms) quiet (the 30 s before the storms; the 30 s after the marking, before the export; both together), during the storms (from the first sent to 10 s after the second) and through the marking (to its last batch):',
    );
    print();
    print(
      '| verification | quiet p99 before storms / before export | quiet p50 | quiet p99 | storms p50 | storms p99 | ratio | through the marking p99 | ratio |',
    );
    print('|---|---|---|---|---|---|---|---|---|');
    for (const instance of [0, 1]) {
      const { beforeStorms, beforeExport, both } = quiet[instance];
      const during = stats(inWindow(instance, stormsFrom, stormsEnd));
      const marking = stats(inWindow(instance, stormsFrom, markedAt));
      print(
        `| instance ${'AB'[instance]} | ${beforeStorms.p99.toFixed(1)} / ${beforeExport.p99.toFixed(1)} | ${both.p50.toFixed(1)} | ${both.p99.toFixed(1)} | ${during.p50.toFixed(1)} | ${during.p99.toFixed(1)} | ${(during.p99 / both.p99).toFixed(2)} | ${marking.p99.toFixed(1)} | ${(marking.p99 / both.p99).toFixed(2)} |`,
      );
    }
    print();
    print('Storm timeline (per second; per instance: verifications answered, p50 ms, p99 ms, cache entries):');
    print();
    print('| s | A n | A p50 | A p99 | A cache | B n | B p50 | B p99 | B cache | event |');
    print('|---|---|---|---|---|---|---|---|---|---|');
    for (const row of timeline(load, caches, startedAt, stormsEnd, events)) print(row);
    print();
    print(
      `Export of a week of links from instance A: ${rows.toLocaleString('en')} lines, ${(bytes / 2 ** 20).toFixed(0)} MB in ${((exportTo - exportFrom) / 1000).toFixed(1)} s (${Math.round(rows / ((exportTo - exportFrom) / 1000)).toLocaleString('en')} rows/s).`,
    );
    print();
    print('| verification | quiet p50 | quiet p99 | during export p50 | during export p99 | p99 ratio |');
    print('|---|---|---|---|---|---|');
    for (const instance of [0, 1]) {
      const { both } = quiet[instance];
      const during = stats(inWindow(instance, exportFrom, exportTo));
      print(
        `| instance ${['A (exporting)', 'B'][instance]} | ${both.p50.toFixed(1)} | ${both.p99.toFixed(1)} | ${during.p50.toFixed(1)} | ${during.p99.toFixed(1)} | ${(during.p99 / both.p99).toFixed(2)} |`,
      );
    }
    print();
    print(
      `Purge (the retention job, links expired > 30 days: whole day partitions dropped, under the verification load): ${purge.failed ? `**failed after ${(purgeMs / 1000).toFixed(1)} s: ${purge.failed}**` : `${purged.toLocaleString('en')} links in ${(purgeMs / 1000).toFixed(1)} s`}; ${partitionsBefore - partitionsAfter} partitions dropped; left ${Number(after.dead).toLocaleString('en')} dead rows, ${Number(after.live).toLocaleString('en')} live, ${after.size}.`,
    );
    print();
    print('| verification | quiet p50 | quiet p99 | during purge p50 | during purge p99 | slowest during purge |');
    print('|---|---|---|---|---|---|');
    for (const [instance, { during, slowest }] of purgeLoad.entries())
      print(
        `| instance ${'AB'[instance]} | ${quiet[instance].both.p50.toFixed(1)} | ${quiet[instance].both.p99.toFixed(1)} | ${during.p50.toFixed(1)} | ${during.p99.toFixed(1)} | ${slowest.toFixed(1)} |`,
      );
    console.log(`\n${out.join('\n')}`);
  } finally {
    await db.end().catch(() => undefined);
    for (const server of servers) {
      if (server.exitCode === null) {
        server.kill('SIGTERM');
        await new Promise((resolve) => server.on('exit', resolve));
      }
    }
    if (KEEP) console.log(`scale: kept the database (--keep): ${url}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  }
}

/** VACUUM (ANALYZE) issued_links, then until no autovacuum worker has run on the database for 5 s (at most 5 minutes); ms taken. */
async function vacuumSettled(db) {
  const started = Date.now();
  await db.query('VACUUM (ANALYZE) issued_links');
  for (let idleSince = Date.now(); Date.now() - idleSince < 5000 && Date.now() - started < 300_000;) {
    await sleep(500);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'autovacuum worker'`,
    );
    if (rows[0].n > 0) idleSince = Date.now();
  }
  return Date.now() - started;
}

/** The retention job once (bench/purge.js: the app's own code) with this LINK_RETENTION_DAYS; its result and ms. */
async function retentionPass(url, linkRetentionDays) {
  const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'purge.js')], {
    env: { ...process.env, DATABASE_URL: url.toString(), LINK_RETENTION_DAYS: linkRetentionDays, LOG_LEVEL: 'fatal' },
  });
  return JSON.parse(stdout);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
