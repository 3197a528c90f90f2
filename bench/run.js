#!/usr/bin/env node
// `npm run bench`: camlinks on a fresh PostgreSQL database, driven from a separate process at
// 32 connections. Writes docs/BENCHMARKS.md. Numbers describe this machine; tests assert none.
const { execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { readFileSync, writeFileSync } = require('node:fs');
const { cpus, loadavg, totalmem } = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { Client } = require('pg');
const { measureStart } = require('./start');

const ROOT = join(__dirname, '..');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = 32;
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3917);
const CAMERAS = 30;
/** As the Dockerfile runs camlinks (its NODE_OPTIONS). */
const SERVER_NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '--max-old-space-size=384';

/** Issue 11's targets, as ratios to the same run's ceiling where the machine's speed would otherwise decide. */
const TARGETS = [
  ['preview(1) ≥ 50 % of the ceiling', (r) => r.preview1.requestsPerSecond / r.ceiling.requestsPerSecond >= 0.5],
  ["preview(1) p99 ≤ 1.5 × the ceiling's p99", (r) => r.preview1.p99 <= 1.5 * r.ceiling.p99],
  ['preview(30) p50 ≤ 2 × preview(1) p50', (r) => r.preview30.p50 <= 2 * Math.max(r.preview1.p50, 1)],
  ['verify hit ≥ 90 % of the ceiling', (r) => r.verifyHit.requestsPerSecond / r.ceiling.requestsPerSecond >= 0.9],
  ['verify miss ≥ 50 % of the ceiling', (r) => r.verifyMiss.requestsPerSecond / r.ceiling.requestsPerSecond >= 0.5],
  ['server RSS ≤ 250 MB', (r) => r.peakRssMb <= 250],
  ['embedded, existing data: first answer ≤ 3 s', (r) => !r.start || r.start.existing.firstAnswerMs <= 3000],
  ['embedded, fresh folder: first answer ≤ 6 s', (r) => !r.start || r.start.fresh.firstAnswerMs <= 6000],
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
    const child = spawn(process.execPath, [join(__dirname, 'load.js'), JSON.stringify({ ...scenario, connections: CONNECTIONS, seconds })], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited with ${code}`))));
  });
}

async function main() {
  // Before any load: how a newcomer's `npm start` (the embedded default) comes up.
  // BENCH_START_RUNS=0 skips it (measuring one change to the request paths).
  const startRuns = Number(process.env.BENCH_START_RUNS ?? 3);
  const start = startRuns > 0 ? await measureStart({ port: PORT, runs: startRuns }) : undefined;
  if (start) console.log(`embedded start: fresh ${start.fresh.firstAnswerMs.toFixed(0)} ms, existing ${start.existing.firstAnswerMs.toFixed(0)} ms`);
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
    for (
      let i = 0;
      !(await fetch(`${base}/health/ready`).then(
        (r) => r.ok,
        () => false,
      ));
      i++
    ) {
      if (i > 100) throw new Error('camlinks did not start');
      await sleep(100);
    }

    const admin = async (path, body) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const mediaServer = await admin('/api/v1/admin/media-servers', { name: 'bench-edge', base_url: 'http://127.0.0.1:8080' });
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
    const previewBody = (n) => JSON.stringify({ cameras: cameras.slice(0, n).map((camera) => ({ uuid: camera.uuid })), source: 'jpg', ttl: 3600 });
    const issued = await fetch(`${base}/api/v1/cameras/preview`, { method: 'POST', headers: integration, body: previewBody(1) }).then((r) => r.json());
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
    for (const [key, scenario] of Object.entries(scenarios)) {
      const run = { ...scenario, url: base };
      await load(run, WARMUP_SECONDS);
      let peak = 0;
      const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 100);
      const result = await load(run, SECONDS);
      clearInterval(sampler);
      const unexpected = result.total - (result.statuses[scenario.expect] ?? 0);
      // The machine is shared: the 1-minute load average says how much else ran meanwhile.
      const load1 = loadavg()[0];
      results[key] = { ...result, peakRssMb: peak, unexpected, load1 };
      console.log(
        `${scenario.label}: ${result.requestsPerSecond.toFixed(0)} req/s (${((100 * result.requestsPerSecond) / (results.ceiling ?? result).requestsPerSecond).toFixed(0)} % of ceiling), p50 ${result.p50} ms, p99 ${result.p99} ms, RSS ≤ ${peak.toFixed(0)} MB, load ${load1.toFixed(1)}${unexpected ? `, ${unexpected} unexpected answers ${JSON.stringify(result.statuses)}` : ''}`,
      );
    }
    results.peakRssMb = rssMb(server.pid, 'VmHWM');
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

function report(scenarios, results) {
  const ceiling = results.ceiling.requestsPerSecond;
  const rows = Object.entries(scenarios).map(([key, { label }]) => {
    const r = results[key];
    return `| ${label} | ${r.requestsPerSecond.toFixed(0)} | ${((100 * r.requestsPerSecond) / ceiling).toFixed(0)} % | ${r.p50} | ${r.p99} | ${r.peakRssMb.toFixed(0)} |`;
  });
  const table = ['| scenario | req/s | of ceiling | p50 ms | p99 ms | peak RSS MB |', '|---|---|---|---|---|---|', ...rows].join('\n');
  const startRow = (label, s) =>
    `| ${label} | ${(s.firstAnswerMs / 1000).toFixed(1)} s | ${s.rssAtFirstAnswerMb.toFixed(0)} | ${s.rssAtRestMb.toFixed(0)} | ${s.peakRssMb.toFixed(0)} |`;
  const startTable = [
    '| embedded default (`node dist/main.js`, no DATABASE_URL) | first answer | RSS then MB | RSS at rest (5 s) MB | peak RSS MB |',
    '|---|---|---|---|---|',
    startRow('fresh data folder (initdb, migrations)', results.start.fresh),
    startRow('existing data folder', results.start.existing),
  ].join('\n');
  const targets = TARGETS.map(([name, met]) => `| ${name} | ${met(results) ? 'met' : '**missed**'} |`).join('\n');
  console.log(`\n${table}\n\nServer peak RSS over the run: ${results.peakRssMb.toFixed(0)} MB\n\n| target | |\n|---|---|\n${targets}`);
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
- Load: autocannon in a separate process on loopback, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured per scenario.

${startTable}

Start-up: from spawning the process to the first answer of \`GET /health/ready\`, median of ${results.start.runs} runs, before the load below.

${table}

Server peak RSS over the whole run: ${results.peakRssMb.toFixed(0)} MB.

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
