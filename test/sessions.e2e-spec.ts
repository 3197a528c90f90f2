import { randomUUID } from 'node:crypto';
import { hashToken } from '../src/auth/tokens';
import { RetentionService } from '../src/retention/retention.service';
import { SessionRecorder } from '../src/sessions/session-recorder';
import { aCamera, aGrant, anIntegration, aUser, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const AUTH = '/api/v1/media-auth';
const SESSIONS = '/api/v1/admin/sessions';
const admin = bearer(TEST_ADMIN_TOKEN);
const SESSION_WRITE = /INSERT INTO viewing_sessions/;

/** Viewing sessions: recorded from allowed verifications of every media server, seen and ended by admins. */
describe(`viewing sessions (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let recorder: SessionRecorder;

  beforeAll(async () => {
    t = await createTestApp({ LINK_RETENTION_DAYS: '90' });
    recorder = t.app.get(SessionRecorder);
    // Its timer stopped (as at shutdown), so each test decides when sessions are flushed.
    await recorder.beforeApplicationShutdown();
  });
  afterAll(() => t.close());

  /** A live link to a new camera (by an integration, or by a user with a grant). */
  async function aLiveLink(asUser = false) {
    const camera = await aCamera(t.prisma);
    const issuer = asUser ? await aUser(t.prisma) : await anIntegration(t.prisma);
    if ('user' in issuer) await aGrant(t.prisma, issuer.user.id, camera.uuid);
    const res = await t
      .http()
      .post('/api/v1/cameras/video')
      .set(bearer(issuer.token))
      .send({ cameras: [{ uuid: camera.uuid }] });
    expect(res.status).toBe(200);
    const url = new URL(res.body[0].url);
    const token = url.searchParams.get('token')!;
    const link = await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    return { camera, token, url, linkId: link.id, issuer };
  }

  const viaNginx = (uri: string, ip = '203.0.113.7', userAgent = 'Lavf/59.27.100') =>
    t
      .http()
      .get(`${AUTH}/nginx`)
      .set({ 'X-Original-URI': uri, 'X-Original-Method': 'GET', 'X-Real-IP': ip, 'User-Agent': userAgent });
  const viaMediaMtx = (body: object) =>
    t
      .http()
      .post(`${AUTH}/mediamtx`)
      .send({ ip: '203.0.113.8', action: 'read', ...body });
  const viaFlussonic = (query: Record<string, string>) =>
    t
      .http()
      .get(`${AUTH}/flussonic`)
      .query({ ip: '203.0.113.9', proto: 'hls', ...query });

  const sessionsOf = (linkId: string) =>
    t.prisma.viewingSession.findMany({ where: { linkId }, orderBy: { startedAt: 'asc' } });

  describe('recording', () => {
    it('records an nginx viewer as one session of its link and address, in one statement per flush and none per request', async () => {
      const { url, token, linkId } = await aLiveLink();
      const dir = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
      await recorder.flush();
      t.queries.reset();
      for (const file of [
        'index.m3u8',
        'tracks-v1/index.m3u8',
        'tracks-v1/segment-000123.ts',
        'tracks-v1/segment-000124.ts',
      ]) {
        expect((await viaNginx(`${dir}${file}?token=${token}`)).status).toBe(204);
      }
      expect((await viaNginx(`${url.pathname}?token=${token}`, '198.51.100.4')).status).toBe(204);
      expect(t.queries.matching(SESSION_WRITE)).toEqual([]);
      await recorder.flush();
      expect(t.queries.matching(SESSION_WRITE)).toHaveLength(1);
      const rows = await sessionsOf(linkId);
      expect(
        rows
          .map((r) => [r.mediaServerKind, r.mediaServerSessionId, r.protocol, r.viewerIp, r.userAgent, r.endedAt])
          .sort(),
      ).toEqual([
        ['nginx', null, 'hls', '198.51.100.4', 'Lavf/59.27.100', null],
        ['nginx', null, 'hls', '203.0.113.7', 'Lavf/59.27.100', null],
      ]);
    });

    it("records MediaMTX's session id, protocol and user agent; a repeated auth of one session is one row", async () => {
      const { camera, token, linkId } = await aLiveLink();
      const id = randomUUID();
      const read = { path: camera.streams[0].name, token, id, protocol: 'webrtc', userAgent: 'Mozilla/5.0' };
      expect((await viaMediaMtx(read)).status).toBe(200);
      await recorder.flush();
      expect((await viaMediaMtx(read)).status).toBe(200);
      expect((await viaMediaMtx({ ...read, id: randomUUID(), protocol: 'rtsp', userAgent: undefined })).status).toBe(
        200,
      );
      // Refused: not a session.
      expect((await viaMediaMtx({ ...read, id: randomUUID(), action: 'publish' })).status).toBe(401);
      await recorder.flush();
      const rows = await sessionsOf(linkId);
      expect(
        rows.map((r) => [r.mediaServerKind, r.mediaServerSessionId === id, r.protocol, r.viewerIp, r.userAgent]).sort(),
      ).toEqual([
        ['mediamtx', false, 'rtsp', '203.0.113.8', null],
        ['mediamtx', true, 'webrtc', '203.0.113.8', 'Mozilla/5.0'],
      ]);
    });

    it("records Flussonic's session id, kept through its re-checks", async () => {
      const { camera, token, linkId } = await aLiveLink();
      const session_id = randomUUID();
      const ask = (request_type: string) =>
        viaFlussonic({ name: camera.streams[0].name, token, session_id, request_type });
      expect((await ask('new_session')).status).toBe(200);
      await recorder.flush();
      expect((await ask('update_session')).status).toBe(200);
      await recorder.flush();
      const rows = await sessionsOf(linkId);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        mediaServerKind: 'flussonic',
        mediaServerSessionId: session_id,
        protocol: 'hls',
        viewerIp: '203.0.113.9',
      });
      expect(rows[0].lastSeenAt.getTime()).toBeGreaterThan(rows[0].startedAt.getTime());
    });

    it('bounds what media servers report without refusing the viewer: odd ids, protocols and user agents', async () => {
      const { camera, token, linkId } = await aLiveLink();
      const path = camera.streams[0].name;
      expect(
        (
          await viaMediaMtx({
            path,
            token,
            id: 'x'.repeat(4000),
            protocol: 'RTSP<script>',
            userAgent: 'u'.repeat(4000),
          })
        ).status,
      ).toBe(200);
      expect((await viaMediaMtx({ path, token, id: null, protocol: 'srt' })).status).toBe(200);
      expect((await viaFlussonic({ name: path, token, session_id: '../../\u0001', proto: 'hls' })).status).toBe(200);
      await recorder.flush();
      const rows = await sessionsOf(linkId);
      expect(
        rows.every(
          (r) => r.mediaServerSessionId === null && r.protocol.length <= 16 && (r.userAgent?.length ?? 0) <= 256,
        ),
      ).toBe(true);
      expect(rows.map((r) => r.protocol).sort()).toEqual(['hls', 'other']);
    });
  });

  describe('admin API', () => {
    async function watched(asUser = false) {
      const link = await aLiveLink(asUser);
      const id = randomUUID();
      expect(
        (await viaMediaMtx({ path: link.camera.streams[0].name, token: link.token, id, protocol: 'rtsp' })).status,
      ).toBe(200);
      await recorder.flush();
      return { ...link, mediaMtxId: id };
    }

    it("lists a link's sessions newest first, a page at a time, and 404 for an unknown link", async () => {
      const { linkId, camera, token } = await watched();
      expect(
        (await viaMediaMtx({ path: camera.streams[0].name, token, id: randomUUID(), protocol: 'hls' })).status,
      ).toBe(200);
      await recorder.flush();
      const first = await t.http().get(`/api/v1/admin/links/${linkId}/sessions`).set(admin).query({ limit: 1 });
      expect(first.status).toBe(200);
      expect(first.body.data).toHaveLength(1);
      expect(first.body.data[0]).toMatchObject({
        link_id: linkId,
        camera_uuid: camera.uuid,
        protocol: 'hls',
        ended_at: null,
      });
      const second = await t
        .http()
        .get(`/api/v1/admin/links/${linkId}/sessions`)
        .set(admin)
        .query({ limit: 1, cursor: first.body.next_cursor });
      expect(second.body).toMatchObject({ data: [expect.objectContaining({ protocol: 'rtsp' })], next_cursor: null });
      expect((await t.http().get(`/api/v1/admin/links/${randomUUID()}/sessions`).set(admin)).status).toBe(404);
    });

    it('lists who is watching now, by camera, integration, user and media server', async () => {
      const a = await watched();
      const b = await watched(true);
      const list = async (query: Record<string, string>) => {
        const res = await t
          .http()
          .get(SESSIONS)
          .set(admin)
          .query({ active: 'true', ...query });
        expect(res.status).toBe(200);
        return (res.body.data as { link_id: string }[]).map((s) => s.link_id);
      };
      expect(await list({ camera_uuid: a.camera.uuid })).toEqual([a.linkId]);
      expect(await list({ integration_id: 'integration' in a.issuer ? a.issuer.integration.id : '' })).toEqual([
        a.linkId,
      ]);
      expect(await list({ user_id: 'user' in b.issuer ? b.issuer.user.id : '' })).toEqual([b.linkId]);
      expect(await list({ media_server_id: b.camera.mediaServerId })).toEqual([b.linkId]);
      const all = await list({});
      expect(all.indexOf(b.linkId)).toBeLessThan(all.indexOf(a.linkId));
      expect((await t.http().get(SESSIONS).set(admin).query({ active: 'yes' })).status).toBe(422);
    });

    it("ends one viewer's session without revoking its link: audited, pending a kick for MediaMTX, 409 the second time, 404 unknown", async () => {
      const { linkId, camera, token, mediaMtxId } = await watched();
      const [session] = await sessionsOf(linkId);
      const end = () => t.http().post(`${SESSIONS}/${session.id}/end`).set(admin).send({ reason: 'shared on a forum' });
      const res = await end();
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: session.id,
        end_reason: 'ended_by_admin',
        kick_state: 'pending',
        media_server_session_id: mediaMtxId,
      });
      expect((await end()).status).toBe(409);
      expect((await t.http().post(`${SESSIONS}/${randomUUID()}/end`).set(admin).send({})).status).toBe(404);
      expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: linkId } })).revokedAt).toBeNull();
      const events = await t.prisma.auditEvent.findMany({
        where: { objectType: 'sessions', objectId: session.id },
        orderBy: { occurredAt: 'asc' },
      });
      expect(events.map((e) => [e.statusCode, (e.details as { body: { reason: string } }).body.reason])).toEqual([
        [200, 'shared on a forum'],
        [409, 'shared on a forum'],
      ]);
      // The link still opens: the same MediaMTX session asking again is a new session, not the ended one.
      expect(
        (await viaMediaMtx({ path: camera.streams[0].name, token, id: mediaMtxId, protocol: 'rtsp' })).status,
      ).toBe(200);
      await recorder.flush();
      expect((await sessionsOf(linkId)).map((s) => s.endReason)).toEqual(['ended_by_admin', null]);
    });

    it('exports sessions as streamed CSV, filtered like the listing', async () => {
      const { camera, linkId } = await watched();
      const res = await t
        .http()
        .get(`${SESSIONS}.csv`)
        .set(admin)
        .query({ camera_uuid: camera.uuid })
        .buffer(true)
        .parse((r, done) => {
          let text = '';
          r.on('data', (chunk: Buffer) => (text += chunk.toString()));
          r.on('end', () => done(null, text));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe('attachment; filename="sessions.csv"');
      const [header, row, ...rest] = (res.body as string).trim().split('\n');
      expect(header.split(',')).toEqual(
        expect.arrayContaining([
          'id',
          'link_id',
          'media_server_session_id',
          'protocol',
          'viewer_ip',
          'end_reason',
          'kick_state',
        ]),
      );
      expect(row).toContain(linkId);
      expect(rest).toEqual([]);
    });
  });

  it('purges sessions with their link', async () => {
    const { linkId } = await aLiveLink();
    await t.prisma.issuedLink.updateMany({
      where: { id: linkId },
      data: { issuedAt: new Date(Date.now() - 100 * 86_400_000), expiresAt: new Date(Date.now() - 99 * 86_400_000) },
    });
    await t.prisma.viewingSession.create({
      data: {
        linkId,
        mediaServerKind: 'nginx',
        protocol: 'hls',
        startedAt: new Date(Date.now() - 99 * 86_400_000),
        lastSeenAt: new Date(Date.now() - 99 * 86_400_000),
      },
    });
    expect(await sessionsOf(linkId)).toHaveLength(1);
    expect((await t.app.get(RetentionService).purge(new Date())).links).toBeGreaterThanOrEqual(1);
    expect(await sessionsOf(linkId)).toEqual([]);
  });
});
