#!/usr/bin/env node
// What nginx serves through docs/media-servers/nginx.conf: a preview file behind auth_request,
// with the checks going to camlinks over kept-alive connections (the published configuration),
// over a new connection per check (the snippet alone, proxy_pass to an address), and without
// checks (the ceiling). camlinks on a fresh PostgreSQL database; 32 connections from a separate
// process (bench/load.js). `node bench/nginx.js` after `npm run build`; numbers go to
// docs/BENCHMARKS.md by hand.
const { execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } = require('node:fs');
const { loadavg, tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client } = require('pg');
const { renderNginxConf } = require('../scripts/nginx-conf');
const { waitUntilReady } = require('./ready');

const ROOT = join(__dirname, '..');
const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Each variant this many times, alternating, so that the shared machine's drift falls on all of them. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 3927);
const NGINX_PORT = PORT + 1;
const SECRET = randomBytes(16).toString('hex');

const VARIANTS = {
  none: 'no checks (auth_request removed): the ceiling',
  fresh: 'checks, a new connection to camlinks per check',
  keepalive: 'checks, kept-alive connections (docs/media-servers/nginx.conf)',
};

async function sql(statement) {
  const client = new Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function load(scenario) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(__dirname, 'load.js'), JSON.stringify({ connections: 32, ...scenario })],
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

/** nginx running the published configuration, rendered for `variant`, until `stop()`. */
async function startNginx(prefix, variant) {
  const conf = renderNginxConf(join(prefix, 'conf'), {
    LISTEN: `127.0.0.1:${NGINX_PORT}`,
    CAMLINKS_ADDRESS: `127.0.0.1:${PORT}`,
    MEDIA_ROOT: join(prefix, 'media'),
    MEDIA_SECRET: SECRET,
    // The snippet as it was before nginx.conf: proxy_pass to the address, no upstream keepalive.
    ...(variant === 'fresh' ? { CAMLINKS: `127.0.0.1:${PORT}` } : {}),
  });
  if (variant === 'none') {
    const snippet = join(prefix, 'conf/nginx-auth-request.conf');
    writeFileSync(snippet, readFileSync(snippet, 'utf8').replace(/^\s*auth_request .*$/m, ''));
  }
  const nginx = spawn('/usr/sbin/nginx', ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'inherit' });
  for (let i = 0; ; i++) {
    if (
      await fetch(`http://127.0.0.1:${NGINX_PORT}/`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (i > 100 || nginx.exitCode !== null) throw new Error('nginx did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return () => new Promise((resolve) => (nginx.on('exit', resolve), nginx.kill()));
}

async function main() {
  const dbName = `camlinks_bench_nginx_${Date.now()}`;
  const adminToken = randomBytes(32).toString('base64url');
  const url = new URL(SERVER_URL);
  url.pathname = `/${dbName}`;
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: url.toString(),
    ADMIN_TOKEN: adminToken,
    RATE_LIMIT_DISABLED: 'true',
    LOG_LEVEL: 'info',
    PORT: String(PORT),
    HOST: '127.0.0.1',
  };
  const prefix = mkdtempSync(join(tmpdir(), 'camlinks-bench-nginx-'));
  chmodSync(prefix, 0o755); // nginx's workers run as nobody
  mkdirSync(join(prefix, 'logs'));
  mkdirSync(join(prefix, 'media/bench-hd'), { recursive: true });
  copyFileSync(join(ROOT, 'deploy/media/front-gate-hd/preview.jpg'), join(prefix, 'media/bench-hd/preview.jpg'));
  await sql(`CREATE DATABASE "${dbName}"`);
  let server;
  try {
    execFileSync(process.execPath, [join(ROOT, 'dist/database/migrations/migrate.cli.js')], { env, stdio: 'inherit' });
    server = spawn(process.execPath, [join(ROOT, 'dist/main.js')], {
      env: { ...env, NODE_OPTIONS: '--max-old-space-size=384 --max-semi-space-size=4' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    server.stdout.resume(); // its log goes to a pipe, as in production, and is dropped
    const base = `http://127.0.0.1:${PORT}`;
    await waitUntilReady(base, { server });
    const admin = async (path, body) => {
      const res = await fetch(`${base}/api/v1/admin${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const media = await admin('/media-servers', {
      name: 'bench-nginx',
      base_url: `http://127.0.0.1:${NGINX_PORT}`,
      verification_secret: SECRET,
    });
    const camera = await admin('/cameras', {
      name: 'bench',
      media_server_id: media.id,
      streams: [{ type: 'high', name: 'bench-hd' }],
      default_stream_type: 'high',
    });
    const { token } = await admin('/integrations', { name: 'bench' });
    const issued = await fetch(`${base}/api/v1/cameras/preview`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ cameras: [{ uuid: camera.uuid }], source: 'jpg', ttl: 3600 }),
    }).then((r) => r.json());
    const link = new URL(issued[0].url);

    const results = Object.fromEntries(Object.keys(VARIANTS).map((v) => [v, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const variant of Object.keys(VARIANTS)) {
        const stop = await startNginx(prefix, variant);
        try {
          const scenario = {
            url: `http://127.0.0.1:${NGINX_PORT}`,
            method: 'GET',
            path: `${link.pathname}${link.search}`,
          };
          await load({ ...scenario, seconds: WARMUP_SECONDS });
          const result = await load({ ...scenario, seconds: SECONDS });
          const unexpected = result.total - (result.statuses[200] ?? 0);
          if (unexpected)
            throw new Error(`${variant}: ${unexpected} answers other than 200: ${JSON.stringify(result.statuses)}`);
          results[variant].push({ ...result, load1: loadavg()[0] });
          console.log(
            `round ${round + 1}, ${VARIANTS[variant]}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, load ${loadavg()[0].toFixed(1)}`,
          );
        } finally {
          await stop();
        }
      }
    }
    console.log(
      '\n| variant | req/s (each round) | of no checks (each round) | p50 ms | p99 ms |\n|---|---|---|---|---|',
    );
    for (const [variant, label] of Object.entries(VARIANTS)) {
      const runs = results[variant];
      const ratios = runs.map((r, i) => (r.requestsPerSecond / results.none[i].requestsPerSecond).toFixed(2));
      console.log(
        `| ${label} | ${runs.map((r) => r.requestsPerSecond.toFixed(0)).join(', ')} | ${ratios.join(', ')} | ${runs.map((r) => r.p50).join(', ')} | ${runs.map((r) => r.p99).join(', ')} |`,
      );
    }
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('exit', resolve));
    }
    await sql(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    rmSync(prefix, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
