import { Client } from 'pg';
import { hashToken } from '../src/auth/tokens';
import { eventually } from './support/eventually';
import { type Instance, type ProxiedInstance, startBehindProxy } from './support/instance';
import type { TcpProxy } from './support/tcp-proxy';
import { databaseUrl } from './support/test-database';

const ADMIN = 'listener-admin-token-0123456789abcdef012345';
/**
 * The product's bound (CHANGES_HEARTBEAT_TIMEOUT_MS, default 1 s): caches answer only while the
 * newest heartbeat heard was sent less than this long ago. Without the heartbeat, a cached
 * decision would allow the revoked link for its whole cache lifetime (60 s).
 */
const WINDOW_MS = 1000;
/** How long the log, the metrics and a reconnection may take on a loaded machine. */
const NOTICED_MS = 10_000;

/**
 * camlinks whose change listener goes through a proxy that starts swallowing its traffic, as an
 * idle-timeout middlebox does: the connection stays open and nothing arrives. The pool's
 * connections go through the same proxy untouched.
 */
describe('a change listener that silently stops hearing', () => {
  let proxied: ProxiedInstance;
  let proxy: TcpProxy;
  let camlinks: Instance;
  let db: Client;

  const call = (path: string, init: RequestInit = {}, token = ADMIN) => camlinks.call(path, init, token);
  const post = async <T>(path: string, body: object, token = ADMIN) =>
    (await call(path, { method: 'POST', body: JSON.stringify(body) }, token)).json() as Promise<T>;
  const verify = (link: URL) => camlinks.mediaAuth(link);
  const ready = async () => {
    const response = await fetch(`${camlinks.url}/health/ready`);
    return {
      status: response.status,
      body: (await response.json()) as { status: string; details: { changes: Record<string, unknown> } },
    };
  };
  const metric = async (name: string) => {
    const text = await (await fetch(`${camlinks.url}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  };

  beforeAll(async () => {
    proxied = await startBehindProxy({ ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' });
    ({ camlinks, proxy } = proxied);
    db = new Client({ connectionString: databaseUrl(proxied.dbName) });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await proxied?.close();
  });

  it('stops the caches within 1 s: a revocation elsewhere is honoured, a warning, the metric and readiness say so; it recovers', async () => {
    const server = await post<{ id: string }>('/api/v1/admin/media-servers', {
      name: 'edge',
      base_url: 'http://127.0.0.1:8080',
    });
    const camera = await post<{ uuid: string }>('/api/v1/admin/cameras', {
      name: 'Gate',
      media_server_id: server.id,
      streams: [{ type: 'high', name: 'gate-hd' }],
      default_stream_type: 'high',
    });
    const { token } = await post<{ token: string }>('/api/v1/admin/integrations', { name: 'vms' });
    const [issued] = await post<{ url: string }[]>(
      '/api/v1/cameras/preview',
      { cameras: [{ uuid: camera.uuid }], source: 'jpg' },
      token,
    );
    const link = new URL(issued.url);
    expect(await verify(link)).toBe(204);
    expect(await verify(link)).toBe(204); // now decided from the cache
    expect(await metric('camlinks_change_listener_up')).toBe(1);
    expect((await ready()).body.details.changes).toMatchObject({ status: 'up', listener: 'listening', caches: 'on' });

    proxy.blackhole((startup) => startup.includes('camlinks-listener'));
    // From now on no heartbeat is heard: the newest one heard was sent before this moment.
    const deaf = Date.now();
    // Another instance revokes: straight in the database, so that only the NOTIFY could tell this one.
    await db.query(`UPDATE issued_links SET revoked_at = now(), revoked_by = 'elsewhere' WHERE token_hash = $1`, [
      hashToken(link.searchParams.get('token')!),
    ]);

    // Any verification decided WINDOW_MS after that is decided from the database, however late
    // the timers of a loaded machine run: the bound itself, not a tighter one.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, deaf + WINDOW_MS - Date.now())));
    expect(await verify(link)).toBe(403);
    await eventually(
      async () =>
        expect(camlinks.output()).toMatch(/No heartbeat from the database change listener for \d+ ms; caches are off/),
      NOTICED_MS,
    );
    await eventually(async () => expect(await metric('camlinks_change_listener_up')).toBe(0), NOTICED_MS);
    expect(await metric('camlinks_change_listener_losses_total')).toBeGreaterThanOrEqual(1);
    expect(await metric('camlinks_change_heartbeat_age_seconds')).toBeGreaterThan(WINDOW_MS / 1000);
    // Degraded, not failed: decisions are still right, every one from the database.
    const degraded = await ready();
    expect(degraded.status).toBe(200);
    expect(degraded.body.status).toBe('degraded');
    expect(degraded.body.details.changes).toMatchObject({ status: 'degraded', listener: 'lost', caches: 'off' });

    // The issue path's caches are off too: a camera blocked and unblocked elsewhere is seen at once, both ways.
    const preview = () =>
      post<unknown[]>('/api/v1/cameras/preview', { cameras: [{ uuid: camera.uuid }], source: 'jpg' }, token);
    await db.query('UPDATE cameras SET blocked = true WHERE uuid = $1', [camera.uuid]);
    expect(await preview()).toEqual([]);
    await db.query('UPDATE cameras SET blocked = false WHERE uuid = $1', [camera.uuid]);
    expect(await preview()).toHaveLength(1);

    await proxy.resume(); // the next connection gets through
    await eventually(async () => expect((await ready()).body.status).toBe('ok'), NOTICED_MS);
    expect(await metric('camlinks_change_listener_up')).toBe(1);
    expect(await verify(link)).toBe(403);
  });
});
