#!/usr/bin/env node
// `npm run bench`: camlinks on a fresh PostgreSQL database, driven from a separate process at
// 32 connections. Writes docs/BENCHMARKS.md. Numbers describe this machine; tests assert none.
const { execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { cpus, loadavg, tmpdir, totalmem } = require('node:os');
const { join } = require('node:path');
const { waitUntilReady } = require('./ready');
const { Client } = require('pg');
const { measureStart } = require('./start');
const { benchConsole, consoleReport } = require('./console');

const ROOT = join(__dirname, '..');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = 32;
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const CAMERAS = 30;
/** Enough to fill the link-state cache at the default CACHE_MAX_MB, with room to spare. */
const FILL_MAX_LINKS = Number(process.env.BENCH_FILL_MAX_LINKS ?? 60_000);
/** As the Dockerfile runs camlinks (its NODE_OPTIONS). */
const SERVER_NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=384 --max-semi-space-size=4';

/** Issue 11's targets, as ratios to the same run's ceiling where the machine's speed would otherwise decide. */
const TARGETS = [
  ['preview(1) ≥ 50 % of the ceiling', (r) => r.preview1.requestsPerSecond / r.ceiling.requestsPerSecond >= 0.5],
  ["preview(1) p99 ≤ 1.5 × the ceiling's p99", (r) => r.preview1.p99 <= 1.5 * r.ceiling.p99],
  ['preview(30) p50 ≤ 2 × preview(1) p50', (r) => r.preview30.p50 <= 2 * Math.max(r.preview1.p50, 1)],
  ['verify hit ≥ 90 % of the ceiling', (r) => r.verifyHit.requestsPerSecond / r.ceiling.requestsPerSecond >= 0.9],
  ['verify miss ≥ 50 % of the ceiling', (r) => r.verifyMiss.requestsPerSecond / r.ceiling.requestsPerSecond >= 0.5],
  ['server RSS ≤ 250 MB', (r) => r.peakRssMb <= 250],
  ['recording sessions costs verify hit ≤ 5 %', (r) => r.sessionsAB.cost <= 0.05],
  ['embedded, existing data: first answer ≤ 3 s', (r) => r.start.existing.firstAnswerMs <= 3000],
  ['embedded, fresh folder: first answer ≤ 6 s', (r) => r.start.fresh.firstAnswerMs <= 6000],
];

async function sql(url, statement) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function databaseUrl(name) {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Resident memory of a process, in MB, from /proc. */
function rssMb(pid, field = 'VmRSS') {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return Number(line.split(/\s+/)[1]) / 1024;
}

function load(scenario, seconds) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'load.js'), JSON.stringify({ ...scenario, connections: CONNECTIONS, seconds })],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited with ${code}`)),
    );
  });
}

/** One scenario: warm-up, then measured load, sampling the RSS of `pids` (summed). */
async function measure(scenario, url, pids, ceiling) {
  const run = { ...scenario, url };
  await load(run, WARMUP_SECONDS);
  let peak = 0;
  const sampler = setInterval(
    () =>
      (peak = Math.max(
        peak,
        pids.reduce((sum, pid) => sum + rssMb(pid), 0),
      )),
    100,
  );
  const result = await load(run, SECONDS);
  clearInterval(sampler);
  const unexpected = result.total - (result.statuses[scenario.expect] ?? 0);
  // The machine is shared: the 1-minute load average says how much else ran meanwhile.
  const load1 = loadavg()[0];
  console.log(
    `${scenario.label}: ${result.requestsPerSecond.toFixed(0)} req/s (${((100 * result.requestsPerSecond) / (ceiling ?? result).requestsPerSecond).toFixed(0)} % of ceiling), p50 ${result.p50} ms, p99 ${result.p99} ms, RSS ≤ ${peak.toFixed(0)} MB, load ${load1.toFixed(1)}${unexpected ? `, ${unexpected} unexpected answers ${JSON.stringify(result.statuses)}` : ''}`,
  );
  return { ...result, peakRssMb: peak, unexpected, load1 };
}

/**
 * Issue 17: verify hit on this server (recording sessions) and on a second one started with
 * recording turned off (bench/without-session-recording.js), alternated A B B A A B so that
 * drift of a shared machine hits both alike; the cost is 1 − median(with) / median(without).
 */
async function sessionsAB({ env, scenario, base, server }) {
  const preload = join(__dirname, 'without-session-recording.js');
  const port = PORT + 1;
  const without = spawn(process.execPath, [join(ROOT, 'dist/main.js')], {
    env: { ...env, PORT: String(port), NODE_OPTIONS: `${SERVER_NODE_OPTIONS} --require ${preload}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  without.stdout.resume();
  try {
    const other = `http://127.0.0.1:${port}`;
    await waitUntilReady(other, { server: without, attempts: 101 });
    const runs = { with: [], without: [] };
    for (const variant of ['with', 'without', 'without', 'with', 'with', 'without']) {
      const [url, pid] = variant === 'with' ? [base, server.pid] : [other, without.pid];
      const r = await measure({ ...scenario, label: `verify hit, ${variant} session recording` }, url, [pid]);
      runs[variant].push(r.requestsPerSecond);
    }
    const median = (values) => [...values].sort((a, b) => a - b)[1];
    return { ...runs, cost: 1 - median(runs.with) / median(runs.without) };
  } finally {
    without.kill('SIGTERM');
    await new Promise((resolve) => without.on('exit', resolve));
  }
}

