import { Client } from 'pg';
import { hashToken } from '../src/auth/tokens';
import { eventually } from './support/eventually';
import { type Instance, type ProxiedInstance, startBehindProxy } from './support/instance';
import type { TcpProxy } from './support/tcp-proxy';
import { databaseUrl } from './support/test-database';

const ADMIN = 'faults-admin-token-0123456789abcdef0123456';
/** Readiness and reconnection take their time: the health check's timeout, the listener's retry. */
const RECOVERY_MS = 10_000;
/**
 * An answer comes within the statement timeout plus 500 ms of a database that stops answering
 * (4.5 s here); the test waits longer (the machine is shared), and far less than the outage
 * lasts, which code without bounds would wait out.
 */
const ANSWER_WAIT_MS = 8_000;

const mediaAuthHeaders = (link: string) => {
  const { pathname, search } = new URL(link);
  return { 'X-Original-URI': `${pathname}${search}`, 'X-Original-Method': 'GET' };
};

/**
 * camlinks with its PostgreSQL behind a proxy the test controls: stopping the proxy is an
 * outage (the shared server itself must keep running for the other test files).
 */
describe('PostgreSQL outages and shutdown', () => {
  let proxied: ProxiedInstance;
  let proxy: TcpProxy;
  let camlinks: Instance;
  let cameraUuid: string;
  let integrationToken: string;

  const call = (path: string, init: RequestInit = {}, token = ADMIN) => camlinks.call(path, init, token);
  const post = (path: string, body: object, token = ADMIN) =>
    call(path, { method: 'POST', body: JSON.stringify(body) }, token);
  const json = async <T>(response: Promise<Response>) => (await response).json() as Promise<T>;
  const links = (response: Promise<Response>) => json<{ uuid: string; url: string }[]>(response);
  const issue = () =>
    post('/api/v1/cameras/preview', { cameras: [{ uuid: cameraUuid }], source: 'jpg' }, integrationToken);
  const verify = (link: string) => camlinks.mediaAuth(link);
  const status = (path: string) => fetch(`${camlinks.url}${path}`).then((r) => r.status);

  beforeAll(async () => {
    // A statement timeout above the default (2 s): the SIGTERM test's stall must outlast no bound
    // on a machine shared with other test runs; the blackhole test still sees answers in 4.5 s.
    proxied = await startBehindProxy({
      ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'fatal',
      USAGE_FLUSH_INTERVAL_MS: '200',
      DATABASE_STATEMENT_TIMEOUT_MS: '4000',
    });
    ({ camlinks, proxy } = proxied);
    const mediaServer = await json<{ id: string }>(
      post('/api/v1/admin/media-servers', { name: 'edge', base_url: 'http://127.0.0.1:8080' }),
    );
    const camera = await json<{ uuid: string }>(
      post('/api/v1/admin/cameras', {
        name: 'Gate',
        media_server_id: mediaServer.id,
        streams: [{ type: 'high', name: 'gate-hd' }],
        default_stream_type: 'high',
      }),
    );
    cameraUuid = camera.uuid;
    integrationToken = (await json<{ token: string }>(post('/api/v1/admin/integrations', { name: 'vms' }))).token;
  });

  afterAll(() => proxied?.close());

  it('fails readiness, answers 503 for issuing and refuses every link while PostgreSQL is down; recovers without a restart', async () => {
    const [link] = await links(issue());
    expect(await verify(link.url)).toBe(204);
    expect(await verify(link.url)).toBe(204); // now cached

    await proxy.stop();
    expect(await status('/health/live')).toBe(200);
    await eventually(async () => expect(await status('/health/ready')).toBe(503), RECOVERY_MS);
    const refused = await issue();
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ message: 'The database is unavailable. Try again shortly.' });
    // The cache is off once the change feed is lost: even a link verified a moment ago is refused.
    await eventually(async () => expect(await verify(link.url)).toBe(403), RECOVERY_MS);

    await proxy.resume();
    await eventually(async () => expect(await status('/health/ready')).toBe(200), RECOVERY_MS);
    const [fresh] = await links(issue());
    expect(await verify(fresh.url)).toBe(204);
    expect(await verify(link.url)).toBe(204);
  });

  it('answers within its bound while PostgreSQL accepts connections and answers nothing (a blackhole): 503, or a refusal', async () => {
    const [fresh] = await links(issue()); // never verified: its verification must ask the database
    const within = { signal: AbortSignal.timeout(ANSWER_WAIT_MS) };
    proxy.blackhole(() => true);
    const [issued, refused, listed] = await Promise.all([
      call(
        '/api/v1/cameras/preview',
        { ...within, method: 'POST', body: JSON.stringify({ cameras: [{ uuid: cameraUuid }], source: 'jpg' }) },
        integrationToken,
      ),
      fetch(`${camlinks.url}/api/v1/media-auth/nginx`, { ...within, headers: mediaAuthHeaders(fresh.url) }),
      call('/api/v1/admin/cameras', within),
    ]);
    expect([issued.status, refused.status, listed.status]).toEqual([503, 403, 503]);
    // Which message depends on the statement that meets the outage (reading cameras, or recording links).
    expect(await issued.json()).toEqual({
      message: expect.stringMatching(
        /^The (database is unavailable|links could not be recorded)\. Try again shortly\.$/,
      ),
    });
    // The circuit is open now: new work fails at once instead of waiting on dead connections.
    const again = { signal: AbortSignal.timeout(ANSWER_WAIT_MS) };
    expect((await call('/api/v1/admin/integrations', again)).status).toBe(503);
    expect((await fetch(`${camlinks.url}/health/ready`, again)).status).toBe(503);

    await proxy.resume();
    await eventually(async () => expect(await status('/health/ready')).toBe(200), RECOVERY_MS);
    const [after] = await links(issue());
    expect(await verify(after.url)).toBe(204);
    expect(await verify(fresh.url)).toBe(204);
  });

  it('on SIGTERM, stops taking connections, finishes the requests in flight, records their usage, then exits', async () => {
    const [link] = await links(issue());
    proxy.hold(); // PostgreSQL stalls: the next requests wait on their first query
    const issuing = issue();
    const verifying = verify(link.url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = camlinks.stop('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(fetch(`${camlinks.url}/health/live`)).rejects.toThrow();

    await proxy.resume();
    const issued = await issuing;
    expect(issued.status).toBe(200);
    expect(await issued.json()).toEqual([
      expect.objectContaining({ uuid: cameraUuid, url: expect.stringContaining('token=cll_') }),
    ]);
    expect(await verifying).toBe(204);
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    // Counted after the requests finished, not before: the verification's use is in the database.
    const db = new Client({ connectionString: databaseUrl(proxied.dbName) });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT use_count FROM issued_links WHERE token_hash = $1', [
        hashToken(new URL(link.url).searchParams.get('token')!),
      ]);
      expect(rows).toEqual([{ use_count: 1 }]);
    } finally {
      await db.end();
    }
  });
});
