import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { hashToken } from '../src/auth/tokens';
import { aCamera, anIntegration, bearer } from './support/builders';
import { type Nginx, startNginx } from './support/nginx';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const SECRET = 'edge-secret-for-nginx-test';

/** A real nginx with auth_request, running the complete configuration the docs publish. */
describe(`a real nginx in front of previews (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let nginx: Nginx;
  let media: string;
  let base: string;
  let token: string;
  let serverId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const appPort = (t.app.getHttpServer().address() as AddressInfo).port;
    nginx = await startNginx(`127.0.0.1:${appPort}`, SECRET);
    ({ base, mediaRoot: media } = nginx);
    const server = await t
      .http()
      .post('/api/v1/admin/media-servers')
      .set(bearer(TEST_ADMIN_TOKEN))
      .send({ name: 'nginx-edge', base_url: base, verification_secret: SECRET });
    expect(server.status).toBe(201);
    ({ token } = await anIntegration(t.prisma));
    serverId = server.body.id;
  });

  afterAll(async () => {
    await nginx?.stop();
    await t?.close();
  });

  async function cameraWithPreview(content: string) {
    const camera = await aCamera(t.prisma, { mediaServerId: serverId });
    await mkdir(join(media, camera.streams[0].name), { recursive: true });
    await writeFile(join(media, camera.streams[0].name, 'preview.jpg'), content);
    return camera;
  }

  async function previewUrl(cameraUuid: string, ttl = 60): Promise<string> {
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(token))
      .send({ cameras: [{ uuid: cameraUuid }], source: 'jpg', ttl });
    expect(res.status).toBe(200);
    return res.body[0].url;
  }

  it('serves a freshly issued link, and refuses it once revoked', async () => {
    const camera = await cameraWithPreview('jpeg-bytes-A');
    const url = await previewUrl(camera.uuid);
    expect(url.startsWith(`${base}/`)).toBe(true);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('jpeg-bytes-A');

    const link = await t.prisma.issuedLink.findFirstOrThrow({
      where: { tokenHash: hashToken(new URL(url).searchParams.get('token')!) },
    });
    const revoked = await t
      .http()
      .post(`/api/v1/admin/links/${link.id}/revoke`)
      .set(bearer(TEST_ADMIN_TOKEN))
      .send({ reason: 'nginx test' });
    expect(revoked.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000)); // the promised propagation bound
    expect((await fetch(url)).status).toBe(403);
  });

  it('keeps its connections to camlinks open across checks (the upstream keepalive)', async () => {
    const camera = await cameraWithPreview('jpeg-bytes-K');
    const url = await previewUrl(camera.uuid);
    let opened = 0;
    const count = () => opened++;
    t.app.getHttpServer().on('connection', count);
    try {
      for (let i = 0; i < 20; i++) expect((await fetch(url)).status).toBe(200);
    } finally {
      t.app.getHttpServer().off('connection', count);
    }
    // At most one connection per nginx worker (one per core); without keepalive, one per check.
    expect(opened).toBeLessThanOrEqual(4);
  });

  it('refuses an expired link', async () => {
    const camera = await cameraWithPreview('jpeg-bytes-B');
    const url = await previewUrl(camera.uuid, 1);
    expect((await fetch(url)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await fetch(url)).status).toBe(403);
  });

  it('refuses a link for another camera, and a request without a token', async () => {
    const a = await cameraWithPreview('A');
    const b = await cameraWithPreview('B');
    const urlA = new URL(await previewUrl(a.uuid));
    const urlB = new URL(await previewUrl(b.uuid));
    expect((await fetch(`${base}${urlB.pathname}${urlA.search}`)).status).toBe(403);
    expect((await fetch(`${base}${urlB.pathname}`)).status).toBe(401);
    expect((await fetch(urlB)).status).toBe(200);
  });

  it('plays live HLS: the playlist hands the token on to its segments', async () => {
    const camera = await cameraWithPreview('unused');
    const streamDir = join(media, camera.streams[0].name);
    await writeFile(
      join(streamDir, 'index.m3u8'),
      '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg-1.ts\n#EXTINF:2.0,\nseg-2.ts\n',
    );
    await writeFile(join(streamDir, 'seg-1.ts'), 'segment-one');
    const res = await t
      .http()
      .post('/api/v1/cameras/video')
      .set(bearer(token))
      .send({ cameras: [{ uuid: camera.uuid }], source: 'hls', ttl: 60 });
    const playlistUrl = new URL(res.body[0].url);
    const playlist = await fetch(playlistUrl);
    expect(playlist.status).toBe(200);
    const body = await playlist.text();
    const linkToken = playlistUrl.searchParams.get('token')!;
    expect(body).toContain(`seg-1.ts?token=${linkToken}`);
    // What a player does: resolve the segment against the playlist's URL.
    const segment = await fetch(
      new URL(
        body.split('\n').find((line) => line.startsWith('seg-1'))!,
        playlistUrl,
      ),
    );
    expect(segment.status).toBe(200);
    expect(await segment.text()).toBe('segment-one');
    // Without the token (a playlist served as is), nginx refuses the segment.
    expect((await fetch(new URL('seg-1.ts', playlistUrl))).status).toBe(401);
    // A preview link for the same camera does not open the stream.
    const preview = new URL(await previewUrl(camera.uuid));
    expect((await fetch(`${playlistUrl.origin}${playlistUrl.pathname}${preview.search}`)).status).toBe(403);
  });

  describe('a link opens exactly its resource, whatever the path says', () => {
    const tag = Math.random().toString(36).slice(2, 8);

    /** A camera whose stream directory holds files whose contents name them, so a leak would show. */
    async function cameraWithFiles(stream: string, files: string[]) {
      const camera = await aCamera(t.prisma, { mediaServerId: serverId, streams: [{ type: 'high', name: stream }] });
      for (const file of files) {
        await mkdir(join(media, stream, file, '..'), { recursive: true });
        await writeFile(
          join(media, stream, file),
          file.endsWith('.m3u8') ? `#EXTM3U\n#FILE:${stream}/${file}\n` : `FILE:${stream}/${file}`,
        );
      }
      return camera;
    }

    async function liveToken(cameraUuid: string): Promise<string> {
      const res = await t
        .http()
        .post('/api/v1/cameras/video')
        .set(bearer(token))
        .send({ cameras: [{ uuid: cameraUuid }], source: 'hls', ttl: 60 });
      expect(res.status).toBe(200);
      return new URL(res.body[0].url).searchParams.get('token')!;
    }

    /** Asks nginx for a raw request path (fetch would normalize it), and returns the status and body. */
    async function rawGet(path: string): Promise<{ status: number; body: string }> {
      const { request } = await import('node:http');
      const url = new URL(base);
      return new Promise((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
    }

    const refusedWithout = async (path: string, secretOf: string) => {
      const answer = await rawGet(path);
      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      expect(answer.body).not.toContain(`FILE:${secretOf}`);
    };

    it('refuses encoded traversal to another camera, and double encoding', async () => {
      const a = `yard-${tag}`;
      const b = `gate-${tag}`;
      await cameraWithFiles(a, ['index.m3u8', 'seg-1.ts']);
      await cameraWithFiles(b, ['index.m3u8', 'seg-1.ts']);
      const live = await liveToken(
        (await t.prisma.camera.findFirstOrThrow({ where: { streams: { some: { name: a } } } })).uuid,
      );
      expect((await rawGet(`/${a}/index.m3u8?token=${live}`)).status).toBe(200);
      for (const path of [
        `/${a}/..%2F${b}%2Findex.m3u8`,
        `/${a}/..%2f${b}/seg-1.ts`,
        `/${a}%2F..%2F${b}/index.m3u8`,
        `/${a}/%2e%2e/${b}/index.m3u8`,
        `/${a}/.%2E/${b}/seg-1.ts`,
        `/${a}/%252e%252e/${b}/index.m3u8`,
        `/${a}/%252e%252e%252f${b}%252findex.m3u8`,
      ]) {
        await refusedWithout(`${path}?token=${live}`, b);
      }
    });

    it('refuses encoded archive names with a live token', async () => {
      const stream = `dvr-${tag}`;
      const T = Math.floor(Date.now() / 1000) - 3600;
      const archive = [
        `index-${T}-3600.m3u8`,
        `archive-${T}-3600.mp4`,
        `archive-${T}-3600.ts`,
        `index-${T}-3600.ts`,
        `timeshift_rel-600.m3u8`,
      ];
      const camera = await cameraWithFiles(stream, ['index.m3u8', ...archive]);
      const live = await liveToken(camera.uuid);
      for (const name of archive) {
        const encoded = name.replace(/\./g, '%2E');
        await refusedWithout(`/${stream}/${name}?token=${live}`, `${stream}/${name}`);
        await refusedWithout(`/${stream}/${encoded}?token=${live}`, `${stream}/${name}`);
        await refusedWithout(
          `/${stream}/${name.replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`)}?token=${live}`,
          `${stream}/${name}`,
        );
      }
    });

    it('refuses the authority form (//site2/…) for live and preview links', async () => {
      const stream = `gate-${tag}-x`;
      const site2 = `site2-${tag}/${stream}`;
      const mine = await cameraWithFiles(stream, ['index.m3u8', 'preview.jpg']);
      await cameraWithFiles(site2, ['index.m3u8', 'seg-1.ts', 'preview.jpg']);
      const live = await liveToken(mine.uuid);
      const preview = new URL(await previewUrl(mine.uuid)).searchParams.get('token')!;
      // nginx merges the slashes and serves the other camera's files at these paths.
      for (const path of [`//site2-${tag}/${stream}/index.m3u8`, `//site2-${tag}/${stream}/seg-1.ts`])
        await refusedWithout(`${path}?token=${live}`, site2);
      await refusedWithout(`//site2-${tag}/${stream}/preview.jpg?token=${preview}`, site2);
      expect((await rawGet(`/${stream}/preview.jpg?token=${preview}`)).body).toBe(`FILE:${stream}/preview.jpg`);
    });

    it('keeps stream yard out of stream yard/north', async () => {
      const yard = `yard-${tag}-p`;
      const north = `${yard}/north`;
      const camera = await cameraWithFiles(yard, ['index.m3u8']);
      await cameraWithFiles(north, ['index.m3u8', 'seg-1.ts', 'tracks-v1/index.m3u8']);
      const live = await liveToken(camera.uuid);
      expect((await rawGet(`/${yard}/index.m3u8?token=${live}`)).status).toBe(200);
      for (const path of [`/${north}/index.m3u8`, `/${north}/seg-1.ts`, `/${north}/tracks-v1/index.m3u8`])
        await refusedWithout(`${path}?token=${live}`, north);
    });
  });
});
