import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { hashToken } from '../src/auth/tokens';
import { aCamera, aGrant, aUser, bearer, camerasOnOneServer } from './support/builders';
import { eventually } from './support/eventually';
import { createTestAppWithIntegration, type TestApp } from './support/test-app';

const PREVIEW = '/api/v1/cameras/preview';
const VIDEO = '/api/v1/cameras/video';
const INSERT = expect.stringMatching(/^\s*INSERT INTO issued_links/);

/**
 * A link request reads nothing in steady state: credentials, cameras, streams, media servers,
 * grants and archive ranges come from caches that change notifications keep exact.
 */
describe(`The issue path's caches (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    // Statements are counted on the app's connections: the usage and hourly flushes, which run on
    // a timer, must not tick inside a counted request (they did on a busy machine).
    ({ t, token } = await createTestAppWithIntegration({ USAGE_FLUSH_INTERVAL_MS: String(3_600_000) }));
  });
  afterAll(() => t.close());

  const post = (path: string, body: object, auth = token) => t.http().post(path).set(bearer(auth)).send(body);

  /** Plain SQL from outside camlinks: another connection on PostgreSQL, the shared instance on the embedded database. */
  async function plainSql(statement: string, values: unknown[] = []): Promise<void> {
    if (t.config.database.kind !== 'postgres') return void (await t.prisma.$executeRawUnsafe(statement, ...values));
    const client = new Client({ connectionString: t.config.database.url });
    await client.connect();
    try {
      await client.query(statement, values);
    } finally {
      await client.end();
    }
  }

  it('sends one INSERT and no read per request in steady state, for 1 and for 30 cameras, for integrations and users', async () => {
    const cameras = await camerasOnOneServer(t.prisma, 30);
    const { user, token: userToken } = await aUser(t.prisma);
    await Promise.all(cameras.map((camera) => aGrant(t.prisma, user.id, camera.uuid)));
    // The set-up's change notifications would empty the caches if they arrived after a request filled them.
    await t.changesHeard();
    for (const auth of [token, userToken]) {
      for (const n of [1, 30]) {
        const body = { cameras: cameras.slice(0, n).map(({ uuid }) => ({ uuid })) };
        await post(PREVIEW, body, auth);
        t.queries.reset();
        const res = await post(PREVIEW, body, auth);
        expect(res.body).toHaveLength(n);
        expect(t.queries.statements).toEqual([INSERT]);
      }
    }
  });

  it.each([
    ['preview', PREVIEW, (uuid: string) => ({ uuid })],
    [
      'video with archive ranges',
      VIDEO,
      (uuid: string) => ({ uuid, archive_ranges: true, date: new Date(Date.now() - 60_000).toISOString() }),
    ],
  ])('%s: reads cameras once, in one round trip for any number, then sends only the INSERT', async (_, path, item) => {
    const cameras = await camerasOnOneServer(t.prisma, 30);
    await t.changesHeard();
    const count = async (n: number) => {
      t.queries.reset();
      expect((await post(path, { cameras: cameras.slice(0, n).map(({ uuid }) => item(uuid)) })).body).toHaveLength(n);
      return t.queries.count;
    };
    await post(path, { cameras: [item(randomUUID())] }); // caches the integration token
    expect(await count(1)).toBe(2); // the camera, and the INSERT
    expect(await count(30)).toBe(2); // the 29 cameras not yet cached, in one query, and the INSERT
    expect(await count(1)).toBe(1);
    expect(await count(30)).toBe(1);
  });

  it('stays warm when a link is revoked: that change reaches only the caches that read issued links', async () => {
    const camera = await aCamera(t.prisma);
    const body = { cameras: [{ uuid: camera.uuid }] };
    await t.changesHeard();
    const url = new URL((await post(PREVIEW, body)).body[0].url);
    const verify = () => t.mediaAuth(url);
    expect(await verify()).toBe(204); // its state is cached now
    await plainSql('UPDATE issued_links SET revoked_at = now() WHERE token_hash = $1', [
      hashToken(url.searchParams.get('token')!),
    ]);
    await t.changesHeard();
    t.queries.reset();
    expect((await post(PREVIEW, body)).body).toHaveLength(1);
    expect(t.queries.statements).toEqual([INSERT]);
    expect(await verify()).toBe(403); // the link states heard it
  });

  it('refuses a camera whose grant has expired, judged by the clock without a read', async () => {
    const camera = await aCamera(t.prisma);
    const { user, token: userToken } = await aUser(t.prisma);
    const expiresAt = new Date(Date.now() + 2500);
    await aGrant(t.prisma, user.id, camera.uuid, expiresAt);
    await t.changesHeard();
    await post(PREVIEW, { cameras: [{ uuid: camera.uuid }] }, userToken);
    t.queries.reset();
    expect((await post(PREVIEW, { cameras: [{ uuid: camera.uuid }] }, userToken)).body).toHaveLength(1);
    expect(t.queries.count).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    t.queries.reset();
    expect((await post(PREVIEW, { cameras: [{ uuid: camera.uuid }] }, userToken)).body).toEqual([]);
    expect(t.queries.count).toBe(0);
  });

  describe('sees a change made by plain SQL within a second', () => {
    it('a blocked camera, and a deleted grant', async () => {
      const camera = await aCamera(t.prisma);
      const { user, token: userToken } = await aUser(t.prisma);
      const granted = await aCamera(t.prisma);
      await aGrant(t.prisma, user.id, granted.uuid);
      expect((await post(PREVIEW, { cameras: [{ uuid: camera.uuid }] })).body).toHaveLength(1);
      expect((await post(PREVIEW, { cameras: [{ uuid: granted.uuid }] }, userToken)).body).toHaveLength(1);
      await plainSql('UPDATE cameras SET blocked = true WHERE uuid = $1', [camera.uuid]);
      await plainSql('DELETE FROM access_grants WHERE camera_uuid = $1', [granted.uuid]);
      await eventually(async () =>
        expect((await post(PREVIEW, { cameras: [{ uuid: camera.uuid }] })).body).toEqual([]),
      );
      await eventually(async () =>
        expect((await post(PREVIEW, { cameras: [{ uuid: granted.uuid }] }, userToken)).body).toEqual([]),
      );
    });

    it("a renamed stream and a moved media server's address", async () => {
      const camera = await aCamera(t.prisma);
      const body = { cameras: [{ uuid: camera.uuid }] };
      expect((await post(PREVIEW, body)).body[0].url).toContain(`/${camera.streams[0].name}/`);
      await plainSql("UPDATE camera_streams SET name = 'renamed' WHERE camera_uuid = $1 AND type = 'high'", [
        camera.uuid,
      ]);
      await plainSql("UPDATE media_servers SET base_url = 'http://moved.test' WHERE id = $1", [camera.mediaServerId]);
      await eventually(async () =>
        expect((await post(PREVIEW, body)).body[0].url).toMatch(/^http:\/\/moved\.test\/renamed\//),
      );
    });

    it('archive ranges written by another writer', async () => {
      const camera = await aCamera(t.prisma);
      const body = { cameras: [{ uuid: camera.uuid, archive_ranges: true }], source: 'hls' };
      const before = (await post(VIDEO, body)).body[0].archive_ranges;
      const from = new Date(Date.now() - 3600_000);
      await plainSql(
        `INSERT INTO archive_ranges (id, camera_uuid, stream_type, "from", "to") VALUES (gen_random_uuid(), $1, 'high', $2, $3)`,
        [camera.uuid, from, new Date(from.getTime() + 600_000)],
      );
      await eventually(async () => expect((await post(VIDEO, body)).body[0].archive_ranges).not.toEqual(before));
      expect((await post(VIDEO, body)).body[0].archive_ranges).toEqual([
        { from: Math.floor(from.getTime() / 1000), duration: 600 },
      ]);
    });
  });
});
