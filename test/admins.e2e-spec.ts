import { BOOTSTRAP_ADMIN } from '../src/auth/admin-identity';
import { generateToken, hashToken } from '../src/auth/tokens';
import { nameKeys } from '../src/common/names';
import { anIssuedLink, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const ADMIN = '/api/v1/admin';
const bootstrap = bearer(TEST_ADMIN_TOKEN);

describe(`named admins (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const createAdmin = (name: string, email?: string) =>
    t
      .http()
      .post(`${ADMIN}/admins`)
      .set(bootstrap)
      .send({ name, ...(email && { email }) });

  it('creates an admin whose cla_ token is shown once and stored only as a hash', async () => {
    const res = await createAdmin('alice', 'alice@example.com');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'alice',
      email: 'alice@example.com',
      token: expect.stringMatching(/^cla_[A-Za-z0-9_-]{43}$/),
      revoked_at: null,
    });
    expect(res.body.token_prefix).toBe(res.body.token.slice(0, 12));
    const row = await t.prisma.admin.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row.tokenHash).toBe(hashToken(res.body.token));
    const list = await t.http().get(`${ADMIN}/admins`).set(bootstrap);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(res.body.token);
    expect(list.body.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['alice', 'bootstrap']));
    expect(list.body.find((a: { name: string }) => a.name === 'bootstrap')).toMatchObject({
      id: BOOTSTRAP_ADMIN.id,
      token_prefix: null,
    });
  });

  it('refuses a taken name (bootstrap included) and a bad or too long email', async () => {
    expect((await createAdmin('bootstrap')).status).toBe(422);
    expect((await createAdmin('alice')).status).toBe(409);
    expect((await createAdmin('carol', 'not-an-email')).status).toBe(422);
    const long = await createAdmin('carol', `carol@${Array.from({ length: 4 }, () => 'c'.repeat(60)).join('.')}.com`);
    expect([long.status, long.body.errors]).toEqual([
      422,
      { email: ['The email field must not be longer than 200 characters.'] },
    ]);
  });

  it("records the admin's name and id in audit events and revocations", async () => {
    const { body: bob } = await createAdmin('bob');
    const link = await anIssuedLink(t.prisma);
    const revoked = await t
      .http()
      .post(`${ADMIN}/links/${link.id}/revoke`)
      .set(bearer(bob.token))
      .send({ reason: 'by bob' });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ revoked_by: 'bob', revoked_by_admin_id: bob.id, revoked_reason: 'by bob' });
    const events = await t.http().get(`${ADMIN}/audit-events`).set(bootstrap).query({ actor_id: bob.id });
    expect(events.status).toBe(200);
    expect(events.body.data).toEqual([
      expect.objectContaining({
        actor: 'bob',
        actor_id: bob.id,
        action: 'POST /api/v1/admin/links/:id/revoke',
        object_id: link.id,
      }),
    ]);
    const byBootstrap = await t
      .http()
      .get(`${ADMIN}/audit-events`)
      .set(bootstrap)
      .query({ actor: 'bootstrap', object_type: 'admins' });
    expect(byBootstrap.body.data[0]).toMatchObject({
      actor: 'bootstrap',
      actor_id: BOOTSTRAP_ADMIN.id,
      object_id: bob.id,
    });
  });

  it("revokes an admin's token: 401 at once, the admin still listed, and never the bootstrap admin", async () => {
    const { body: dave } = await createAdmin('dave');
    expect((await t.http().get(`${ADMIN}/links`).set(bearer(dave.token))).status).toBe(200);
    expect((await t.http().delete(`${ADMIN}/admins/${dave.id}/token`).set(bootstrap)).status).toBe(204);
    expect((await t.http().delete(`${ADMIN}/admins/${dave.id}/token`).set(bootstrap)).status).toBe(204);
    const refused = await t.http().get(`${ADMIN}/links`).set(bearer(dave.token));
    expect(refused.status).toBe(401);
    expect((await t.http().get(`${ADMIN}/admins/${dave.id}`).set(bootstrap)).body).toMatchObject({
      name: 'dave',
      revoked_at: expect.any(String),
    });
    expect((await t.http().delete(`${ADMIN}/admins/${BOOTSTRAP_ADMIN.id}/token`).set(bootstrap)).status).toBe(422);
    expect((await t.http().delete(`${ADMIN}/admins/${crypto.randomUUID()}/token`).set(bootstrap)).status).toBe(404);
  });

  it('lets named admins in when there is no bootstrap token', async () => {
    const closed = await createTestApp({ ADMIN_TOKEN: '' });
    try {
      const erin = generateToken('admin');
      await closed.prisma.admin.create({
        data: {
          name: 'erin',
          ...nameKeys('erin'),
          role: 'owner',
          tokenHash: erin.hash,
          tokenPrefix: erin.displayPrefix,
        },
      });
      expect((await closed.http().get(`${ADMIN}/admins`).set(bootstrap)).status).toBe(401);
      expect((await closed.http().get(`${ADMIN}/admins`).set(bearer(erin.token))).status).toBe(200);
    } finally {
      await closed.close();
    }
  });
});
