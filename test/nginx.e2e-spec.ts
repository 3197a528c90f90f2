import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '../src/auth/tokens';
import { aCamera, anIntegration, bearer } from './support/builders';
import { freePort } from './support/instance';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const NGINX = '/usr/sbin/nginx';
const SECRET = 'edge-secret-for-nginx-test';

/** A real nginx with auth_request, configured by the snippet the docs publish. */
describe(`a real nginx in front of previews (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let nginx: ChildProcess;
  let dir: string;
  let base: string;
  let token: string;
  let serverId: string;

  beforeAll(async () => {
    if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx (.ci/run does)`);
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const appPort = (t.app.getHttpServer().address() as AddressInfo).port;
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    dir = await mkdtemp(join(tmpdir(), 'camlinks-nginx-'));
    const snippet = (await readFile(join(__dirname, '../docs/media-servers/nginx-auth-request.conf'), 'utf8'))
      .replaceAll('{{CAMLINKS}}', `127.0.0.1:${appPort}`)
      .replaceAll('{{MEDIA_SECRET}}', SECRET)
      .replaceAll('{{MEDIA_ROOT}}', join(dir, 'media'));
    await writeFile(
      join(dir, 'nginx.conf'),
      `user root; worker_processes 1; error_log ${dir}/error.log; pid ${dir}/nginx.pid; daemon off;
       events { worker_connections 64; }
       http {
         access_log off; types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; image/jpeg jpg; }
         client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
         server { listen 127.0.0.1:${port}; ${snippet} }
       }`,
    );
    nginx = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'inherit' });
    const admin = bearer(TEST_ADMIN_TOKEN);
    const server = await t.http().post('/api/v1/admin/media-servers').set(admin).send({ name: 'nginx-edge', base_url: base, verification_secret: SECRET });
    expect(server.status).toBe(201);
    ({ token } = await anIntegration(t.prisma));
    for (let i = 0; i < 50; i++) {
      const ready = await fetch(`${base}/`).then(
        () => true,
        () => false,
      );
      if (ready) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    serverId = server.body.id;
  });

  afterAll(async () => {
    nginx?.kill();
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function cameraWithPreview(content: string) {
    const camera = await aCamera(t.prisma, { mediaServerId: serverId });
    await mkdir(join(dir, 'media', camera.streams[0].name), { recursive: true });
    await writeFile(join(dir, 'media', camera.streams[0].name, 'preview.jpg'), content);
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

    const link = await t.prisma.issuedLink.findUniqueOrThrow({ where: { tokenHash: hashToken(new URL(url).searchParams.get('token')!) } });
    const revoked = await t.http().post(`/api/v1/admin/links/${link.id}/revoke`).set(bearer(TEST_ADMIN_TOKEN)).send({ reason: 'nginx test' });
    expect(revoked.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000)); // the promised propagation bound
    expect((await fetch(url)).status).toBe(403);
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
    const streamDir = join(dir, 'media', camera.streams[0].name);
    await writeFile(join(streamDir, 'index.m3u8'), '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2.0,\nseg-1.ts\n#EXTINF:2.0,\nseg-2.ts\n');
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
});
