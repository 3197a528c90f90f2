import { randomUUID } from 'node:crypto';
import { anIntegration, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

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

const call = (t: TestApp, [method, path]: Route, headers: Record<string, string>) => t.http()[method](path).set(headers).send({ name: 'x' });

describe(`admin API authentication (${process.env.TEST_DB})`, () => {
  describe('with ADMIN_TOKEN set', () => {
    let t: TestApp;
    let integrationToken: string;

    beforeAll(async () => {
      t = await createTestApp();
      ({ token: integrationToken } = await anIntegration(t.prisma));
    });
    afterAll(() => t.close());

    it.each(ROUTES)('%s %s answers 401 without the admin token, with a wrong one, or with an integration token', async (method, path) => {
      for (const headers of [{}, bearer(`${TEST_ADMIN_TOKEN}x`), { Authorization: TEST_ADMIN_TOKEN }, bearer(integrationToken)]) {
        const res = await call(t, [method, path], headers);
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ message: 'Unauthenticated.' });
      }
    });

    it('lets the admin token through, whatever the route', async () => {
      for (const route of ROUTES) {
        const res = await call(t, route, bearer(TEST_ADMIN_TOKEN));
        expect([200, 201, 204, 404, 409, 422]).toContain(res.status);
      }
    });

    it('checks the token before the path and the body', async () => {
      const res = await t.http().patch(`${ADMIN}/cameras/not-a-uuid`).send({ nonsense: true });
      expect(res.status).toBe(401);
    });
  });

  describe('with ADMIN_TOKEN empty (the admin API is closed)', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await createTestApp({ ADMIN_TOKEN: '' });
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
