import request from 'supertest';
import { type AdminRole, BOOTSTRAP_ADMIN } from '../src/auth/admin-identity';
import { LAST_OWNER_MESSAGE } from '../src/admin/admins/admins.service';
import { anIssuedLink, bearer } from './support/builders';
import { eventually } from './support/eventually';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const ADMIN = '/api/v1/admin';
const bootstrap = bearer(TEST_ADMIN_TOKEN);

/** Issue 19, item 1: a named admin is no longer an owner by default, and the last owner stays. */
describe(`admin roles (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function anAdmin(name: string, role?: AdminRole): Promise<{ id: string; token: string; role: AdminRole }> {
    const res = await t
      .http()
      .post(`${ADMIN}/admins`)
      .set(bootstrap)
      .send({ name, ...(role && { role }) });
    expect(res.status).toBe(201);
    return res.body;
  }

  const aLink = async () => (await anIssuedLink(t.prisma)).id;

  it('makes a new admin an admin unless an owner says otherwise; the bootstrap admin is an owner', async () => {
    const plain = await anAdmin('roles-plain');
    expect(plain.role).toBe('admin');
    expect((await anAdmin('roles-auditor', 'auditor')).role).toBe('auditor');
    const list = await t.http().get(`${ADMIN}/admins`).set(bootstrap);
    expect(list.body.find((a: { id: string }) => a.id === BOOTSTRAP_ADMIN.id)).toMatchObject({
      name: 'bootstrap',
      role: 'owner',
    });
    expect(
      (await t.http().post(`${ADMIN}/admins`).set(bootstrap).send({ name: 'roles-bad', role: 'root' })).body.errors,
    ).toEqual({
      role: ['The role field must be one of: owner, admin, auditor.'],
    });
  });

  it('lets an auditor read links, their CSV and audit events, and refuses every change with 403', async () => {
    const auditor = bearer((await anAdmin('roles-reader', 'auditor')).token);
    const linkId = await aLink();
    expect((await t.http().get(`${ADMIN}/links`).set(auditor)).status).toBe(200);
    expect((await t.http().get(`${ADMIN}/links/${linkId}`).set(auditor)).status).toBe(200);
    const csv = await t.http().get(`${ADMIN}/links.csv`).set(auditor);
    expect([csv.status, csv.text]).toEqual([200, expect.stringContaining(linkId)]);
    expect((await t.http().get(`${ADMIN}/audit-events`).set(auditor)).status).toBe(200);

    const refused = await t.http().post(`${ADMIN}/links/${linkId}/revoke`).set(auditor).send({ reason: 'no' });
    expect([refused.status, refused.body]).toEqual([
      403,
      { message: 'This needs the admin role or higher; roles-reader is an auditor.' },
    ]);
    expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: linkId } })).revokedAt).toBeNull();
    expect(
      (await t.http().post(`${ADMIN}/links/revoke`).set(auditor).send({ camera_uuid: crypto.randomUUID() })).status,
    ).toBe(403);
    expect((await t.http().get(`${ADMIN}/cameras`).set(auditor)).status).toBe(403);
    expect((await t.http().post(`${ADMIN}/integrations`).set(auditor).send({ name: 'roles-x' })).status).toBe(403);
    expect((await t.http().get(`${ADMIN}/admins`).set(auditor)).status).toBe(403);
  });

  it("refuses an admin (not an owner) every change to admins: no new admins, no other admin's revocation", async () => {
    const rogue = bearer((await anAdmin('roles-rogue')).token);
    const victim = await anAdmin('roles-victim', 'owner');
    expect((await t.http().post(`${ADMIN}/integrations`).set(rogue).send({ name: 'roles-allowed' })).status).toBe(201);
    const create = await t.http().post(`${ADMIN}/admins`).set(rogue).send({ name: 'roles-backdoor', role: 'owner' });
    expect([create.status, create.body.message]).toEqual([
      403,
      'This needs the owner role or higher; roles-rogue is an admin.',
    ]);
    expect((await t.http().delete(`${ADMIN}/admins/${victim.id}/token`).set(rogue)).status).toBe(403);
    expect((await t.http().patch(`${ADMIN}/admins/${victim.id}`).set(rogue).send({ role: 'auditor' })).status).toBe(
      403,
    );
    expect((await t.http().get(`${ADMIN}/admins`).set(rogue)).status).toBe(403);
    expect(await t.prisma.admin.count({ where: { name: 'roles-backdoor' } })).toBe(0);
    // The attempts are in the audit trail, by name and role (the guard refused them before the audit interceptor ran).
    await eventually(async () => {
      const events = await t
        .http()
        .get(`${ADMIN}/audit-events`)
        .set(bootstrap)
        .query({ actor: 'roles-rogue', object_type: 'admins', outcome: 'failure' });
      expect(
        events.body.data.map((e: { action: string; status_code: number; details: object }) => [
          e.action,
          e.status_code,
          e.details,
        ]),
      ).toEqual(
        expect.arrayContaining([
          ['POST /api/v1/admin/admins', 403, { role: 'admin' }],
          ['DELETE /api/v1/admin/admins/:id/token', 403, { role: 'admin' }],
        ]),
      );
    });
    expect(await t.prisma.admin.findUniqueOrThrow({ where: { id: victim.id } })).toMatchObject({
      role: 'owner',
      revokedAt: null,
    });
  });

  it("changes a role at once for the admin's token, and audits who changed whose role to what", async () => {
    const owner = await anAdmin('roles-owner', 'owner');
    const target = await anAdmin('roles-target');
    expect((await t.http().get(`${ADMIN}/cameras`).set(bearer(target.token))).status).toBe(200);
    const changed = await t
      .http()
      .patch(`${ADMIN}/admins/${target.id}`)
      .set(bearer(owner.token))
      .send({ role: 'auditor' });
    expect([changed.status, changed.body.role]).toEqual([200, 'auditor']);
    expect((await t.http().get(`${ADMIN}/cameras`).set(bearer(target.token))).status).toBe(403);
    const events = await t
      .http()
      .get(`${ADMIN}/audit-events`)
      .set(bootstrap)
      .query({ object_type: 'admins', object_id: target.id, action: 'PATCH /api/v1/admin/admins/:id' });
    expect(events.body.data).toEqual([
      expect.objectContaining({
        actor: 'roles-owner',
        actor_id: owner.id,
        outcome: 'success',
        details: expect.objectContaining({ body: { role: 'auditor' } }),
      }),
    ]);
    expect(
      (await t.http().patch(`${ADMIN}/admins/${BOOTSTRAP_ADMIN.id}`).set(bootstrap).send({ role: 'admin' })).status,
    ).toBe(422);
    expect(
      (await t.http().patch(`${ADMIN}/admins/${crypto.randomUUID()}`).set(bootstrap).send({ role: 'admin' })).status,
    ).toBe(404);
  });

  it('never demotes or revokes the last owner whose token works, even two at a time', async () => {
    await t.prisma.admin.updateMany({
      where: { role: 'owner', NOT: { id: BOOTSTRAP_ADMIN.id } },
      data: { role: 'admin' },
    });
    const first = await anAdmin('roles-first', 'owner');
    const second = await anAdmin('roles-second', 'owner');
    // Each owner demotes the other at the same moment: one must lose.
    const answers = await Promise.all([
      t.http().patch(`${ADMIN}/admins/${second.id}`).set(bearer(first.token)).send({ role: 'admin' }),
      t.http().patch(`${ADMIN}/admins/${first.id}`).set(bearer(second.token)).send({ role: 'admin' }),
    ]);
    // The loser is 409 (the last owner), or 403 if its own demotion was in before its request.
    const [won, lost] = answers.map((res) => res.status).sort();
    expect(won).toBe(200);
    expect([403, 409]).toContain(lost);
    const owners = await t.prisma.admin.findMany({
      where: { role: 'owner', revokedAt: null, NOT: { id: BOOTSTRAP_ADMIN.id } },
    });
    expect(owners).toHaveLength(1);
    const last = owners[0];
    const demote = await t.http().patch(`${ADMIN}/admins/${last.id}`).set(bootstrap).send({ role: 'auditor' });
    expect([demote.status, demote.body]).toEqual([409, { message: LAST_OWNER_MESSAGE }]);
    expect((await t.http().delete(`${ADMIN}/admins/${last.id}/token`).set(bootstrap)).status).toBe(409);
    expect(await t.prisma.admin.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({
      role: 'owner',
      revokedAt: null,
    });
    // With another owner, the same revocation goes through.
    await anAdmin('roles-third', 'owner');
    expect((await t.http().delete(`${ADMIN}/admins/${last.id}/token`).set(bootstrap)).status).toBe(204);
  });

  it('refuses two concurrent demotions of the last two owners by a third party', async () => {
    await t.prisma.admin.updateMany({
      where: { role: 'owner', NOT: { id: BOOTSTRAP_ADMIN.id } },
      data: { role: 'admin' },
    });
    const a = await anAdmin('roles-race-a', 'owner');
    const b = await anAdmin('roles-race-b', 'owner');
    const answers = await Promise.all(
      [a, b].map((owner) => t.http().patch(`${ADMIN}/admins/${owner.id}`).set(bootstrap).send({ role: 'auditor' })),
    );
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    expect(
      await t.prisma.admin.count({ where: { role: 'owner', revokedAt: null, NOT: { id: BOOTSTRAP_ADMIN.id } } }),
    ).toBe(1);
  });

  describe('console', () => {
    async function signedIn(token: string) {
      const agent = request.agent(t.app.getHttpServer());
      expect((await agent.post('/admin/sign-in').type('form').send({ token })).status).toBe(303);
      const page = await agent.get('/admin/links');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      return { agent, csrf };
    }

    it("shows an auditor no revocation, and refuses the auditor's revoke form posted anyway (403)", async () => {
      const auditor = await anAdmin('roles-console-auditor', 'auditor');
      const linkId = await aLink();
      const { agent, csrf } = await signedIn(auditor.token);
      const page = await agent.get(`/admin/links/${linkId}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('(auditor)');
      expect(page.text).not.toContain(`action="/admin/links/${linkId}/revoke"`);
      const list = await agent
        .get('/admin/links')
        .query({ camera_uuid: (await t.prisma.issuedLink.findFirstOrThrow({ where: { id: linkId } })).cameraUuid });
      expect(list.text).toContain(linkId);
      expect(list.text).not.toContain('Revoke all matching');

      const posted = await agent
        .post(`/admin/links/${linkId}/revoke`)
        .type('form')
        .send({ _csrf: csrf, reason: 'auditor says' });
      expect(posted.status).toBe(403);
      expect(posted.text).toContain('This needs the admin role or higher; roles-console-auditor is an auditor.');
      const bulk = await agent
        .post('/admin/links/revoke')
        .type('form')
        .send({ _csrf: csrf, token_prefix: 'cll_test', reason: 'all' });
      expect(bulk.status).toBe(403);
      expect((await agent.get('/admin/links/revoke').query({ token_prefix: 'cll_test' })).status).toBe(403);
      expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: linkId } })).revokedAt).toBeNull();
      expect((await agent.get('/admin/audit-events')).status).toBe(200);
      expect((await agent.post('/admin/sign-out').type('form').send({ _csrf: csrf })).status).toBe(303);
    });

    it('offers an admin the revoke form, and shows admin ids beside names in the audit trail', async () => {
      const admin = await anAdmin('roles-console-admin');
      const linkId = await aLink();
      const { agent, csrf } = await signedIn(admin.token);
      expect((await agent.get(`/admin/links/${linkId}`)).text).toContain(`action="/admin/links/${linkId}/revoke"`);
      expect(
        (await agent.post(`/admin/links/${linkId}/revoke`).type('form').send({ _csrf: csrf, reason: 'fine' })).status,
      ).toBe(303);
      const revoked = await agent.get(`/admin/links/${linkId}`);
      expect(revoked.text).toContain(`title="admin id ${admin.id}"`);
      const trail = await agent.get('/admin/audit-events').query({ actor_id: admin.id });
      expect(trail.text).toContain(`title="admin id ${admin.id}"`);
      expect(trail.text).toContain(`roles-console-admin (${admin.id.slice(0, 8)})`);
    });
  });
});
