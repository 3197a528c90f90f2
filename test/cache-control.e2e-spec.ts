import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { anIntegration, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const document = JSON.parse(readFileSync(join(__dirname, '../openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Every operation of the integration, media-auth and admin APIs, from the committed document. */
const OPERATIONS = Object.entries(document.paths)
  .filter(([path]) => path.startsWith('/api/v1/'))
  .flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map(
      (method) => [method, path.replace(/\{[^}]+\}/g, randomUUID())] as const,
    ),
  );

/**
 * No answer of the API may be kept by a cache: every route, answered anonymously (401), with a
 * credential (2xx, 404, 422), over its rate limit (429), and the framework's own errors.
 */
describe(`Cache-Control: no-store on every API answer (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_ADMIN: '1000/60', RATE_LIMIT_AUTH_FAILURES: '1000/60' });
  });
  afterAll(() => t.close());

  const expectNoStore = (res: { status: number; headers: Record<string, string> }, what: string) => {
    if (res.headers['cache-control'] !== 'no-store')
      throw new Error(`${what} answered ${res.status} with Cache-Control ${res.headers['cache-control']}`);
  };

  it('walks the document: anonymous, with a credential, and with a broken body', async () => {
    expect(OPERATIONS.length).toBeGreaterThan(30);
    const { token } = await anIntegration(t.prisma);
    const seen = new Set<number>();
    for (const [method, path] of OPERATIONS) {
      const credential = path.startsWith('/api/v1/admin/') ? TEST_ADMIN_TOKEN : token;
      const call = () => t.http()[method](path);
      const broken = { cameras: [{ uuid: 'nope' }], name: '' };
      for (const res of [
        await call(),
        await call().set(bearer(credential)).send({}),
        await call().set(bearer(credential)).send(broken),
      ]) {
        seen.add(res.status);
        expectNoStore(res, `${method.toUpperCase()} ${path}`);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining([200, 401, 403, 404, 422]));
    // Answers that carry a new token, shown once.
    const admin = bearer(TEST_ADMIN_TOKEN);
    const integration = await t.http().post('/api/v1/admin/integrations').set(admin).send({ name: 'vms' });
    const user = await t.http().post('/api/v1/admin/users').set(admin).send({ name: 'alice' });
    const userToken = await t.http().post(`/api/v1/admin/users/${user.body.id}/tokens`).set(admin).send({});
    const integrationToken = await t
      .http()
      .post(`/api/v1/admin/integrations/${integration.body.id}/tokens`)
      .set(admin)
      .send({});
    for (const res of [integration, userToken, integrationToken]) {
      expect(res.status).toBe(201);
      expect(res.body.token).toEqual(expect.any(String));
      expectNoStore(res, 'a new token');
    }
  });

  it('on the framework errors: unknown route, malformed JSON, too large, too many', async () => {
    const raw = () => request(t.app.getHttpServer());
    expectNoStore(await raw().get('/api/v1/nothing-here'), 'an unknown route');
    expectNoStore(await raw().get('/API/V1/Admin/Users'), 'another letter case');
    const broken = await raw()
      .post('/api/v1/admin/users')
      .set(bearer(TEST_ADMIN_TOKEN))
      .set('Content-Type', 'application/json')
      .send('{"name":');
    expect(broken.status).toBe(422);
    expectNoStore(broken, 'malformed JSON');
    const large = await raw()
      .post('/api/v1/admin/users')
      .set(bearer(TEST_ADMIN_TOKEN))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'x'.repeat(200 * 1024) }));
    expect(large.status).toBe(413);
    expectNoStore(large, 'a body too large');
    const limited = await createTestApp({ RATE_LIMIT_INTEGRATION: '1/60' });
    try {
      const { token } = await anIntegration(limited.prisma);
      await limited.http().post('/api/v1/cameras/preview').set(bearer(token)).send({ cameras: [] });
      const refused = await limited.http().post('/api/v1/cameras/preview').set(bearer(token)).send({ cameras: [] });
      expect(refused.status).toBe(429);
      expectNoStore(refused, 'over the rate limit');
    } finally {
      await limited.close();
    }
  });
});
