import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXAMPLE_CAMERA } from '../src/common/chosen-id';
import { type Instance, startInstance } from './support/instance';
import { type Nginx, startNginx } from './support/nginx';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'seed-test-admin-token-0123456789abcdefghij';
const SEED = join(__dirname, '../dist/seed/seed.cli.js');
const MEDIA_SECRET = 'seed-test-media-secret';

/** `npm run db:seed` against a running camlinks, as the README walk-through uses it. */
describe('npm run db:seed', () => {
  let dbName: string;
  let server: Instance;
  let nginx: Nginx;

  beforeAll(async () => {
    dbName = await cloneTemplate();
    server = await startInstance({ DATABASE_URL: databaseUrl(dbName), ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' });
    // The walk-through's media server: the published nginx.conf serving deploy/media.
    nginx = await startNginx(new URL(server.url).host, MEDIA_SECRET, join(__dirname, '../deploy/media'));
  });
  afterAll(async () => {
    await nginx?.stop();
    await server?.stop();
    if (dbName) await dropDatabase(dbName);
  });

  const seed = () =>
    promisify(execFile)(process.execPath, [SEED], {
      env: {
        PATH: process.env.PATH,
        ADMIN_TOKEN: ADMIN,
        CAMLINKS_URL: server.url,
        DATABASE_URL: databaseUrl(dbName),
        MEDIA_BASE_URL: nginx.base,
        MEDIA_SECRET,
      },
    });
  const tokens = (output: string) => ({
    integration: /Integration token.*?(cli_[\w-]{43})/.exec(output)?.[1],
    user: /User token.*?(clu_[\w-]{43})/.exec(output)?.[1],
  });
  const preview = (token: string) =>
    fetch(`${server.url}/api/v1/cameras/preview`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        cameras: [{ uuid: EXAMPLE_CAMERA }, { uuid: '7b2d4c1e-5f6a-4b8c-9d0e-1f2a3b4c5d6e' }],
        source: 'mp4',
        ttl: '100',
      }),
    }).then((r) => r.json() as Promise<{ uuid: string }[]>);

  it('adds demo data and prints tokens that work, and can run again', async () => {
    const first = tokens((await seed()).stdout);
    expect(first.integration).toBeDefined();
    expect(first.user).toBeDefined();
    expect(await preview(first.integration!)).toHaveLength(2);
    expect((await preview(first.user!)).map((l: { uuid: string }) => l.uuid)).toEqual([EXAMPLE_CAMERA]);

    const second = tokens((await seed()).stdout);
    expect(second.integration).not.toBe(first.integration);
    expect(await preview(second.integration!)).toHaveLength(2);
    const cameras = await fetch(`${server.url}/api/v1/admin/cameras`, {
      headers: { Authorization: `Bearer ${ADMIN}` },
    }).then((r) => r.json());
    expect(cameras).toHaveLength(2);
  });

  it("records an archive inside the camera's retention, ending now", async () => {
    await seed();
    const admin = <T>(path: string) =>
      fetch(`${server.url}/api/v1/admin${path}`, { headers: { Authorization: `Bearer ${ADMIN}` } }).then(
        (r) => r.json() as Promise<T>,
      );
    const camera = await admin<{ archive_retention_days: number }>(`/cameras/${EXAMPLE_CAMERA}`);
    const { ranges } = await admin<{ ranges: { from: string; to: string }[] }>(
      `/cameras/${EXAMPLE_CAMERA}/archive-ranges`,
    );
    expect(ranges).toHaveLength(1);
    const [from, to] = [Date.parse(ranges[0].from), Date.parse(ranges[0].to)];
    expect(from).toBeGreaterThan(Date.now() - camera.archive_retention_days * 86_400_000);
    expect(to).toBeLessThanOrEqual(Date.now());
    expect(to).toBeGreaterThan(Date.now() - 60_000);
  });

  it('plays every seeded stream through nginx from deploy/media: preview, playlist and each segment', async () => {
    const { integration } = tokens((await seed()).stdout);
    const cameras: { uuid: string; streams: { type: string; name: string }[] }[] = await fetch(
      `${server.url}/api/v1/admin/cameras`,
      {
        headers: { Authorization: `Bearer ${ADMIN}` },
      },
    ).then((r) => r.json() as Promise<typeof cameras>);
    const issue = (kind: 'preview' | 'video', body: object) =>
      fetch(`${server.url}/api/v1/cameras/${kind}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${integration}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ url: string }[]>);
    const streams = cameras.flatMap((camera) =>
      camera.streams.map((stream) => ({ uuid: camera.uuid, stream_type: stream.type })),
    );
    expect(streams).toHaveLength(3);
    for (const stream of streams) {
      for (const source of ['jpg', 'mp4']) {
        const [preview] = await issue('preview', { cameras: [stream], source, ttl: 60 });
        const res = await fetch(preview.url);
        expect({ url: preview.url, status: res.status }).toEqual({ url: preview.url, status: 200 });
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
      }
      const [live] = await issue('video', { cameras: [stream], source: 'hls', ttl: 60 });
      const playlist = await fetch(live.url);
      expect(playlist.status).toBe(200);
      const segments = (await playlist.text()).split('\n').filter((line) => line && !line.startsWith('#'));
      expect(segments.length).toBeGreaterThanOrEqual(3);
      for (const segment of segments) expect((await fetch(new URL(segment, live.url))).status).toBe(200);
    }
  });
});
