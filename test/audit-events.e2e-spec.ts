import { BOOTSTRAP_ADMIN } from '../src/auth/admin-identity';
import { randomUUID } from 'node:crypto';
import { aCamera, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const admin = bearer(TEST_ADMIN_TOKEN);

describe(`admin audit events (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const events = (query: object = {}) => t.http().get('/api/v1/admin/audit-events').set(admin).query(query);

  it('records who did what to which object, with the request id and outcome, and never a secret', async () => {
    const created = await t
      .http()
      .post('/api/v1/admin/integrations')
      .set(admin)
      .set('X-Request-Id', 'req-audit-1')
      .send({ name: `billing-${randomUUID()}` });
    expect(created.status).toBe(201);
    const res = await events({ object_type: 'integrations' });
    expect(res.status).toBe(200);
    const event = res.body.data.find((e: { request_id: string }) => e.request_id === 'req-audit-1');
    expect(event).toMatchObject({
      actor: 'bootstrap',
      actor_id: BOOTSTRAP_ADMIN.id,
      action: 'POST /api/v1/admin/integrations',
      object_type: 'integrations',
      object_id: created.body.id,
      outcome: 'success',
      status_code: 201,
      client_ip: expect.any(String),
    });
    expect(Date.parse(event.occurred_at)).toBeGreaterThan(Date.now() - 60_000);
    const everything = JSON.stringify((await events({ limit: 500 })).body);
    expect(everything).not.toContain(created.body.token);
    expect(everything).not.toContain(TEST_ADMIN_TOKEN);
  });

  it('records failures too, and redacts secret-looking fields of bodies', async () => {
    const server = await t
      .http()
      .post('/api/v1/admin/media-servers')
      .set(admin)
      .send({
        name: `edge-${randomUUID()}`,
        base_url: 'http://edge.test',
        verification_secret: 'very-secret-value-123',
      });
    const bad = await t
      .http()
      .post('/api/v1/admin/cameras')
      .set(admin)
      .send({ name: 'x', media_server_id: randomUUID(), streams: [], default_stream_type: 'high' });
    expect(bad.status).toBe(422);
    const failure = (await events({ object_type: 'cameras', outcome: 'failure' })).body.data[0];
    expect(failure).toMatchObject({
      actor_type: 'admin',
      action: 'POST /api/v1/admin/cameras',
      outcome: 'failure',
      status_code: 422,
    });
    expect(server.status).toBe(201);
    const all = JSON.stringify((await events({ object_type: 'media-servers' })).body);
    expect(all).not.toContain('very-secret-value-123');
    expect(all).toContain('[redacted]');
  });

  it('records revocations with the link id, and not reads', async () => {
    const camera = await aCamera(t.prisma);
    const before = (await events({ limit: 500 })).body.data.length;
    await t.http().get('/api/v1/admin/links').set(admin);
    await t.http().get(`/api/v1/admin/cameras/${camera.uuid}`).set(admin);
    expect((await events({ limit: 500 })).body.data.length).toBe(before);
    const revoke = await t
      .http()
      .post('/api/v1/admin/links/revoke')
      .set(admin)
      .send({ camera_uuid: camera.uuid, reason: 'test' });
    expect(revoke.status).toBe(200);
    const [latest] = (await events({ object_type: 'links' })).body.data;
    expect(latest).toMatchObject({
      action: 'POST /api/v1/admin/links/revoke',
      outcome: 'success',
      status_code: 200,
      details: { body: { camera_uuid: camera.uuid, reason: 'test' } },
    });
  });

  it('pages newest first with a cursor and filters by time', async () => {
    for (let i = 0; i < 3; i++)
      await t
        .http()
        .post('/api/v1/admin/users')
        .set(admin)
        .send({ name: `user-${randomUUID()}` });
    const first = await events({ object_type: 'users', limit: 2 });
    expect(first.body.data).toHaveLength(2);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await events({ object_type: 'users', limit: 2, cursor: first.body.next_cursor });
    const all = [...first.body.data, ...second.body.data].map((e: { id: string }) => e.id);
    expect(new Set(all).size).toBe(all.length);
    const times = [...first.body.data, ...second.body.data].map((e: { occurred_at: string }) =>
      Date.parse(e.occurred_at),
    );
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(
      (await events({ object_type: 'users', from: new Date(Date.now() + 60_000).toISOString() })).body.data,
    ).toEqual([]);
  });

  it('is append-only: there is no route to change or delete events', async () => {
    const [event] = (await events()).body.data;
    expect((await t.http().delete(`/api/v1/admin/audit-events/${event.id}`).set(admin)).status).toBe(404);
    expect((await t.http().patch(`/api/v1/admin/audit-events/${event.id}`).set(admin).send({})).status).toBe(404);
  });
});
