import { Client } from 'pg';
import { kickMediaMtxSession } from '../src/kicks/mediamtx-control-api';
import { eventually } from './support/eventually';
import { type Instance, startInstance } from './support/instance';
import { MediaMtxStandIn } from './support/mediamtx-stand-in';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'kicks-two-instances-admin-token-0123456789';
const SECRET = 'kicks-two-instances-secret-01';
const LEADING = 'This instance ends the sessions of refused links';

/** Two camlinks processes on one PostgreSQL: one of them kicks, and the other takes over when it dies. */
describe('kicking with two instances', () => {
  let dbName: string;
  let db: Client;
  let instances: Instance[];
  let mediamtx: MediaMtxStandIn;
  let serverId: string;
  let cameraUuid: string;
  let stream: string;
  let integrationToken: string;

  beforeAll(async () => {
    dbName = await cloneTemplate();
    db = new Client({ connectionString: databaseUrl(dbName) });
    await db.connect();
    const env = {
      DATABASE_URL: databaseUrl(dbName),
      ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'info',
      USAGE_FLUSH_INTERVAL_MS: '100',
    };
    instances = await Promise.all([startInstance(env), startInstance(env)]);
    mediamtx = await MediaMtxStandIn.start({
      authUrl: `${instances[0].url}/api/v1/media-auth/mediamtx?secret=${SECRET}`,
      apiAuth: false,
    });
    const server = await body(
      post(instances[0], '/api/v1/admin/media-servers', {
        name: 'mediamtx',
        base_url: 'http://127.0.0.1:8888',
        verification_secret: SECRET,
        control_api_url: mediamtx.controlApiUrl,
      }),
    );
    serverId = server.id;
    stream = 'gate-hd';
    const camera = await body(
      post(instances[0], '/api/v1/admin/cameras', {
        name: 'Gate',
        media_server_id: serverId,
        streams: [{ type: 'high', name: stream }],
        default_stream_type: 'high',
      }),
    );
    cameraUuid = camera.uuid;
    integrationToken = (await body(post(instances[0], '/api/v1/admin/integrations', { name: 'vms' }))).token;
  });

  afterAll(async () => {
    await Promise.all((instances ?? []).map((instance) => instance.stop()));
    await mediamtx?.stop();
    await db?.end();
    if (dbName) await dropDatabase(dbName);
  });

  const post = (instance: Instance, path: string, payload: object, token = ADMIN) =>
    instance.call(path, { method: 'POST', body: JSON.stringify(payload) }, token);
  // Untyped on purpose: response shapes are asserted by the HTTP suites.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = async (response: Promise<Response>): Promise<any> => (await response).json();
  const leaders = () =>
    instances.filter((instance) => instance.process.exitCode === null && instance.output().includes(LEADING));

  /** A viewer admitted by the stand-in on a new link; returns the link id and MediaMTX's session id. */
  async function aViewer(): Promise<{ linkId: string; sessionId: string }> {
    const [link] = await body(
      post(
        instances[0],
        '/api/v1/cameras/video',
        { cameras: [{ uuid: cameraUuid }], source: 'rtsp' },
        integrationToken,
      ),
    );
    const token = new URL(link.url).searchParams.get('token')!;
    const sessionId = (await mediamtx.read(stream, { token }))!;
    expect(sessionId).not.toBeNull();
    const { rows } = await db.query<{ id: string }>(
      'SELECT id FROM issued_links WHERE camera_uuid = $1 ORDER BY issued_at DESC LIMIT 1',
      [cameraUuid],
    );
    await eventually(
      async () =>
        expect(
          (await db.query('SELECT 1 FROM viewing_sessions WHERE media_server_session_id = $1', [sessionId])).rowCount,
        ).toBe(1),
      10_000,
    );
    return { linkId: rows[0].id, sessionId };
  }

  it('kicks once in effect, whichever instance hears the revocation; a second kick is harmless', async () => {
    await eventually(async () => expect(leaders().map((instance) => instance.url)).toHaveLength(1), 30_000);
    const viewer = await aViewer();
    const follower = instances.find((instance) => !leaders().includes(instance))!;
    expect((await post(follower, `/api/v1/admin/links/${viewer.linkId}/revoke`, {})).status).toBe(200);
    await eventually(
      async () => expect(mediamtx.kicksOf(viewer.sessionId).map((kick) => kick.status)).toContain(200),
      15_000,
    );
    // Give a second kicker, were there one, the time to act: nothing but the one kick arrives.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mediamtx.kicksOf(viewer.sessionId).map((kick) => kick.status)).toEqual([200]);
    // Kicking again (a new leader that finds it pending) is answered 404 and counts as gone.
    expect(
      await kickMediaMtxSession(
        { url: mediamtx.controlApiUrl, username: null, password: null },
        'rtsp',
        viewer.sessionId,
        2000,
      ),
    ).toEqual({
      kind: 'gone',
    });
  });

  it('is taken over within seconds when the kicking instance is killed', async () => {
    await eventually(async () => expect(leaders().map((instance) => instance.url)).toHaveLength(1), 30_000);
    const [leader] = leaders();
    const survivor = instances.find((instance) => instance !== leader)!;
    instances = [survivor, leader];
    mediamtx.authUrl = `${survivor.url}/api/v1/media-auth/mediamtx?secret=${SECRET}`;
    const viewer = await aViewer();
    const killedAt = Date.now();
    expect(await leader.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect((await post(survivor, `/api/v1/admin/links/${viewer.linkId}/revoke`, {})).status).toBe(200);
    await eventually(
      async () => expect(mediamtx.kicksOf(viewer.sessionId).map((kick) => kick.status)).toEqual([200]),
      30_000,
    );
    console.log(
      `kicker takeover: the kick came ${mediamtx.kicksOf(viewer.sessionId)[0].at - killedAt} ms after SIGKILL`,
    );
    expect(survivor.output()).toContain(LEADING);
  });
});
