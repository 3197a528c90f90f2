#!/usr/bin/env node
/* global AbortSignal */
// `npm run soak -- --minutes N`: two camlinks instances on a private PostgreSQL cluster and a
// private Redis (own ports, a temp folder: never the machine's 5432/6379), mixed load with a
// client-side ledger, and issue 18's fault schedule scaled to N minutes. Ends with the ledger
// check and one line of figures; exits 1 if a promise was broken.
const { execFileSync, spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { chownSync, mkdtempSync, openSync, readFileSync, rmSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { Client, Pool } = require('pg');
const { hashToken } = require('../dist/auth/tokens');

const ROOT = join(__dirname, '..');
const PG_BIN = process.env.SOAK_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const MINUTES = arg('minutes', 3);
const WORKERS = arg('workers', 24);
const FLUSH_MS = 1000;
const ADMIN = randomBytes(24).toString('hex');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => Date.now();

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** initdb refuses root: the cluster runs as `postgres` then. */
const asPostgres = (command, args) =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
// stdio ignored: the server pg_ctl starts would hold a pipe open, and execFileSync wait for it.
const run = (command, args) => execFileSync(...asPostgres(command, args), { stdio: 'ignore' });

class PrivatePostgres {
  constructor(dir, port) {
    Object.assign(this, { dir, port, data: join(dir, 'pg') });
  }
  async start() {
    run(join(PG_BIN, 'pg_ctl'), [
      '-D',
      this.data,
      '-l',
      join(this.dir, 'pg.log'),
      '-w',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=60`,
      'start',
    ]);
  }
  stop() {
    run(join(PG_BIN, 'pg_ctl'), ['-D', this.data, '-m', 'fast', '-w', 'stop']);
  }
  restart() {
    run(join(PG_BIN, 'pg_ctl'), [
      '-D',
      this.data,
      '-m',
      'fast',
      '-w',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=60`,
      'restart',
    ]);
  }
  /** The postmaster and every backend: a frozen server accepts connections (the kernel does) and answers nothing. */
  pids() {
    const postmaster = Number(readFileSync(join(this.data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)])
      .toString()
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return [postmaster, ...children];
  }
  signal(signal) {
    for (const pid of this.pids()) process.kill(pid, signal);
  }
  static async create(dir) {
    const pg = new PrivatePostgres(dir, await freePort());
    if (process.getuid?.() === 0)
      chownSync(
        dir,
        Number(execFileSync('id', ['-u', 'postgres']).toString()),
        Number(execFileSync('id', ['-g', 'postgres']).toString()),
      );
    run(join(PG_BIN, 'initdb'), ['-D', pg.data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    await pg.start();
    return pg;
  }
  get url() {
    return `postgresql://postgres@127.0.0.1:${this.port}/postgres`;
  }
}

class PrivateRedis {
  constructor(port) {
    this.port = port;
  }
  start() {
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
  }
  async stop() {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}

/** One camlinks process; `up` says whether the load balancer routes to it. */
class Camlinks {
  constructor(name, env) {
    Object.assign(this, { name, env, up: false, killed: 0 });
  }
  async start() {
    this.port = await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    // Warnings and worse, kept with the cluster's log when a promise was broken.
    const log = openSync(join(this.env.DATA_DIR, '..', `${this.name}.log`), 'a');
    this.process = spawn(process.execPath, [join(ROOT, 'dist/main.js')], {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', log, log],
    });
    this.exited = new Promise((resolve) => this.process.once('exit', resolve));
    // An exit nobody asked for is a finding of its own (and must not leave a stop waiting).
    void this.exited.then((code) => {
      if (!this.up) return;
      console.error(`[soak] instance ${this.name} exited by itself (${code})`);
      this.up = false; // as a balancer's health check would find
    });
    for (let tries = 0; ; tries++) {
      if (
        await fetch(`${this.url}/health/ready`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (tries > 600) throw new Error(`${this.name} did not start`);
      await sleep(100);
    }
    this.up = true;
  }
  async stop(signal) {
    this.up = false; // the balancer stops routing (SIGTERM: readiness turns 503 at once)
    if (signal === 'SIGKILL') this.killed = now();
    this.process.kill(signal);
    await this.exited;
  }
}

const ledger = {
  requests: 0,
  byOp: { preview: 0, verify: 0, revoke: 0, list: 0 },
  status: {},
  errors: 0,
  slow: {},
  maxMs: 0,
  links: new Map(), // token → { hash, allows: Map(instance → [{ sent, answered }]), revokedAt }
  revoked: [],
  staleAllows: 0,
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'camlinks-soak-'));
  const pg = await PrivatePostgres.create(dir);
  const redis = new PrivateRedis(await freePort());
  redis.start();
  execFileSync(process.execPath, [join(ROOT, 'dist/database/migrations/migrate.cli.js')], {
    env: { ...process.env, DATABASE_URL: pg.url },
    stdio: 'pipe',
  });
  const env = (name) => ({
    PATH: process.env.PATH,
    HOST: '127.0.0.1',
    DATABASE_URL: pg.url,
    REDIS_URL: `redis://127.0.0.1:${redis.port}`,
    ADMIN_TOKEN: ADMIN,
    RATE_LIMIT_DISABLED: 'true',
    LOG_LEVEL: 'warn',
    USAGE_FLUSH_INTERVAL_MS: String(FLUSH_MS),
    SHUTDOWN_DRAIN_MS: '1000',
    DATA_DIR: join(dir, name),
  });
  const instances = [new Camlinks('a', env('a')), new Camlinks('b', env('b'))];
  await Promise.all(instances.map((i) => i.start()));
  // The soak's own look-ups (link ids to revoke, listener kills); a pool reconnects after restarts.
  const db = new Pool({ connectionString: pg.url, max: 4 });
  db.on('error', () => undefined);

  const admin = (path, body) =>
    fetch(`${instances[0].url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json());
  const server = await admin('/api/v1/admin/media-servers', { name: 'edge', base_url: 'http://127.0.0.1:8080' });
  const cameras = [];
  for (let n = 0; n < 10; n++) {
    cameras.push(
      (
        await admin('/api/v1/admin/cameras', {
          name: `cam ${n}`,
          media_server_id: server.id,
          streams: [{ type: 'high', name: `cam-${n}` }],
          default_stream_type: 'high',
        })
      ).uuid,
    );
  }
  const { token } = await admin('/api/v1/admin/integrations', { name: 'soak' });

  const started = now();
  const durationMs = MINUTES * 60_000;
  const loadEnds = started + durationMs * 0.95;
  const pick = () => {
    const up = instances.filter((i) => i.up);
    return up.length ? up[Math.floor(Math.random() * up.length)] : null;
  };
  const timed = async (op, instance, path, init) => {
    const sent = now();
    ledger.requests++;
    ledger.byOp[op]++;
    try {
      const response = await fetch(`${instance.url}${path}`, { ...init, signal: AbortSignal.timeout(30_000) });
      const body = response.status === 200 && op !== 'list' ? await response.json() : await response.arrayBuffer();
      const ms = now() - sent;
      ledger.maxMs = Math.max(ledger.maxMs, ms);
      if (ms > 3000) ledger.slow[op] = (ledger.slow[op] ?? 0) + 1;
      ledger.status[`${op} ${response.status}`] = (ledger.status[`${op} ${response.status}`] ?? 0) + 1;
      return { status: response.status, body, sent, answered: now() };
    } catch {
      ledger.errors++;
      ledger.status[`${op} error`] = (ledger.status[`${op} error`] ?? 0) + 1;
      return { status: 0, sent };
    }
  };
  const tokens = [];
  const verify = async (instance, link) => {
    const result = await timed('verify', instance, '/api/v1/media-auth/nginx', {
      headers: { 'X-Original-URI': link.uri, 'X-Original-Method': 'GET' },
    });
    if (result.status !== 204) return result;
    const allows = link.allows.get(instance.name) ?? [];
    allows.push({ sent: result.sent, answered: result.answered });
    link.allows.set(instance.name, allows);
    if (link.revokedAt && result.sent > link.revokedAt + 1000) ledger.staleAllows++;
    return result;
  };
  const worker = async () => {
    while (now() < loadEnds) {
      const instance = pick();
      if (!instance) {
        await sleep(50);
        continue;
      }
      const roll = Math.random();
      if (roll < 0.35 || tokens.length < 20) {
        const result = await timed('preview', instance, '/api/v1/cameras/preview', {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            cameras: [{ uuid: cameras[Math.floor(Math.random() * cameras.length)] }],
            source: 'jpg',
          }),
        });
        if (result.status === 200) {
          const url = new URL(result.body[0].url);
          const linkToken = url.searchParams.get('token');
          const link = {
            token: linkToken,
            uri: `${url.pathname}${url.search}`,
            hash: hashToken(linkToken),
            allows: new Map(),
            revokedAt: null,
          };
          ledger.links.set(linkToken, link);
          tokens.push(link);
        }
      } else if (roll < 0.93) {
        await verify(instance, tokens[Math.floor(Math.random() * tokens.length)]);
      } else if (roll < 0.96) {
        const link = tokens[Math.floor(Math.random() * tokens.length)];
        if (link.revokedAt || link.revoking) continue;
        link.revoking = true;
        const id = (
          await db.query('SELECT id FROM issued_links WHERE token_hash = $1', [link.hash]).catch(() => ({ rows: [] }))
        ).rows[0]?.id;
        if (!id) {
          link.revoking = false;
          continue;
        }
        const result = await timed('revoke', instance, `/api/v1/admin/links/${id}/revoke`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
          body: '{}',
        });
        if (result.status >= 200 && result.status < 300) {
          link.revokedAt = result.answered;
          ledger.revoked.push(link);
          // Probes on both instances a second later: a refusal is what the promise says.
          setTimeout(() => instances.filter((i) => i.up).forEach((i) => void verify(i, link)), 1100);
        } else link.revoking = false;
      } else {
        await timed('list', instance, '/api/v1/admin/links?limit=20', {
          headers: { Authorization: `Bearer ${ADMIN}` },
        });
      }
    }
  };

  // Issue 18's schedule, scaled: [fraction of the run, what, how]
  const [a, b] = instances;
  const freezeMs = Math.min(8000, durationMs * 0.04);
  const redisDownMs = Math.min(30_000, durationMs * 0.08);
  const listenerKill = () =>
    db
      .query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'camlinks-listener'")
      .catch(() => undefined);
  const faults = [
    [0.1, 'PostgreSQL restart', () => pg.restart()],
    [
      0.18,
      `PostgreSQL frozen ${freezeMs / 1000} s`,
      async () => (pg.signal('SIGSTOP'), await sleep(freezeMs), pg.signal('SIGCONT')),
    ],
    [0.26, 'LISTEN connections terminated', listenerKill],
    [
      0.34,
      `Redis down ${redisDownMs / 1000} s`,
      async () => (await redis.stop(), await sleep(redisDownMs), redis.start()),
    ],
    [0.46, 'instance a SIGKILL', async () => (await a.stop('SIGKILL'), await a.start())],
    [0.56, 'instance b SIGTERM', async () => (await b.stop('SIGTERM'), await b.start())],
    [0.64, 'PostgreSQL restart', () => pg.restart()],
    [
      0.72,
      `PostgreSQL frozen ${freezeMs / 1000} s`,
      async () => (pg.signal('SIGSTOP'), await sleep(freezeMs), pg.signal('SIGCONT')),
    ],
    [0.78, 'LISTEN connections terminated', listenerKill],
    [0.84, 'instance b SIGKILL', async () => (await b.stop('SIGKILL'), await b.start())],
    [0.9, 'instance a SIGTERM', async () => (await a.stop('SIGTERM'), await a.start())],
  ];
  const schedule = (async () => {
    for (const [at, name, inject] of faults) {
      await sleep(Math.max(0, started + at * durationMs - now()));
      const t = now();
      await inject();
      console.error(`[soak] ${((t - started) / 1000).toFixed(0)} s: ${name} (${now() - t} ms)`);
    }
  })();

  await Promise.all([...Array.from({ length: WORKERS }, worker), schedule]);
  await sleep(1500); // the last revocation probes
  // A graceful stop of both writes their counters: then the database must match the ledger.
  await Promise.all(instances.map((i) => i.stop('SIGTERM')));

  const check = new Client({ connectionString: pg.url });
  await check.connect();
  const rows = new Map(
    (await check.query('SELECT token_hash, use_count, revoked_at FROM issued_links')).rows.map((r) => [
      r.token_hash,
      r,
    ]),
  );
  let missing = 0;
  let revokedMissing = 0;
  let overCounted = 0;
  let lostUses = 0;
  let lostOutsideKill = 0;
  for (const link of ledger.links.values()) {
    const row = rows.get(link.hash);
    if (!row) {
      missing++;
      continue;
    }
    if (link.revokedAt && !row.revoked_at) revokedMissing++;
    const allows = [...link.allows.values()].flat().length;
    if (row.use_count > allows) overCounted += row.use_count - allows;
    if (row.use_count < allows) {
      lostUses += allows - row.use_count;
      // The documented SIGKILL loss: uses counted by a killed instance within one flush interval
      // (plus a slack) before its kill: sent before it, answered within the interval. An answer
      // can be read after the kill when the instance wrote it just before.
      const killable = [...link.allows.entries()].reduce(
        (sum, [name, uses]) =>
          sum +
          uses.filter(({ sent, answered }) => {
            const killed = instances.find((i) => i.name === name).killed;
            return killed && sent <= killed && answered > killed - 2 * FLUSH_MS;
          }).length,
        0,
      );
      if (allows - row.use_count > killable) lostOutsideKill += allows - row.use_count - killable;
    }
  }
  await check.end();
  await db.end().catch(() => undefined);
  await redis.stop().catch(() => undefined);
  pg.stop();
  // A fault is answered 503 (or a refusal); a 500 is a promise broken too.
  const serverErrors = Object.entries(ledger.status)
    .filter(([key]) => / 5\d\d$/.test(key) && !key.endsWith(' 503'))
    .reduce((sum, [, n]) => sum + n, 0);
  const broken =
    missing +
    revokedMissing +
    overCounted +
    lostOutsideKill +
    ledger.staleAllows +
    serverErrors +
    (ledger.requests ? 0 : 1);
  if (broken) console.error(`[soak] logs kept in ${dir} (a.log, b.log, pg.log)`);
  else rmSync(dir, { recursive: true, force: true });
  console.log(
    `soak ${MINUTES} min: ${ledger.requests} requests (preview ${ledger.byOp.preview}, verify ${ledger.byOp.verify}, revoke ${ledger.byOp.revoke}, list ${ledger.byOp.list}); ` +
      `${ledger.links.size} links issued, ${missing} lost; ${ledger.revoked.length} revocations, ${revokedMissing} not recorded, ${ledger.staleAllows} stale allows; ` +
      `uses over-counted ${overCounted}, lost to SIGKILL ${lostUses - lostOutsideKill}, lost otherwise ${lostOutsideKill}; ` +
      `client errors ${ledger.errors}, answers > 3 s ${JSON.stringify(ledger.slow)}, slowest ${ledger.maxMs} ms; statuses ${JSON.stringify(ledger.status)}`,
  );
  process.exit(broken ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
