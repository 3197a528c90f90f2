import { hashToken } from '../src/auth/tokens';
import type { AppConfig } from '../src/config/app-config';
import { APP_CONFIG } from '../src/config/config.module';
import { aCamera, aGrant, aUser, bearer } from './support/builders';
import { eventually } from './support/eventually';
import { type Kick, MediaMtxStandIn, type StandInProtocol } from './support/mediamtx-stand-in';
import { createTestAppWithIntegration, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const SECRET = 'kicks-edge-secret-000001';
const admin = bearer(TEST_ADMIN_TOKEN);
/** How long a test waits for a kick: generous on a loaded machine; what it took is measured and logged (docs/MEDIA_SERVERS.md). */
const KICK_WAIT_MS = 15_000;

describe(`ending running sessions: MediaMTX kicks (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let integrationToken: string;
  let mediamtx: MediaMtxStandIn;
  let serverId: string;
  /** Milliseconds from the cause (its answer) to the kick, by case. */
  const measured: Record<string, number> = {};

  beforeAll(async () => {
    ({ t, token: integrationToken } = await createTestAppWithIntegration({
      KICKER_ENABLED: 'true',
      USAGE_FLUSH_INTERVAL_MS: '100',
    }));
    await t.app.listen(0, '127.0.0.1');
    mediamtx = await MediaMtxStandIn.start({
      authUrl: `${await t.app.getUrl()}/api/v1/media-auth/mediamtx?secret=${SECRET}`,
      apiAuth: false,
    });
    const server = await t.http().post('/api/v1/admin/media-servers').set(admin).send({
      name: 'mediamtx',
      base_url: 'http://127.0.0.1:8888',
      verification_secret: SECRET,
      control_api_url: mediamtx.controlApiUrl,
    });
    expect(server.status).toBe(201);
    serverId = server.body.id;
  });
  afterAll(async () => {
    console.log(`kick delays (ms, ${process.env.TEST_DB}): ${JSON.stringify(measured)}`);
    await mediamtx?.stop();
    await t?.close();
  });

  /** A viewer reading a new live link of a new camera on the stand-in, once camlinks has recorded the session. */
  async function aViewer(
    options: { protocol?: StandInProtocol; ttl?: number; userToken?: string; cameraUuid?: string } = {},
  ) {
    const camera = options.cameraUuid
      ? await t.prisma.camera.findUniqueOrThrow({ where: { uuid: options.cameraUuid }, include: { streams: true } })
      : await aCamera(t.prisma, { mediaServerId: serverId });
    const res = await t
      .http()
      .post('/api/v1/cameras/video')
      .set(bearer(options.userToken ?? integrationToken))
      .send({ cameras: [{ uuid: camera.uuid }], source: 'rtsp', ttl: options.ttl });
    expect(res.status).toBe(200);
    const token = new URL(res.body[0].url).searchParams.get('token')!;
    const stream = camera.streams.find((s) => s.type === camera.defaultStreamType)!.name;
    const sessionId = await mediamtx.read(stream, { token, protocol: options.protocol });
    expect(sessionId).not.toBeNull();
    const link = await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    await eventually(async () => expect(await session(sessionId!)).not.toBeNull(), 10_000);
    return { camera, token, linkId: link.id, sessionId: sessionId!, expiresAt: link.expiresAt };
  }

  const session = (mediaServerSessionId: string) =>
    t.prisma.viewingSession.findFirst({ where: { mediaServerSessionId } });

  /** Waits for the kick of `sessionId` and records how long it took after `since`. */
  async function kicked(sessionId: string, since: number, name: string): Promise<Kick> {
    await eventually(
      async () => expect(mediamtx.kicksOf(sessionId).some((kick) => kick.status === 200)).toBe(true),
      KICK_WAIT_MS,
    );
    const kick = mediamtx.kicksOf(sessionId).find((k) => k.status === 200)!;
    measured[name] = kick.at - since;
    return kick;
  }

  async function endedAs(sessionId: string, endReason: string) {
    await eventually(
      async () => expect(await session(sessionId)).toMatchObject({ endReason, kickState: 'done', kickAttempts: 1 }),
      KICK_WAIT_MS,
    );
    expect((await session(sessionId))!.kickedAt).toBeInstanceOf(Date);
  }

  it.each<[StandInProtocol, string]>([
    ['rtsp', 'rtspsessions'],
    ['rtsps', 'rtspssessions'],
    ['rtmp', 'rtmpconns'],
    ['rtmps', 'rtmpsconns'],
    ['hls', 'hlssessions'],
    ['webrtc', 'webrtcsessions'],
    ['srt', 'srtconns'],
  ])('kicks a %s reader out of %s when its link is revoked', async (protocol, collection) => {
    const viewer = await aViewer({ protocol });
    const since = Date.now();
    const revoked = await t
      .http()
      .post(`/api/v1/admin/links/${viewer.linkId}/revoke`)
      .set(admin)
      .send({ reason: 'stolen' });
    expect(revoked.status).toBe(200);
    const kick = await kicked(viewer.sessionId, since, `revoke ${protocol}`);
    expect(kick.collection).toBe(collection);
    await endedAs(viewer.sessionId, 'revoked');
    expect(mediamtx.sessions.has(viewer.sessionId)).toBe(false);
  });

  it('kicks every viewer of a bulk revocation, and no one else', async () => {
    const first = await aViewer();
    const second = await aViewer({ cameraUuid: first.camera.uuid });
    const bystander = await aViewer();
    const since = Date.now();
    const revoked = await t
      .http()
      .post('/api/v1/admin/links/revoke')
      .set(admin)
      .send({ camera_uuid: first.camera.uuid, reason: 'decommissioned' });
    expect(revoked.body).toEqual({ count: 2 });
    await kicked(first.sessionId, since, 'bulk revoke');
    await kicked(second.sessionId, since, 'bulk revoke (second)');
    await endedAs(second.sessionId, 'revoked');
    expect(mediamtx.kicksOf(bystander.sessionId)).toEqual([]);
    expect(await session(bystander.sessionId)).toMatchObject({ endedAt: null, kickState: null });
  });

  it('kicks the viewers of a bulk revocation recorded as a rule (more than 1,000 links)', async () => {
    const viewer = await aViewer();
    const bystander = await aViewer();
    await t.prisma.$executeRaw`
      INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
                                issued_at, expires_at, integration_id, integration_token_id, camera_generation)
      SELECT gen_random_uuid(), md5(${viewer.linkId} || i) || md5(i::text), token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
             issued_at, expires_at, integration_id, integration_token_id, camera_generation
        FROM issued_links, generate_series(1, 1100) i WHERE id = ${viewer.linkId}::uuid`;
    const since = Date.now();
    const revoked = await t
      .http()
      .post('/api/v1/admin/links/revoke')
      .set(admin)
      .send({ camera_uuid: viewer.camera.uuid, reason: 'storm' });
    expect(revoked.status).toBe(202);
    // Marking the rows notifies nothing: the rule's own notifications wake the kicker.
    await kicked(viewer.sessionId, since, 'bulk revoke by a rule');
    await endedAs(viewer.sessionId, 'revoked');
    expect(mediamtx.kicksOf(bystander.sessionId)).toEqual([]);
  });

  it('kicks the viewers of a camera that is blocked', async () => {
    const viewer = await aViewer();
    const since = Date.now();
    expect(
      (await t.http().patch(`/api/v1/admin/cameras/${viewer.camera.uuid}`).set(admin).send({ blocked: true })).status,
    ).toBe(200);
    await kicked(viewer.sessionId, since, 'camera blocked');
    await endedAs(viewer.sessionId, 'camera_blocked');
  });

  it("kicks a user's viewers when their grant is gone", async () => {
    const camera = await aCamera(t.prisma, { mediaServerId: serverId });
    const { user, token } = await aUser(t.prisma);
    const grant = await aGrant(t.prisma, user.id, camera.uuid);
    const viewer = await aViewer({ userToken: token, cameraUuid: camera.uuid });
    // As deleting the user would (a cascade): the grant goes, its links are not revoked one by one.
    const since = Date.now();
    await t.prisma.accessGrant.delete({ where: { id: grant.id } });
    await kicked(viewer.sessionId, since, 'grant deleted');
    await endedAs(viewer.sessionId, 'grant_gone');
  });

  it('kicks a viewer when the link expires', async () => {
    const viewer = await aViewer({ ttl: 3 });
    const kick = await kicked(viewer.sessionId, viewer.expiresAt.getTime(), 'expiry');
    expect(kick.at).toBeGreaterThanOrEqual(viewer.expiresAt.getTime());
    await endedAs(viewer.sessionId, 'expired');
  });

  it('lets a started video play on past its expiry with SESSIONS_END_AT_EXPIRY=false; a revocation still ends it', async () => {
    const { kicks } = t.app.get<AppConfig>(APP_CONFIG);
    kicks.endAtExpiry = false; // as the setting would: the kicker reads it at every decision
    try {
      const viewer = await aViewer({ ttl: 2 });
      await new Promise((resolve) => setTimeout(resolve, viewer.expiresAt.getTime() + 500 - Date.now()));
      // Another revocation makes the kicker re-decide every open session, ours after its expiry.
      const other = await aViewer();
      const since = Date.now();
      await t.http().post(`/api/v1/admin/links/${other.linkId}/revoke`).set(admin).send({});
      await kicked(other.sessionId, since, 'revoke (end at expiry off)');
      expect(mediamtx.kicksOf(viewer.sessionId)).toEqual([]);
      expect(await session(viewer.sessionId)).toMatchObject({ endedAt: null, kickState: null });

      await t.http().post(`/api/v1/admin/links/${viewer.linkId}/revoke`).set(admin).send({});
      await kicked(viewer.sessionId, Date.now(), 'revoke after expiry (end at expiry off)');
      await endedAs(viewer.sessionId, 'revoked');
    } finally {
      kicks.endAtExpiry = true;
    }
  });

  it('kicks a session an admin ended', async () => {
    const viewer = await aViewer();
    const since = Date.now();
    const row = (await session(viewer.sessionId))!;
    const ended = await t
      .http()
      .post(`/api/v1/admin/sessions/${row.id}/end`)
      .set(admin)
      .send({ reason: 'shared the link' });
    expect(ended.status).toBe(200);
    await kicked(viewer.sessionId, since, 'ended by an admin');
    await endedAs(viewer.sessionId, 'ended_by_admin');
    expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: viewer.linkId } })).revokedAt).toBeNull();
  });

  it('keeps trying a control API that is down, and kicks when it is back', async () => {
    const viewer = await aViewer();
    await mediamtx.stop();
    try {
      await t.http().post(`/api/v1/admin/links/${viewer.linkId}/revoke`).set(admin).send({});
      // Ended at once; the kick waits for the server, its failures on the session.
      await eventually(async () => {
        const row = await session(viewer.sessionId);
        expect(row).toMatchObject({
          endReason: 'revoked',
          kickState: 'pending',
          kickError: expect.stringContaining('ECONNREFUSED'),
        });
        expect(row!.kickAttempts).toBeGreaterThanOrEqual(3);
      }, KICK_WAIT_MS);
    } finally {
      await mediamtx.resume();
    }
    const back = Date.now();
    await kicked(viewer.sessionId, back, 'control API back (backoff)');
    // Backoff doubles up to 10 s: whatever the failures so far, the next try comes within that.
    expect(mediamtx.kicksOf(viewer.sessionId)[0].at - back).toBeLessThanOrEqual(10_000 + 2_000);
    await eventually(async () =>
      expect(await session(viewer.sessionId)).toMatchObject({ kickState: 'done', kickError: null }),
    );
  });

  it('issues and verifies while a control API hangs: kicks are off the request path', async () => {
    const viewer = await aViewer();
    mediamtx.hang();
    try {
      await t.http().post(`/api/v1/admin/links/${viewer.linkId}/revoke`).set(admin).send({});
      await eventually(async () => expect(mediamtx.held).toBeGreaterThan(0), KICK_WAIT_MS);
      // A new viewer is issued a link and admitted while the kick is still unanswered.
      const camera = await aCamera(t.prisma, { mediaServerId: serverId });
      const res = await t
        .http()
        .post('/api/v1/cameras/video')
        .set(bearer(integrationToken))
        .send({ cameras: [{ uuid: camera.uuid }], source: 'rtsp' });
      expect(res.status).toBe(200);
      const token = new URL(res.body[0].url).searchParams.get('token')!;
      expect(await mediamtx.read(camera.streams[0].name, { token })).not.toBeNull();
      expect(mediamtx.held).toBeGreaterThan(0);
    } finally {
      await mediamtx.resume();
    }
    await kicked(viewer.sessionId, Date.now(), 'after a hung control API');
  });

  describe('a control API behind MediaMTX auth (authMethod http, action api)', () => {
    const GUARDED_SECRET = 'kicks-guarded-secret-0001';
    const credentials = { user: 'camlinks', password: 'kick-password-5b1e7d' };
    let guarded: MediaMtxStandIn;

    beforeAll(async () => {
      guarded = await MediaMtxStandIn.start({
        authUrl: `${await t.app.getUrl()}/api/v1/media-auth/mediamtx?secret=${GUARDED_SECRET}`,
        apiAuth: true,
      });
    });
    afterAll(() => guarded?.stop());

    const askApi = (secret: string, body: object) =>
      t
        .http()
        .post(`/api/v1/media-auth/mediamtx?secret=${secret}`)
        .send({ ip: '127.0.0.1', action: 'api', path: '', protocol: '', id: null, query: '', ...body });

    it('allows the API only with the media server secret and the control API credentials camlinks kicks with', async () => {
      const server = await t.http().post('/api/v1/admin/media-servers').set(admin).send({
        name: 'mediamtx-guarded',
        base_url: 'http://127.0.0.1:8889',
        verification_secret: GUARDED_SECRET,
        control_api_url: guarded.controlApiUrl,
        control_api_username: credentials.user,
        control_api_password: credentials.password,
      });
      expect(server.status).toBe(201);
      expect((await askApi(GUARDED_SECRET, credentials)).status).toBe(200);
      expect((await askApi(GUARDED_SECRET, { ...credentials, password: 'wrong-password-5b1e7d' })).status).toBe(401);
      expect((await askApi(GUARDED_SECRET, { ...credentials, user: 'someone' })).status).toBe(401);
      // The other media server has no control API password: nothing opens its API.
      expect((await askApi(SECRET, credentials)).status).toBe(401);
      expect(
        (
          await t
            .http()
            .post('/api/v1/media-auth/mediamtx')
            .send({ action: 'api', ...credentials })
        ).status,
      ).toBe(401);

      // A kick goes through MediaMTX's own check of it.
      const camera = await aCamera(t.prisma, { mediaServerId: server.body.id });
      const res = await t
        .http()
        .post('/api/v1/cameras/video')
        .set(bearer(integrationToken))
        .send({ cameras: [{ uuid: camera.uuid }], source: 'rtsp' });
      const token = new URL(res.body[0].url).searchParams.get('token')!;
      expect((await askApi(GUARDED_SECRET, { user: '', password: token })).status).toBe(401);
      const sessionId = (await guarded.read(camera.streams[0].name, { token }))!;
      expect(sessionId).not.toBeNull();
      await eventually(async () => expect(await session(sessionId)).not.toBeNull(), 10_000);
      const link = await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
      await t.http().post(`/api/v1/admin/links/${link.id}/revoke`).set(admin).send({});
      await eventually(
        async () => expect(guarded.kicksOf(sessionId).map((kick) => kick.status)).toEqual([200]),
        KICK_WAIT_MS,
      );
    });
  });
});
