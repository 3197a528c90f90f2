import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { hashToken } from '../src/auth/tokens';
import { SessionRecorder } from '../src/sessions/session-recorder';
import { aCamera, bearer } from './support/builders';
import { createTestAppWithIntegration, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

/** The console's "Watching now" on the overview and on a link's page, and its "End session" form. */
describe(`console: watching now (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let integrationToken: string;

  beforeAll(async () => {
    ({ t, token: integrationToken } = await createTestAppWithIntegration());
  });
  afterAll(() => t.close());

  async function signedIn() {
    const agent = request.agent(t.app.getHttpServer());
    expect((await agent.post('/admin/sign-in').type('form').send({ token: TEST_ADMIN_TOKEN })).status).toBe(303);
    const page = await agent.get('/admin/links');
    return { agent, csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1] };
  }

  /** A live link being watched over MediaMTX by one viewer, recorded. */
  async function watched(userAgent: string) {
    const camera = await aCamera(t.prisma);
    const res = await t
      .http()
      .post('/api/v1/cameras/video')
      .set(bearer(integrationToken))
      .send({ cameras: [{ uuid: camera.uuid }] });
    const token = new URL(res.body[0].url).searchParams.get('token')!;
    const auth = await t.http().post('/api/v1/media-auth/mediamtx').send({
      ip: '203.0.113.20',
      action: 'read',
      path: camera.streams[0].name,
      token,
      id: randomUUID(),
      protocol: 'rtsp',
      userAgent,
    });
    expect(auth.status).toBe(200);
    await t.app.get(SessionRecorder).flush();
    const link = await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(token) } });
    const [session] = await t.prisma.viewingSession.findMany({ where: { linkId: link.id } });
    return { linkId: link.id, sessionId: session.id };
  }

  it("shows who is watching on the overview and on the link's page, user agents escaped", async () => {
    const { linkId, sessionId } = await watched('<b>Player</b>');
    const { agent } = await signedIn();
    for (const path of ['/admin', `/admin/links/${linkId}`]) {
      const page = await agent.get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Watching now');
      expect(page.text).toContain(`action="/admin/sessions/${sessionId}/end"`);
      expect(page.text).toContain('203.0.113.20');
      expect(page.text).toContain('&lt;b&gt;Player&lt;/b&gt;');
      expect(page.text).not.toContain('<b>Player</b>');
    }
  });

  it('ends a session from the form, as the signed-in admin, audited with its reason, and back to the page it came from', async () => {
    const { linkId, sessionId } = await watched('VLC/3.0');
    const { agent, csrf } = await signedIn();
    const end = (from: string) =>
      agent
        .post(`/admin/sessions/${sessionId}/end`)
        .type('form')
        .send({ _csrf: csrf, from, reason: 'left the company' });
    expect((await agent.post(`/admin/sessions/${sessionId}/end`).type('form').send({ from: 'link' })).status).toBe(403);
    const res = await end('link');
    expect([res.status, res.headers.location]).toEqual([303, `/admin/links/${linkId}`]);
    expect(await t.prisma.viewingSession.findUniqueOrThrow({ where: { id: sessionId } })).toMatchObject({
      endReason: 'ended_by_admin',
      kickState: 'pending',
    });
    expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: linkId } })).revokedAt).toBeNull();
    expect((await agent.get(`/admin/links/${linkId}`)).text).not.toContain(`/admin/sessions/${sessionId}/end`);
    const again = await end('overview');
    expect(again.status).toBe(409);
    expect(again.text).toContain('The session has already ended.');
    const events = await t
      .http()
      .get('/api/v1/admin/audit-events')
      .set(bearer(TEST_ADMIN_TOKEN))
      .query({ object_id: sessionId });
    expect(events.body.data.map((e: { action: string; status_code: number }) => [e.action, e.status_code])).toEqual([
      ['POST /admin/sessions/:id/end', 409],
      ['POST /admin/sessions/:id/end', 303],
    ]);
    expect(events.body.data[1]).toMatchObject({
      actor: 'bootstrap',
      object_type: 'sessions',
      details: { body: { reason: 'left the company', _csrf: '[redacted]' } },
    });
  });
});
