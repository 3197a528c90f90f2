import { randomUUID } from 'node:crypto';
import { hashToken } from '../src/auth/tokens';
import { UsageRecorder } from '../src/verification/usage-recorder';
import { aCamera, aGrant, anIntegration, aUser, bearer } from './support/builders';
import { eventually } from './support/eventually';
import { createTestAppWithIntegration, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const AUTH = '/api/v1/media-auth';

describe(`media server verification (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let integrationToken: string;

  beforeAll(async () => {
    // Usage is flushed when a test says so: a periodic flush landing between a test's requests
    // (seconds apart on a loaded CI machine) would look like a write per request.
    ({ t, token: integrationToken } = await createTestAppWithIntegration({ USAGE_FLUSH_INTERVAL_MS: '3600000' }));
  });
  afterAll(() => t.close());

  async function issue(body: object, headers = bearer(integrationToken)) {
    const res = await t.http().post('/api/v1/cameras/preview').set(headers).send(body);
    expect(res.status).toBe(200);
    const url = new URL(res.body[0].url);
    return { url, token: url.searchParams.get('token')!, path: url.pathname };
  }

  /** An archive link to the hour that began three hours ago, on a new camera. */
  async function anHourOfArchive() {
    const camera = await aCamera(t.prisma);
    const from = Math.floor((Date.now() - 3 * 3600_000) / 1000) * 1000;
    const res = await t
      .http()
      .post('/api/v1/cameras/archive')
      .set(bearer(integrationToken))
      .send({
        cameras: [
          { uuid: camera.uuid, from: new Date(from).toISOString(), to: new Date(from + 3600_000).toISOString() },
        ],
      });
    expect(res.status).toBe(200);
    return { camera, from, url: new URL(res.body[0].url) };
  }

  const viaNginx = (uri: string, headers: Record<string, string> = {}) =>
    t
      .http()
      .get(`${AUTH}/nginx`)
      .set({ 'X-Original-URI': uri, 'X-Original-Method': 'GET', ...headers });
  const viaFlussonic = (query: Record<string, string>) =>
    t
      .http()
      .get(`${AUTH}/flussonic`)
      .query({ ip: '203.0.113.7', request_type: 'new_session', session_id: randomUUID(), ...query });
  const viaMediaMtx = (body: object) =>
    t
      .http()
      .post(`${AUTH}/mediamtx`)
      .send({ ip: '203.0.113.7', protocol: 'hls', id: randomUUID(), ...body });

  describe('nginx auth_request', () => {
    it('answers 204 for the issued preview, 401 without a token, 403 otherwise — and nothing else', async () => {
      const camera = await aCamera(t.prisma);
      const link = await issue({ cameras: [{ uuid: camera.uuid }], source: 'jpg' });
      expect((await viaNginx(`${link.path}?token=${link.token}`)).status).toBe(204);
      expect((await viaNginx(`${link.path}?token=${link.token}`, { 'X-Original-Method': 'HEAD' })).status).toBe(204);
      expect((await viaNginx(link.path)).status).toBe(401);
      expect((await t.http().get(`${AUTH}/nginx`)).status).toBe(401);
      expect((await viaNginx(`${link.path}?token=cll_${'x'.repeat(43)}`)).status).toBe(403);
      expect((await viaNginx(`${link.path}?token=garbage`)).status).toBe(403);
      expect((await viaNginx(`${link.path}?token=${link.token}`, { 'X-Original-Method': 'POST' })).status).toBe(403);
      // The same token for the live video, the other format or another stream: refused.
      expect((await viaNginx(`${link.path.replace('preview.jpg', 'preview.mp4')}?token=${link.token}`)).status).toBe(
        403,
      );
      expect((await viaNginx(`${link.path.replace('preview.jpg', 'index.m3u8')}?token=${link.token}`)).status).toBe(
        403,
      );
      expect((await viaNginx(`/${camera.streams[1].name}/preview.jpg?token=${link.token}`)).status).toBe(403);
    });

    it('never opens camera B with a token for camera A', async () => {
      const [a, b] = [await aCamera(t.prisma), await aCamera(t.prisma)];
      const linkA = await issue({ cameras: [{ uuid: a.uuid }] });
      const linkB = await issue({ cameras: [{ uuid: b.uuid }] });
      expect((await viaNginx(`${linkB.path}?token=${linkA.token}`)).status).toBe(403);
      expect((await viaNginx(`${linkB.path}?token=${linkB.token}`)).status).toBe(204);
    });

    it('checks an archive preview against its own start time', async () => {
      const camera = await aCamera(t.prisma);
      const date = new Date(Date.now() - 600_000);
      const link = await issue({ cameras: [{ uuid: camera.uuid, date: date.toISOString() }] });
      expect(link.path).toMatch(/\/\d+-preview\.mp4$/);
      expect((await viaNginx(`${link.path}?token=${link.token}`)).status).toBe(204);
      expect((await viaNginx(`${link.path.replace(/\d+-preview/, '1000-preview')}?token=${link.token}`)).status).toBe(
        403,
      );
    });
  });

  describe('Flussonic authorization backend', () => {
    it("allows the stream's preview with X-AuthDuration within the link's life and X-UserId", async () => {
      const camera = await aCamera(t.prisma);
      const { integration, token } = await anIntegration(t.prisma);
      // A life shorter than the cap (FLUSSONIC_AUTH_DURATION_MAX, 10 s by default).
      const link = await issue({ cameras: [{ uuid: camera.uuid }], ttl: 8 }, bearer(token));
      const res = await viaFlussonic({ name: camera.streams[0].name, token: link.token, proto: 'mp4' });
      expect(res.status).toBe(200);
      expect(Number(res.headers['x-authduration'])).toBeGreaterThanOrEqual(6);
      expect(Number(res.headers['x-authduration'])).toBeLessThanOrEqual(8);
      expect(res.headers['x-userid']).toBe(integration.id);
    });

    it('caps X-AuthDuration by FLUSSONIC_AUTH_DURATION_MAX and names the user for user links', async () => {
      const camera = await aCamera(t.prisma);
      const { user, token } = await aUser(t.prisma);
      await aGrant(t.prisma, user.id, camera.uuid);
      const link = await issue({ cameras: [{ uuid: camera.uuid }], ttl: 3600 }, bearer(token));
      const res = await viaFlussonic({ name: camera.streams[0].name, token: link.token, proto: 'jpeg' });
      expect(res.status).toBe(200);
      expect(res.headers['x-authduration']).toBe(String(t.config.verification.authDurationMax));
      expect(res.headers['x-userid']).toBe(user.id);
    });

    it('refuses with 403 another stream, a live protocol for a preview link, and a missing token', async () => {
      const camera = await aCamera(t.prisma);
      const link = await issue({ cameras: [{ uuid: camera.uuid }] });
      expect((await viaFlussonic({ name: camera.streams[1].name, token: link.token, proto: 'mp4' })).status).toBe(403);
      expect((await viaFlussonic({ name: camera.streams[0].name, token: link.token, proto: 'hls' })).status).toBe(403);
      expect((await viaFlussonic({ name: camera.streams[0].name, proto: 'mp4' })).status).toBe(403);
    });
  });

  describe('MediaMTX external authentication', () => {
    it('allows a live link to read its path (token, query or password) and refuses everything else with 401', async () => {
      const camera = await aCamera(t.prisma);
      const { token } = await issue({ cameras: [{ uuid: camera.uuid }] });
      // Live links come with the video endpoint; here the issued preview row is turned into one.
      await t.prisma.issuedLink.updateMany({ where: { tokenHash: hashToken(token) }, data: { kind: 'live' } });
      const path = camera.streams[0].name;
      expect((await viaMediaMtx({ action: 'read', path, token })).status).toBe(200);
      expect((await viaMediaMtx({ action: 'read', path, query: `token=${token}` })).status).toBe(200);
      expect((await viaMediaMtx({ action: 'read', path, user: 'any', password: token })).status).toBe(200);
      expect((await viaMediaMtx({ action: 'publish', path, token })).status).toBe(401);
      expect((await viaMediaMtx({ action: 'read', path: camera.streams[1].name, token })).status).toBe(401);
      expect((await viaMediaMtx({ action: 'read', path })).status).toBe(401);
    });

    it('never lets a preview link open live video', async () => {
      const camera = await aCamera(t.prisma);
      const { token } = await issue({ cameras: [{ uuid: camera.uuid }] });
      expect((await viaMediaMtx({ action: 'read', path: camera.streams[0].name, token })).status).toBe(401);
    });
  });

  describe('live and archive links', () => {
    const videoLink = async (body: object) => {
      const res = await t.http().post('/api/v1/cameras/video').set(bearer(integrationToken)).send(body);
      expect(res.status).toBe(200);
      const url = new URL(res.body[0].url);
      return {
        token: url.searchParams.get('token')!,
        path: url.pathname,
        dir: url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1),
      };
    };
    const chunkPath = (at: number) => {
      const d = new Date(at);
      const p = (n: number) => String(n).padStart(2, '0');
      return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCHours())}/${p(d.getUTCMinutes())}/${p(d.getUTCSeconds())}-06000.ts`;
    };
    const seconds = (ms: number) => Math.floor(ms / 1000);

    it('opens a live HLS stream, its variants and segments, but not the archive or previews (nginx)', async () => {
      const camera = await aCamera(t.prisma);
      const { token, path, dir } = await videoLink({ cameras: [{ uuid: camera.uuid }] });
      const open = async (p: string) => (await viaNginx(`${p}?token=${token}`)).status;
      expect(await open(path)).toBe(204);
      expect(await open(`${dir}tracks-v1/index.m3u8`)).toBe(204);
      expect(await open(`${dir}tracks-v1/segment-000123.ts`)).toBe(204);
      expect(await open(`${dir}${chunkPath(Date.now() - 30_000)}`)).toBe(204);
      // The known trap: a segment URL without the token is refused (see the README's HLS notes).
      expect((await viaNginx(`${dir}segment-000123.ts`)).status).toBe(401);
      expect(await open(`${dir}index-${seconds(Date.now() - 3600_000)}-now.m3u8`)).toBe(403);
      expect(await open(`${dir}${chunkPath(Date.now() - 3600_000)}`)).toBe(403);
      expect(await open(`${dir}preview.jpg`)).toBe(403);
      expect(await open(`/${camera.streams[1].name}/index.m3u8`)).toBe(403);
    });

    it('opens an archive link only inside its window (nginx)', async () => {
      const camera = await aCamera(t.prisma);
      const from = Date.now() - 2 * 3600_000;
      const { token, path, dir } = await videoLink({
        cameras: [{ uuid: camera.uuid, date: new Date(from).toISOString() }],
      });
      const open = async (p: string) => (await viaNginx(`${p}?token=${token}`)).status;
      expect(path).toBe(`${dir}index-${seconds(from)}-now.m3u8`);
      expect(await open(path)).toBe(204);
      expect(await open(`${dir}index-${seconds(from) + 600}-3600.m3u8`)).toBe(204);
      expect(await open(`${dir}${chunkPath(from + 60_000)}`)).toBe(204);
      expect(await open(`${dir}index-${seconds(from) - 3600}-now.m3u8`)).toBe(403);
      expect(await open(`${dir}${chunkPath(from - 600_000)}`)).toBe(403);
      expect(await open(`${dir}index.m3u8`)).toBe(403);
    });

    it('keeps a segment link to its segment (nginx) and its playback window (MediaMTX)', async () => {
      const { camera, from, url } = await anHourOfArchive();
      const token = url.searchParams.get('token')!;
      const dir = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
      expect((await viaNginx(`${url.pathname}?token=${token}`)).status).toBe(204);
      expect((await viaNginx(`${dir}index-${seconds(from)}-now.m3u8?token=${token}`)).status).toBe(403);
      expect((await viaNginx(`${dir}index-${seconds(from)}-7200.m3u8?token=${token}`)).status).toBe(403);

      const path = camera.streams[0].name;
      const playback = (start: number, duration: number) =>
        viaMediaMtx({
          action: 'playback',
          path,
          token,
          query: `path=${path}&start=${new Date(start).toISOString()}&duration=${duration}s`,
        });
      expect((await playback(from, 3600)).status).toBe(200);
      expect((await playback(from + 600_000, 600)).status).toBe(200);
      expect((await playback(from - 600_000, 600)).status).toBe(401);
      expect((await playback(from, 7200)).status).toBe(401);
      expect((await viaMediaMtx({ action: 'read', path, token })).status).toBe(401);
    });

    it('lets Flussonic and MediaMTX play a live link, and not as a preview', async () => {
      const camera = await aCamera(t.prisma);
      const { token } = await videoLink({ cameras: [{ uuid: camera.uuid }], source: 'rtsp' });
      const name = camera.streams[0].name;
      expect((await viaFlussonic({ name, token, proto: 'rtsp' })).status).toBe(200);
      expect((await viaFlussonic({ name, token, proto: 'jpeg' })).status).toBe(403);
      expect((await viaMediaMtx({ action: 'read', path: name, protocol: 'rtsp', token })).status).toBe(200);
      expect(
        (
          await viaMediaMtx({
            action: 'playback',
            path: name,
            token,
            query: `start=${new Date().toISOString()}&duration=60`,
          })
        ).status,
      ).toBe(401);
      // An RTSP link is not an HLS link: nginx serves no RTSP.
      expect((await viaNginx(`/${name}/index.m3u8?token=${token}`)).status).toBe(403);
    });
  });

  describe('what a decision depends on', () => {
    async function allowedThenRefusedAfter(
      change: (ctx: { cameraUuid: string; token: string }) => Promise<unknown>,
      issuer: 'integration' | 'user' = 'integration',
    ) {
      const camera = await aCamera(t.prisma);
      let headers = bearer(integrationToken);
      if (issuer === 'user') {
        const { user, token } = await aUser(t.prisma);
        await aGrant(t.prisma, user.id, camera.uuid);
        headers = bearer(token);
      }
      const link = await issue({ cameras: [{ uuid: camera.uuid }] }, headers);
      const uri = `${link.path}?token=${link.token}`;
      expect((await viaNginx(uri)).status).toBe(204); // now cached
      await change({ cameraUuid: camera.uuid, token: link.token });
      await eventually(async () => expect((await viaNginx(uri)).status).toBe(403));
    }

    it('refuses a revoked link', () =>
      allowedThenRefusedAfter(({ token }) =>
        t.prisma.issuedLink.updateMany({
          where: { tokenHash: hashToken(token) },
          data: { revokedAt: new Date(), revokedBy: 'test' },
        }),
      ));
    it('refuses an expired link', () =>
      allowedThenRefusedAfter(
        ({ token }) =>
          t.prisma
            .$executeRaw`UPDATE issued_links SET expires_at = now() - interval '1 second', revoked_at = NULL WHERE token_hash = ${hashToken(token)}`,
      ));
    it('refuses when the camera is blocked', () =>
      allowedThenRefusedAfter(({ cameraUuid }) =>
        t.prisma.camera.update({ where: { uuid: cameraUuid }, data: { blocked: true } }),
      ));
    it('refuses when the camera is deleted', () =>
      allowedThenRefusedAfter(({ cameraUuid }) => t.prisma.camera.delete({ where: { uuid: cameraUuid } })));
    it('refuses when the stream is renamed', () =>
      allowedThenRefusedAfter(
        ({ cameraUuid }) =>
          t.prisma
            .$executeRaw`UPDATE camera_streams SET name = name || '-renamed' WHERE camera_uuid = ${cameraUuid}::uuid`,
      ));
    it('refuses when the issuing integration token is revoked', async () => {
      const { token, tokenId } = await anIntegration(t.prisma);
      const saved = integrationToken;
      integrationToken = token;
      try {
        await allowedThenRefusedAfter(() =>
          t.prisma.integrationToken.update({ where: { id: tokenId }, data: { revokedAt: new Date() } }),
        );
      } finally {
        integrationToken = saved;
      }
    });
    it('refuses when the issuing user token is revoked', () =>
      allowedThenRefusedAfter(
        ({ token }) =>
          t.prisma
            .$executeRaw`UPDATE user_tokens SET revoked_at = now() WHERE id = (SELECT user_token_id FROM issued_links WHERE token_hash = ${hashToken(token)})`,
        'user',
      ));
    it("refuses when the user's grant is deleted", () =>
      allowedThenRefusedAfter(({ cameraUuid }) => t.prisma.accessGrant.deleteMany({ where: { cameraUuid } }), 'user'));
    it("refuses when the user's grant expires", () =>
      allowedThenRefusedAfter(
        ({ cameraUuid }) =>
          t.prisma.accessGrant.updateMany({ where: { cameraUuid }, data: { expiresAt: new Date(Date.now() - 1000) } }),
        'user',
      ));
  });

  describe('media server secrets', () => {
    it("requires the media server's secret when it has one, by header or query parameter", async () => {
      const camera = await aCamera(t.prisma);
      await t.prisma.mediaServer.update({
        where: { id: camera.mediaServerId },
        data: { verificationSecretHash: hashToken('s3cret-for-edge') },
      });
      const link = await issue({ cameras: [{ uuid: camera.uuid }] });
      const uri = `${link.path}?token=${link.token}`;
      await eventually(async () => expect((await viaNginx(uri)).status).toBe(401));
      expect((await viaNginx(uri, { 'X-Media-Server-Secret': 'wrong' })).status).toBe(403);
      expect((await viaNginx(uri, { 'X-Media-Server-Secret': 's3cret-for-edge' })).status).toBe(204);
      expect(
        (
          await t
            .http()
            .get(`${AUTH}/nginx?secret=s3cret-for-edge`)
            .set({ 'X-Original-URI': uri, 'X-Original-Method': 'GET' })
        ).status,
      ).toBe(204);
      const name = camera.streams[0].name;
      expect((await viaFlussonic({ name, token: link.token, proto: 'mp4' })).status).toBe(403);
      expect((await viaFlussonic({ name, token: link.token, proto: 'mp4', secret: 's3cret-for-edge' })).status).toBe(
        200,
      );
    });
  });

  describe('which media server asks', () => {
    const admin = bearer(TEST_ADMIN_TOKEN);
    async function serverWithCamera(secret?: string) {
      const res = await t
        .http()
        .post('/api/v1/admin/media-servers')
        .set(admin)
        .send({
          name: `edge-${randomUUID()}`,
          base_url: 'http://media.test:8080',
          ...(secret ? { verification_secret: secret } : {}),
        });
      expect(res.status).toBe(201);
      const camera = await aCamera(t.prisma, { mediaServerId: res.body.id });
      const link = await issue({ cameras: [{ uuid: camera.uuid }] });
      return { id: res.body.id as string, camera, link, uri: `${link.path}?token=${link.token}` };
    }
    const withSecret = (secret: string): Record<string, string> => ({ 'X-Media-Server-Secret': secret });

    it("knows the server by its secret: a link verifies only when its own server asks, never another's, never an unknown one", async () => {
      const a = await serverWithCamera('secret-of-edge-a-0001');
      const b = await serverWithCamera('secret-of-edge-b-0001');
      const open = await serverWithCamera();
      expect((await viaNginx(a.uri, withSecret('secret-of-edge-a-0001'))).status).toBe(204);
      expect((await viaNginx(a.uri, withSecret('secret-of-edge-b-0001'))).status).toBe(403);
      expect((await viaNginx(a.uri, withSecret('secret-of-no-edge-0001'))).status).toBe(403);
      expect((await viaNginx(a.uri)).status).toBe(401);
      expect((await viaNginx(b.uri, withSecret('secret-of-edge-b-0001'))).status).toBe(204);
      // A server without a secret trusts its network; another server's secret, or a made-up one, is refused.
      expect((await viaNginx(open.uri)).status).toBe(204);
      expect((await viaNginx(open.uri, withSecret('secret-of-edge-a-0001'))).status).toBe(403);
      expect((await viaNginx(open.uri, withSecret('secret-of-no-edge-0001'))).status).toBe(403);
      // The same through Flussonic and MediaMTX.
      const name = a.camera.streams[0].name;
      expect(
        (await viaFlussonic({ name, token: a.link.token, proto: 'mp4', secret: 'secret-of-edge-b-0001' })).status,
      ).toBe(403);
      expect(
        (await viaFlussonic({ name, token: a.link.token, proto: 'mp4', secret: 'secret-of-edge-a-0001' })).status,
      ).toBe(200);
      const video = await t
        .http()
        .post('/api/v1/cameras/video')
        .set(bearer(integrationToken))
        .send({ cameras: [{ uuid: a.camera.uuid }], source: 'rtsp' });
      const live = new URL(video.body[0].url).searchParams.get('token')!;
      const read = (secret: string) =>
        t
          .http()
          .post(`${AUTH}/mediamtx?secret=${secret}`)
          .send({ action: 'read', path: name, token: live, ip: '203.0.113.7' });
      expect((await read('secret-of-edge-a-0001')).status).toBe(200);
      expect((await read('secret-of-edge-b-0001')).status).toBe(401);
    });

    it('follows a changed secret at once: the old one names no server any more', async () => {
      const a = await serverWithCamera('secret-before-change-01');
      expect((await viaNginx(a.uri, withSecret('secret-before-change-01'))).status).toBe(204);
      const changed = await t
        .http()
        .patch(`/api/v1/admin/media-servers/${a.id}`)
        .set(admin)
        .send({ verification_secret: 'secret-after-change-001' });
      expect(changed.status).toBe(200);
      expect((await viaNginx(a.uri, withSecret('secret-before-change-01'))).status).toBe(403);
      expect((await viaNginx(a.uri, withSecret('secret-after-change-001'))).status).toBe(204);
      // And the old secret, given to another server, names that one.
      const b = await serverWithCamera('secret-before-change-01');
      expect((await viaNginx(a.uri, withSecret('secret-before-change-01'))).status).toBe(403);
      expect((await viaNginx(b.uri, withSecret('secret-before-change-01'))).status).toBe(204);
    });
  });

  describe('protocol details that decide', () => {
    it('refuses an nginx request without X-Original-Method (the documented snippet sends it)', async () => {
      const camera = await aCamera(t.prisma);
      const link = await issue({ cameras: [{ uuid: camera.uuid }] });
      const uri = `${link.path}?token=${link.token}`;
      expect((await t.http().get(`${AUTH}/nginx`).set({ 'X-Original-URI': uri })).status).toBe(403);
      expect(
        (await t.http().get(`${AUTH}/nginx`).set({ 'X-Original-URI': uri, 'X-Original-Method': 'get' })).status,
      ).toBe(403);
      expect((await viaNginx(uri)).status).toBe(204);
    });

    it("opens a Flussonic preview only as its own file when Flussonic names the media_request, never the archive's MP4 export", async () => {
      const camera = await aCamera(t.prisma);
      const link = await issue({ cameras: [{ uuid: camera.uuid }], source: 'mp4' });
      const name = camera.streams[0].name;
      const T = Math.floor(Date.now() / 1000) - 3600;
      expect((await viaFlussonic({ name, token: link.token, proto: 'mp4', media_request: 'preview' })).status).toBe(
        200,
      );
      expect(
        (await viaFlussonic({ name, token: link.token, proto: 'mp4', media_request: `archive-${T}-3600` })).status,
      ).toBe(403);
      expect((await viaFlussonic({ name, token: link.token, proto: 'mp4', media_request: 'index' })).status).toBe(403);
    });

    it('reads MediaMTX playback strictly: a repeated or ;-joined start, or a lenient date, is refused', async () => {
      const { camera, from, url } = await anHourOfArchive();
      const token = url.searchParams.get('token')!;
      const path = camera.streams[0].name;
      const playback = (query: string) =>
        viaMediaMtx({ action: 'playback', path, token, query: `path=${path}&${query}` });
      const inside = new Date(from + 600_000).toISOString();
      const before = new Date(from - 86_400_000).toISOString();
      expect((await playback(`start=${inside}&duration=600s`)).status).toBe(200);
      expect((await playback(`start=${inside}&duration=10m`)).status).toBe(200);
      expect((await playback(`start=${inside}&start=${before}&duration=600s`)).status).toBe(401);
      expect((await playback(`start=${before};start=${inside}&duration=600s`)).status).toBe(401);
      expect((await playback(`start=${inside};x=1&duration=600s`)).status).toBe(401);
      expect(
        (await playback(`start=${encodeURIComponent(new Date(from + 600_000).toString())}&duration=600s`)).status,
      ).toBe(401);
      expect((await playback(`start=${inside}&duration=600s&duration=99999s`)).status).toBe(401);
    });
  });

  describe('usage', () => {
    it("records a viewer address only when it is one: a media server's report is not trusted to be", async () => {
      const camera = await aCamera(t.prisma);
      const link = await issue({ cameras: [{ uuid: camera.uuid }] });
      for (const reported of ["=HYPERLINK('http://evil.example')", '198.51.100.9, 10.0.0.1', 'x'.repeat(300)]) {
        expect((await viaNginx(`${link.path}?token=${link.token}`, { 'X-Real-IP': reported })).status).toBe(204);
      }
      await t.app.get(UsageRecorder).flush();
      expect(await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(link.token) } })).toMatchObject(
        { useCount: 3, lastIp: null },
      );
    });

    it('counts uses and refusals per link without a write per request, and flushes them', async () => {
      const camera = await aCamera(t.prisma);
      const link = await issue({ cameras: [{ uuid: camera.uuid }] });
      for (let i = 0; i < 3; i++) await viaNginx(`${link.path}?token=${link.token}`, { 'X-Real-IP': '198.51.100.9' });
      await viaNginx(`${link.path.replace('.mp4', '.jpg')}?token=${link.token}`);
      const before = await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(link.token) } });
      expect(before.useCount).toBe(0);
      await t.app.get(UsageRecorder).flush();
      const after = await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(link.token) } });
      expect(after).toMatchObject({
        useCount: 3,
        deniedCount: 1,
        lastIp: '198.51.100.9',
        lastDeniedReason: 'wrong_resource',
      });
      expect(after.firstUsedAt).not.toBeNull();
      expect(after.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(after.firstUsedAt!.getTime());
    });
  });

  describe('the hot path', () => {
    it('decides a known token from memory, and an unknown one with at most one query', async () => {
      const camera = await aCamera(t.prisma);
      const link = await issue({ cameras: [{ uuid: camera.uuid }] });
      const uri = `${link.path}?token=${link.token}`;
      await t.changesHeard(); // no notification of the set-up left to empty the cache below
      t.queries.count = 0;
      expect((await viaNginx(uri)).status).toBe(204);
      expect(t.queries.count).toBe(2); // the link, and (cached from then on) whether a media server goes without a secret
      t.queries.count = 0;
      expect((await viaNginx(uri)).status).toBe(204);
      expect(t.queries.count).toBe(0);
      t.queries.count = 0;
      expect((await viaNginx(`${link.path}?token=cll_${'Q'.repeat(43)}`)).status).toBe(403);
      expect(t.queries.count).toBe(1);
    });
  });
});
