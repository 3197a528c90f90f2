import { aGateCamera, type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'two-instances-admin-token-0123456789abcdef';

/** Two camlinks processes on one PostgreSQL: what one revokes, the other refuses within a second. */
describe('two instances sharing PostgreSQL', () => {
  let dbName: string;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    dbName = await cloneTemplate();
    const env = {
      DATABASE_URL: databaseUrl(dbName),
      ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'warn',
      USAGE_FLUSH_INTERVAL_MS: '200',
    };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (dbName) await dropDatabase(dbName);
  });

  const call = (instance: Instance, path: string, init: RequestInit = {}, token = ADMIN) =>
    instance.call(path, init, token);
  const post = (instance: Instance, path: string, body: object, token = ADMIN) =>
    call(instance, path, { method: 'POST', body: JSON.stringify(body) }, token);
  // Untyped on purpose: response shapes are asserted by the HTTP suites.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = async (response: Promise<Response>): Promise<any> => (await response).json();

  it('revokes through one instance and the other refuses within a second', async () => {
    const { cameraUuid, integrationToken } = await aGateCamera(a, ADMIN, { archive_retention_days: 7 });
    const [link] = await body(
      post(
        a,
        '/api/v1/cameras/preview',
        { cameras: [{ uuid: cameraUuid }], source: 'jpg', ttl: '300' },
        integrationToken,
      ),
    );
    const verifyOnB = () => b.mediaAuth(link.url);

    expect(await verifyOnB()).toBe(204);
    expect(await verifyOnB()).toBe(204); // served from B's cache now

    const links = await body(call(a, `/api/v1/admin/links?camera_uuid=${cameraUuid}`));
    const revokedAt = Date.now();
    expect((await post(a, `/api/v1/admin/links/${links.data[0].id}/revoke`, { reason: 'two instances' })).status).toBe(
      200,
    );
    let status = await verifyOnB();
    while (status !== 403 && Date.now() - revokedAt < 1000) status = await verifyOnB();
    expect(status).toBe(403);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
  });

  it('flushes usage counters when an instance is stopped with SIGTERM', async () => {
    const server = await body(
      post(a, '/api/v1/admin/media-servers', { name: 'edge-2', base_url: 'http://127.0.0.1:8081' }),
    );
    const camera = await body(
      post(a, '/api/v1/admin/cameras', {
        name: 'Yard',
        media_server_id: server.id,
        streams: [{ type: 'high', name: 'yard-hd' }],
        default_stream_type: 'high',
      }),
    );
    const integration = await body(post(a, '/api/v1/admin/integrations', { name: 'portal' }));
    const [link] = await body(
      post(a, '/api/v1/cameras/preview', { cameras: [{ uuid: camera.uuid }] }, integration.token),
    );
    // A long flush interval on a third instance: only the shutdown flush can write these.
    const c = await startInstance({
      DATABASE_URL: databaseUrl(dbName),
      ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'warn',
      USAGE_FLUSH_INTERVAL_MS: '600000',
    });
    for (let i = 0; i < 3; i++) {
      expect(await c.mediaAuth(link.url)).toBe(204);
    }
    // Nest closes the app (flushing usage), then lets SIGTERM end the process.
    expect(await c.stop('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    const listed = await body(call(a, `/api/v1/admin/links?camera_uuid=${camera.uuid}`));
    expect(listed.data[0].usage.use_count).toBe(3);
  });
  it('a camera blocked through one instance is refused by the other within a second, and stays refused when unblocked', async () => {
    const server = await body(
      post(a, '/api/v1/admin/media-servers', { name: 'edge-3', base_url: 'http://127.0.0.1:8082' }),
    );
    const camera = await body(
      post(a, '/api/v1/admin/cameras', {
        name: 'Dock',
        media_server_id: server.id,
        streams: [{ type: 'high', name: 'dock-hd' }],
        default_stream_type: 'high',
      }),
    );
    const integration = await body(post(a, '/api/v1/admin/integrations', { name: 'kiosk' }));
    const [link] = await body(
      post(a, '/api/v1/cameras/preview', { cameras: [{ uuid: camera.uuid }], source: 'jpg' }, integration.token),
    );
    const verifyOnB = () => b.mediaAuth(link.url);
    expect(await verifyOnB()).toBe(204);
    expect(await verifyOnB()).toBe(204); // from B's cache

    const patch = (changes: object) =>
      call(a, `/api/v1/admin/cameras/${camera.uuid}`, { method: 'PATCH', body: JSON.stringify(changes) });
    const blockedAt = Date.now();
    expect((await patch({ blocked: true })).status).toBe(200);
    let status = await verifyOnB();
    while (status !== 403 && Date.now() - blockedAt < 1000) status = await verifyOnB();
    expect(status).toBe(403);
    expect((await patch({ blocked: false })).status).toBe(200);
    expect(await verifyOnB()).toBe(403);
    const listedOnB = await body(call(b, `/api/v1/admin/links?camera_uuid=${camera.uuid}`));
    expect(listedOnB.data[0]).toMatchObject({ status: 'revoked', revoked_reason: 'camera blocked' });
  });
});
