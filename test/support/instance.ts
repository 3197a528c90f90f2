import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TcpProxy } from './tcp-proxy';
import { cloneTemplate, databaseUrl, dropDatabase, TEST_PG_URL } from './test-database';

const MAIN = join(__dirname, '../../dist/main.js');

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Instance {
  url: string;
  process: ChildProcess;
  output: () => string;
  /** A JSON call to its API with `token` as the bearer. */
  call(path: string, init: RequestInit, token: string): Promise<Response>;
  /** The status of its nginx media-auth answer for a GET of `link`, as nginx asks it. */
  mediaAuth(link: string | URL): Promise<number>;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** What camlinks prints when its PORT was taken (src/startup). */
const PORT_IN_USE = /PORT \d+ on HOST \S+ is in use by another process/;

/**
 * A camlinks server process, as operators run it (`node dist/main.js`), ready when /health/live
 * answers. A port found free can be taken before camlinks binds it (by another test file's process,
 * or as the local end of an outgoing connection: freePort's ports are in the ephemeral range), so
 * a start refused for its port is tried again on another.
 */
export async function startInstance(env: NodeJS.ProcessEnv): Promise<Instance> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(env);
    } catch (error) {
      if (attempt === 3 || !PORT_IN_USE.test((error as Error).message)) throw error;
    }
  }
}

async function startOnFreePort(env: NodeJS.ProcessEnv): Promise<Instance> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build first (npm test does)`);
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    // No drain unless a test asks for one: nothing balances the load to these instances.
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), SHUTDOWN_DRAIN_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = `http://127.0.0.1:${port}`;
  // A new embedded data folder (initdb) takes seconds, over a minute while other builds share the 2 cores.
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`camlinks exited with ${child.exitCode}:\n${output}`);
    if (
      await fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`camlinks did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    call: (path, init, token) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...init.headers },
      }),
    mediaAuth: async (link) => {
      const { pathname, search } = new URL(link);
      return (
        await fetch(`${url}/api/v1/media-auth/nginx`, {
          headers: { 'X-Original-URI': `${pathname}${search}`, 'X-Original-Method': 'GET' },
        })
      ).status;
    },
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** A camlinks process expected not to start: its exit code and everything it printed. */
export async function runToExit(
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearTimeout(killer);
  return { code, output };
}

/** A media server, one camera on it and an integration, made through the admin API of `camlinks`. */
export async function aSite(
  camlinks: Instance,
  adminToken: string,
): Promise<{ cameraUuid: string; integrationToken: string }> {
  const admin = async <T>(path: string, body: object) =>
    (await camlinks.call(path, { method: 'POST', body: JSON.stringify(body) }, adminToken)).json() as Promise<T>;
  const server = await admin<{ id: string }>('/api/v1/admin/media-servers', {
    name: 'edge',
    base_url: 'http://127.0.0.1:8080',
  });
  const camera = await admin<{ uuid: string }>('/api/v1/admin/cameras', {
    name: 'Gate',
    media_server_id: server.id,
    streams: [{ type: 'high', name: 'gate' }],
    default_stream_type: 'high',
  });
  const { token } = await admin<{ token: string }>('/api/v1/admin/integrations', { name: 'vms' });
  return { cameraUuid: camera.uuid, integrationToken: token };
}

export interface ProxiedInstance {
  camlinks: Instance;
  /** Stands between camlinks and PostgreSQL: the test stops, holds or blackholes it. */
  proxy: TcpProxy;
  /** Its database (a clone of the template), reachable directly at databaseUrl(dbName). */
  dbName: string;
  close(): Promise<void>;
}

/** camlinks on a database of its own whose every connection goes through a proxy the test controls. */
export async function startBehindProxy(env: NodeJS.ProcessEnv): Promise<ProxiedInstance> {
  const server = new URL(TEST_PG_URL);
  const proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
  const dbName = await cloneTemplate();
  const url = new URL(databaseUrl(dbName));
  url.port = String(proxy.port);
  const camlinks = await startInstance({ DATABASE_URL: url.toString(), ...env });
  return {
    camlinks,
    proxy,
    dbName,
    async close() {
      await camlinks.stop('SIGKILL');
      await proxy.stop();
      await dropDatabase(dbName);
    },
  };
}

/**
 * Through `instance`'s admin API, what the multi-instance tests start from: media server edge-1,
 * camera Gate (stream gate-hd, plus `camera`'s fields) and integration billing.
 */
export async function aGateCamera(
  instance: Instance,
  adminToken: string,
  camera: object = {},
): Promise<{ cameraUuid: string; integrationToken: string }> {
  const post = async (path: string, body: object) =>
    (await (await instance.call(path, { method: 'POST', body: JSON.stringify(body) }, adminToken)).json()) as Record<
      string,
      string
    >;
  const server = await post('/api/v1/admin/media-servers', { name: 'edge-1', base_url: 'http://127.0.0.1:8080' });
  const created = await post('/api/v1/admin/cameras', {
    name: 'Gate',
    media_server_id: server.id,
    streams: [{ type: 'high', name: 'gate-hd' }],
    default_stream_type: 'high',
    ...camera,
  });
  const integration = await post('/api/v1/admin/integrations', { name: 'billing' });
  return { cameraUuid: created.uuid, integrationToken: integration.token };
}
