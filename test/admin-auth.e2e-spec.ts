import { randomUUID } from 'node:crypto';
import { bearer } from './support/builders';
import { eventually } from './support/eventually';
import { createTestApp, createTestAppWithIntegration, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

type Route = readonly ['post' | 'get' | 'patch' | 'delete', string];

const id = randomUUID();
const crud = (base: string): Route[] => [
  ['post', base],
  ['get', base],
  ['get', `${base}/${id}`],
  ['patch', `${base}/${id}`],
  ['delete', `${base}/${id}`],
];
const tokenRoutes = (owner: string): Route[] => [
  ['post', `${owner}/${id}/tokens`],
  ['get', `${owner}/${id}/tokens`],
  ['delete', `${owner}/${id}/tokens/${id}`],
];
const ADMIN = '/api/v1/admin';
const ROUTES: Route[] = [
  ...crud(`${ADMIN}/media-servers`),
  ...crud(`${ADMIN}/cameras`),
  ...crud(`${ADMIN}/users`),
  ...tokenRoutes(`${ADMIN}/users`),
  ...crud(`${ADMIN}/grants`),
  ...crud(`${ADMIN}/integrations`),
  ...tokenRoutes(`${ADMIN}/integrations`),
];

const call = (t: TestApp, [method, path]: Route, headers: Record<string, string>) =>
  t.http()[method](path).set(headers).send({ name: 'x' });

describe(`admin API authentication (${process.env.TEST_DB})`, () => {
  describe('with ADMIN_TOKEN set', () => {
    let t: TestApp;
    let integrationToken: string;

    beforeAll(async () => {
      // Every route is tried with four bad credentials from one address: more than the default failure budget.
      ({ t, token: integrationToken } = await createTestAppWithIntegration({ RATE_LIMIT_AUTH_FAILURES: '1000/60' }));
    });
    afterAll(() => t.close());

    it.each(ROUTES)(
      '%s %s answers 401 without the admin token, with a wrong one, or with an integration token',
      async (method, path) => {
        for (const headers of [
          {},
          bearer(`${TEST_ADMIN_TOKEN}x`),
          { Authorization: TEST_ADMIN_TOKEN },
          bearer(integrationToken),
        ]) {
          const res = await call(t, [method, path], headers);
          expect(res.status).toBe(401);
          expect(res.body).toEqual({ message: 'Unauthenticated.' });
        }
      },
    );

    it('lets the admin token through, whatever the route', async () => {
      for (const route of ROUTES) {
        const res = await call(t, route, bearer(TEST_ADMIN_TOKEN));
        expect([200, 201, 204, 404, 409, 422]).toContain(res.status);
      }
    });

    it('counts failed admin authentications in /metrics and the audit trail, never with the token', async () => {
      const failures = async () =>
        Number(/^camlinks_admin_auth_failures_total (\d+)/m.exec((await t.http().get('/metrics')).text)?.[1]);
      const before = await failures();
      const wrong = `${TEST_ADMIN_TOKEN}-wrong`;
      expect((await t.http().delete(`${ADMIN}/users/${id}`).set(bearer(wrong))).status).toBe(401);
      expect((await t.http().get(`${ADMIN}/cameras`)).status).toBe(401);
      await eventually(async () => expect(await failures()).toBe(before + 2));
      const events = await t.prisma.auditEvent.findMany({
        where: { actorType: 'unauthenticated', actor: 'unauthenticated' },
        orderBy: { occurredAt: 'desc' },
        take: 2,
      });
      expect(events.map((e) => [e.action, e.outcome, e.statusCode, e.details])).toEqual([
        ['GET /api/v1/admin/cameras', 'failure', 401, { credential: 'missing' }],
        ['DELETE /api/v1/admin/users/:id', 'failure', 401, { credential: 'rejected' }],
      ]);
      expect(JSON.stringify(events)).not.toContain(wrong);
    });

    it('checks the token before the path and the body', async () => {
      const res = await t.http().patch(`${ADMIN}/cameras/not-a-uuid`).send({ nonsense: true });
      expect(res.status).toBe(401);
    });
  });

  describe('with ADMIN_TOKEN empty (the admin API is closed)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ ADMIN_TOKEN: '', RATE_LIMIT_AUTH_FAILURES: '1000/60' });
    });
    afterAll(() => t.close());

    it('treats the empty variable as unset', () => {
      expect(t.config.adminToken).toBeNull();
    });

    it.each(ROUTES)('%s %s answers 401 even with the would-be token', async (method, path) => {
      for (const headers of [{}, bearer(TEST_ADMIN_TOKEN), bearer('')]) {
        const res = await call(t, [method, path], headers);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ message: 'Unauthenticated.' });
      }
    });
  });
});