/** A metric's value from camlinks' /metrics. */
async function metric(base, name) {
  const text = await fetch(`${base}/metrics`).then((r) => r.text());
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

/** Runs `task` over `items` with `concurrency` at a time. */
async function pool(items, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

/**
 * Issues links (30 per request) and verifies each once, until the caches' estimated size stops
 * growing (the LRU bound is reached) or FILL_MAX_LINKS links were verified.
 */
async function fillCaches(base, { issue }) {
  let links = 0;
  let bytes = await metric(base, 'camlinks_cache_estimated_bytes');
  for (;;) {
    const urls = [];
    await pool(Array.from({ length: 100 }), 16, async () => {
      const res = await fetch(`${base}${issue.path}`, { method: 'POST', headers: issue.headers, body: issue.body });
      for (const link of await res.json()) urls.push(new URL(link.url));
    });
    await pool(urls, 32, async (url) => {
      await fetch(`${base}/api/v1/media-auth/nginx`, {
        headers: { 'X-Original-URI': `${url.pathname}${url.search}`, 'X-Original-Method': 'GET' },
      });
    });
    links += urls.length;
    const now = await metric(base, 'camlinks_cache_estimated_bytes');
    const grew = now - bytes;
    bytes = now;
    if (grew < 0.5 * urls.length * 500 || links >= FILL_MAX_LINKS) break; // under ~250 B a link: entries are being evicted
  }
  return { links, bytes, entries: await metric(base, 'camlinks_cache_entries') };
}

/**
 * Two fresh camlinks instances on the same database, nginx balancing both (the first run's
 * server stays idle): the preview and verify scenarios through nginx, with rate-limit budgets
 * shared in Redis (high enough never to refuse) or with rate limits off, to tell the cost of
 * Redis from that of a second process and a proxy on the same two cores.
 */
async function twoInstances({ env, scenarios, redis }) {
  const ports = [PORT + 1, PORT + 2];
  const nginxPort = PORT + 3;
  const limits = redis
    ? {
        REDIS_URL: 'redis://127.0.0.1:6379',
        RATE_LIMIT_DISABLED: 'false',
        RATE_LIMIT_INTEGRATION: '100000000/60',
        RATE_LIMIT_VERIFY: '100000000/60',
      }
    : { RATE_LIMIT_DISABLED: 'true' };
  const dir = mkdtempSync(join(tmpdir(), 'camlinks-bench-nginx-'));
  const servers = ports.map((port) => {
    const server = spawn(process.execPath, [join(ROOT, 'dist/main.js')], {
      env: { ...env, ...limits, PORT: String(port), NODE_OPTIONS: SERVER_NODE_OPTIONS },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server.stdout.resume();
    return server;
  });
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1; error_log ${dir}/error.log; pid ${dir}/nginx.pid; daemon off;
     events { worker_connections 1024; }
     http {
       access_log off;
       client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
       upstream camlinks { ${ports.map((port) => `server 127.0.0.1:${port};`).join(' ')} keepalive 64; }
       server { listen 127.0.0.1:${nginxPort}; location / { proxy_pass http://camlinks; proxy_http_version 1.1; proxy_set_header Connection ""; } }
     }`,
  );
  const nginx = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
  try {
    const via = `http://127.0.0.1:${nginxPort}`;
    for (const port of ports) await waitUntilReady(`http://127.0.0.1:${port}`);
    await waitUntilReady(via);
    const results = {};
    const pids = servers.map((server) => server.pid);
    const variant = redis ? 'Redis budgets' : 'rate limits off';
    for (const key of ['ceiling', 'preview1', 'verifyHit']) {
      results[key] = await measure(
        { ...scenarios[key], label: `two instances, nginx, ${variant}: ${scenarios[key].label}` },
        via,
        pids,
        results.ceiling,
      );
    }
    return results;
  } finally {
    nginx.kill();
    for (const server of servers) server.kill('SIGTERM');
    await Promise.all(
      servers.map(
        (server) => new Promise((resolve) => (server.exitCode === null ? server.on('exit', resolve) : resolve())),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  // Before any load: how a newcomer's `npm start` (the embedded default) comes up.
  // BENCH_START_RUNS=0 skips it (measuring one change to the request paths).
  const startRuns = Number(process.env.BENCH_START_RUNS ?? 3);
  const start = startRuns > 0 ? await measureStart({ port: PORT, runs: startRuns }) : undefined;
  if (start)
    console.log(
      `embedded start: fresh ${start.fresh.firstAnswerMs.toFixed(0)} ms, existing ${start.existing.firstAnswerMs.toFixed(0)} ms`,
    );
  const dbName = `camlinks_bench_${Date.now()}`;
  const adminToken = randomBytes(32).toString('base64url');
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: databaseUrl(dbName),
    ADMIN_TOKEN: adminToken,
    RATE_LIMIT_DISABLED: 'true',
    LOG_LEVEL: 'info',
    PORT: String(PORT),
    HOST: '127.0.0.1',
  };
  await sql(SERVER_URL, `CREATE DATABASE "${dbName}"`);
  let server;
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/database/migrations/migrate.cli.js')], { env, stdio: 'inherit' });
    // Logs go where production sends them, a pipe; here it is drained and dropped.
    server = spawn(process.execPath, [join(ROOT, 'dist/main.js')], {
      env: { ...env, NODE_OPTIONS: SERVER_NODE_OPTIONS },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server.stdout.resume();
    const base = `http://127.0.0.1:${PORT}`;
    await waitUntilReady(base, { server, attempts: 101 });

    const admin = async (path, body) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const mediaServer = await admin('/api/v1/admin/media-servers', {
      name: 'bench-edge',
      base_url: 'http://127.0.0.1:8080',
    });
    const cameras = [];
    for (let i = 0; i < CAMERAS; i++) {
      cameras.push(
        await admin('/api/v1/admin/cameras', {
          name: `bench-${i}`,
          media_server_id: mediaServer.id,
          streams: [{ type: 'high', name: `bench-${i}-hd` }],
          default_stream_type: 'high',
        }),
      );
    }
    const { token } = await admin('/api/v1/admin/integrations', { name: 'bench' });
    const integration = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const previewBody = (n) =>
      JSON.stringify({
        cameras: cameras.slice(0, n).map((camera) => ({ uuid: camera.uuid })),
        source: 'jpg',
        ttl: 3600,
      });
    const issued = await fetch(`${base}/api/v1/cameras/preview`, {
      method: 'POST',
      headers: integration,
      body: previewBody(1),
    }).then((r) => r.json());
    const link = new URL(issued[0].url);

    const scenarios = {
      ceiling: { label: 'GET /health/live (framework ceiling)', method: 'GET', path: '/health/live', expect: 200 },
      preview1: {
        label: 'POST /cameras/preview, 1 camera',
        method: 'POST',
        path: '/api/v1/cameras/preview',
        headers: integration,
        body: previewBody(1),
        expect: 200,
      },
      preview30: {
        label: 'POST /cameras/preview, 30 cameras',
        method: 'POST',
        path: '/api/v1/cameras/preview',
        headers: integration,
        body: previewBody(30),
        expect: 200,
      },
      video: {
        label: 'POST /cameras/video, 1 camera (HLS)',
        method: 'POST',
        path: '/api/v1/cameras/video',
        headers: integration,
        body: JSON.stringify({ cameras: [{ uuid: cameras[0].uuid }], source: 'hls', ttl: 3600 }),
        expect: 200,
      },
      verifyHit: {
        label: 'verify hit (nginx, same token)',
        method: 'GET',
        path: '/api/v1/media-auth/nginx',
        headers: { 'X-Original-URI': `${link.pathname}${link.search}`, 'X-Original-Method': 'GET' },
        expect: 204,
      },
      verifyMiss: {
        label: 'verify miss (nginx, unknown tokens)',
        method: 'GET',
        path: '/api/v1/media-auth/nginx',
        headers: {},
        unknownTokens: link.pathname,
        expect: 403,
      },
    };
    const results = {};
    results.sessionsAB = await sessionsAB({ env, scenario: scenarios.verifyHit, base, server });
    console.log(`recording sessions costs verify hit ${(100 * results.sessionsAB.cost).toFixed(1)} %`);
    // `npm run bench -- --sessions-ab`: only that comparison, printed, not written.
    if (process.argv.includes('--sessions-ab')) return;
    for (const [key, scenario] of Object.entries(scenarios))
      results[key] = await measure(scenario, base, [server.pid], results.ceiling);

    // Caches full at their default size (CACHE_MAX_MB): verifying many issued links fills the
    // link-state cache, the largest; then the hot scenarios again, for the peak RSS.
    results.fill = await fillCaches(base, { issue: scenarios.preview30, adminToken });
    console.log(
      `caches: ${results.fill.entries} entries, ~${(results.fill.bytes / 2 ** 20).toFixed(1)} MB estimated, after verifying ${results.fill.links} links; server RSS ${rssMb(server.pid).toFixed(0)} MB`,
    );
    for (const key of ['verifyHit', 'preview1']) {
      results[`${key}Full`] = await measure(
        { ...scenarios[key], label: `${scenarios[key].label}, caches full` },
        base,
        [server.pid],
        results.ceiling,
      );
    }
    scenarios.verifyHitFull = { label: `${scenarios.verifyHit.label}, caches full` };
    scenarios.preview1Full = { label: `${scenarios.preview1.label}, caches full` };

    // Two instances on the same database behind nginx, sharing the load (and Redis rate-limit budgets).
    results.two = await twoInstances({ env, scenarios, redis: true });
    results.twoNoLimits = await twoInstances({ env, scenarios, redis: false });
    results.peakRssMb = rssMb(server.pid, 'VmHWM');
    // On a database and a camlinks of its own: the links issued above (all in the last minutes)
    // would change what the console's pages count, and a million links what the scenarios measure.
    results.console = await benchConsole();
    results.start = start;
    console.log(`Server peak RSS over the run: ${results.peakRssMb.toFixed(0)} MB`);
    // A run without the start-up measurement is one step's measurement: printed, not written.
    if (start) report(scenarios, results);
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('exit', resolve));
    }
    await sql(SERVER_URL, `DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  }
}

const TABLE_HEAD =
  '| scenario | req/s | of ceiling | p50 ms | p99 ms | peak RSS MB | load average |\n|---|---|---|---|---|---|---|';

function row(label, r, ceiling) {
  return `| ${label} | ${r.requestsPerSecond.toFixed(0)} | ${((100 * r.requestsPerSecond) / ceiling).toFixed(0)} % | ${r.p50} | ${r.p99} | ${r.peakRssMb.toFixed(0)} | ${r.load1.toFixed(1)} |`;
}

function report(scenarios, results) {
  const ceiling = results.ceiling.requestsPerSecond;
  const rows = Object.entries(scenarios).map(([key, { label }]) => {
    const r = results[key];
    return row(label, r, ceiling);
  });
  const table = [TABLE_HEAD, ...rows].join('\n');
  const twoRows = (variant, two) =>
    ['ceiling', 'preview1', 'verifyHit'].map((key) =>
      row(`${variant}: ${scenarios[key].label}`, two[key], two.ceiling.requestsPerSecond),
    );
  const twoTable = [
    TABLE_HEAD,
    ...twoRows('Redis budgets', results.two),
    ...twoRows('rate limits off', results.twoNoLimits),
  ].join('\n');
  const startRow = (label, s) =>
    `| ${label} | ${(s.firstAnswerMs / 1000).toFixed(1)} s | ${s.rssAtFirstAnswerMb.toFixed(0)} | ${s.rssAtRestMb.toFixed(0)} | ${s.peakRssMb.toFixed(0)} |`;
  const startTable = [
    '| embedded default (`node dist/main.js`, no DATABASE_URL) | first answer | RSS then MB | RSS at rest (5 s) MB | peak RSS MB |',
    '|---|---|---|---|---|',
    startRow('fresh data folder (initdb, migrations)', results.start.fresh),
    startRow('existing data folder', results.start.existing),
  ].join('\n');
  const targets = TARGETS.map(([name, met]) => `| ${name} | ${met(results) ? 'met' : '**missed**'} |`).join('\n');
  console.log(
    `\n${table}\n\nServer peak RSS over the run: ${results.peakRssMb.toFixed(0)} MB\n\n| target | |\n|---|---|\n${targets}`,
  );
  const machine = `${cpus().length} × ${cpus()[0].model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node.js ${process.version}`;
  const file = join(ROOT, 'docs/BENCHMARKS.md');
  const previous = (() => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return '';
    }
  })();
  // Everything after the marker is written by hand (analysis); the run replaces what precedes it.
  const marker = '<!-- end of generated part -->';
  const notes = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`;
  writeFileSync(
    file,
    `# Benchmarks

Generated by \`npm run bench\` (bench/run.js) on ${new Date().toISOString().slice(0, 10)}.

- Machine: ${machine}; camlinks, PostgreSQL and the load generator share it.
- camlinks: one process (\`NODE_OPTIONS=${SERVER_NODE_OPTIONS}\`, as in the Dockerfile) on a fresh PostgreSQL database (migrated with the migrate CLI; one media server, ${CAMERAS} cameras, one integration), \`RATE_LIMIT_DISABLED=true\`, \`LOG_LEVEL=info\` (one JSON line per request, to a pipe).
- Load: autocannon in a separate process on loopback, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured per scenario; "load average" is the machine's 1-minute load average as each scenario ended (2 cores, shared with other work: above ~3, other processes took CPU from the run).

${startTable}

Start-up: from spawning the process to the first answer of \`GET /health/ready\`, median of ${results.start.runs} runs, before the load below.

${table}

Server peak RSS over the whole run: ${results.peakRssMb.toFixed(0)} MB. "Caches full": after verifying ${results.fill.links} issued links, the caches held ${results.fill.entries} entries, ~${(results.fill.bytes / 2 ** 20).toFixed(1)} MB estimated, at the default \`CACHE_MAX_MB\`.

Two fresh instances on the same database behind nginx (one worker, keepalive to both), once with rate-limit budgets shared in Redis (set high enough never to refuse) and once with rate limits off; ratios to the ceiling through the same nginx in the same variant; peak RSS is both processes together:

${twoTable}

${consoleReport(results.console)}

Issue 17, what recording viewing sessions costs verify hit: the same build on the same database, once as it is and once with \`SessionRecorder.record\` a no-op (bench/without-session-recording.js), alternated A B B A A B: with ${results.sessionsAB.with.map((n) => n.toFixed(0)).join(', ')} req/s, without ${results.sessionsAB.without.map((n) => n.toFixed(0)).join(', ')} req/s; cost ${(100 * results.sessionsAB.cost).toFixed(1)} % (1 − median with / median without).

| target | |
|---|---|
${targets}

${notes}`,
  );
  console.log(`\nWrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
