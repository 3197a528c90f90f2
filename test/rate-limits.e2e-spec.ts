import request from 'supertest';
import { eventually } from './support/eventually';
import { anIntegration, aUser, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const PREVIEW = '/api/v1/cameras/preview';
const VERIFY = '/api/v1/media-auth/nginx';

describe(`rate limits, in memory (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_INTEGRATION: '3/60', RATE_LIMIT_VERIFY: '2/60', RATE_LIMIT_ADMIN: '2/60' });
  });
  afterAll(() => t.close());

  // An empty camera list is refused (422) after the limiter counted the request: cheap to repeat.
  const preview = (token: string) => t.http().post(PREVIEW).set(bearer(token)).send({ cameras: [] });

  it('gives each credential its own budget, and answers 429 with Retry-After in the error shape past it', async () => {
    const [first, second] = await Promise.all([anIntegration(t.prisma), aUser(t.prisma)]);
    for (let i = 0; i < 3; i++) {
      const res = await preview(first.token);
      expect(res.status).toBe(422);
      expect(res.headers['x-ratelimit-remaining']).toBe(String(2 - i));
    }
    const refused = await preview(first.token);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ message: 'Too Many Attempts.' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Same address, another credential: not limited by the first one's use.
    expect((await preview(second.token)).status).toBe(422);
  });

  it('counts revoking links against the same integration budget', async () => {
    const { token } = await anIntegration(t.prisma);
    const revoke = () =>
      t
        .http()
        .post('/api/v1/links/revoke')
        .set(bearer(token))
        .send({ links: ['cll_unknown'] });
    expect((await preview(token)).status).toBe(422);
    expect((await revoke()).status).toBe(200);
    expect((await revoke()).status).toBe(200);
    const refused = await revoke();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps verification and the admin API on budgets of their own', async () => {
    const { token } = await anIntegration(t.prisma);
    for (let i = 0; i < 3; i++) await preview(token);
    expect((await preview(token)).status).toBe(429);
    // Media servers carry no credential of ours: counted per address, apart from issuing.
    expect((await t.http().get(VERIFY)).status).toBe(401);
    expect((await t.http().get(VERIFY)).status).toBe(401);
    // Past its budget, a media server gets its protocol's refusal (nginx knows no 429).
    const throttled = await t.http().get(VERIFY);
    expect(throttled.status).toBe(403);
    expect(throttled.headers['retry-after']).toMatch(/^\d+$/);
    expect((await t.http().get('/api/v1/admin/media-servers').set(bearer(TEST_ADMIN_TOKEN))).status).toBe(200);
  });

  it('counts the matched route: other letter case and a trailing slash draw from the same budget', async () => {
    const { token } = await anIntegration(t.prisma);
    // Not t.http(): these spellings are not in the API document, though Express routes them.
    const raw = (path: string) => request(t.app.getHttpServer()).post(path).set(bearer(token)).send({ cameras: [] });
    expect((await raw('/API/V1/CAMERAS/PREVIEW')).status).toBe(422);
    expect((await raw('/api/v1/cameras/preview/')).status).toBe(422);
    expect((await raw('/Api/v1/Cameras/Preview/')).status).toBe(422);
    expect((await preview(token)).status).toBe(429);
    const admin = (path: string) => request(t.app.getHttpServer()).get(path).set(bearer(TEST_ADMIN_TOKEN));
    // The admin budget (2) had one request in the test before: "ADMIN" is the admin group, not the integration's.
    expect((await admin('/API/v1/ADMIN/users')).status).toBe(200);
    expect((await admin('/api/v1/admin/Users/')).status).toBe(429);
  });

  it('never limits health checks or metrics', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await t.http().get('/health/live')).status).toBe(200);
      expect((await t.http().get('/metrics')).status).toBe(200);
    }
  });
});

describe(`failed credentials, per address (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_AUTH_FAILURES: '3/60',
      RATE_LIMIT_INTEGRATION: '100/60',
      TRUST_PROXY: 'loopback',
      SWAGGER_REQUIRE_ADMIN: 'true',
    });
  });
  afterAll(() => t.close());

  const from = (address: string, token: string) =>
    t.http().post(PREVIEW).set('X-Forwarded-For', address).set(bearer(token)).send({ cameras: [] });

  it('refuses a flood of made-up tokens from one address before looking them up, on every authenticated group', async () => {
    const { token } = await anIntegration(t.prisma);
    for (let i = 0; i <= 3; i++) expect((await from('203.0.113.9', `cli_made-up-${i}`)).status).toBe(401);
    // Counted when each response finished: the block follows at once, whatever comes next.
    await eventually(async () => expect((await from('203.0.113.9', 'cli_made-up-again')).status).toBe(429));
    const blocked = await from('203.0.113.9', token);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ message: 'Too Many Attempts.' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await t.http().get('/api/v1/admin/users').set('X-Forwarded-For', '203.0.113.9').set(bearer(TEST_ADMIN_TOKEN)))
        .status,
    ).toBe(429);
    expect((await t.http().get(VERIFY).set('X-Forwarded-For', '203.0.113.9')).status).toBe(403);
    // Another address, and valid credentials, are not affected.
    expect((await from('203.0.113.10', token)).status).toBe(422);
  });

  it("counts wrong tokens typed into the console's sign-in form", async () => {
    // The console is HTML, outside openapi.json: plain supertest.
    const guess = (path: string) =>
      request(t.app.getHttpServer())
        .post(path)
        .set('X-Forwarded-For', '203.0.113.30')
        .type('form')
        .send({ token: 'cla_guess' });
    // Any spelling Express routes to the form counts (the same route, the same budget).
    for (const path of ['/admin/sign-in', '/Admin/Sign-In', '/admin/sign-in/', '/ADMIN/sign-in'])
      expect((await guess(path)).status).toBe(303);
    await eventually(async () =>
      expect(
        (await t.http().get('/api/v1/admin/users').set('X-Forwarded-For', '203.0.113.30').set(bearer(TEST_ADMIN_TOKEN)))
          .status,
      ).toBe(429),
    );
  });

  it('counts wrong admin tokens tried at the admin-only API docs, and refuses the docs once the budget is spent', async () => {
    const docs = () => t.http().get('/api/docs-json').set('X-Forwarded-For', '203.0.113.40');
    // A browser's first visit presents nothing: asked for a token, not counted.
    for (let i = 0; i <= 3; i++) expect((await docs()).status).toBe(401);
    expect((await docs().set(bearer(TEST_ADMIN_TOKEN))).status).toBe(200);
    for (let i = 0; i <= 3; i++) expect((await docs().auth('admin', `guess-${i}`)).status).toBe(401);
    await eventually(async () => expect((await docs().set(bearer(TEST_ADMIN_TOKEN))).status).toBe(429));
    const blocked = await docs().auth('admin', TEST_ADMIN_TOKEN);
    expect(blocked.body).toEqual({ message: 'Too Many Attempts.' });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(
      (await t.http().get('/api/v1/admin/users').set('X-Forwarded-For', '203.0.113.40').set(bearer(TEST_ADMIN_TOKEN)))
        .status,
    ).toBe(429);
    expect(
      (await t.http().get('/api/docs-json').set('X-Forwarded-For', '203.0.113.41').set(bearer(TEST_ADMIN_TOKEN)))
        .status,
    ).toBe(200);
  });

  it('counts missing credentials too, but not a viewer without a link token at a media server', async () => {
    for (let i = 0; i < 10; i++)
      expect((await t.http().get(VERIFY).set('X-Forwarded-For', '203.0.113.20')).status).toBe(401);
    for (let i = 0; i <= 3; i++)
      expect((await t.http().post(PREVIEW).set('X-Forwarded-For', '203.0.113.20').send({ cameras: [] })).status).toBe(
        401,
      );
    await eventually(async () =>
      expect((await t.http().post(PREVIEW).set('X-Forwarded-For', '203.0.113.20').send({})).status).toBe(429),
    );
  });
});

describe(`X-Forwarded-For (${process.env.TEST_DB})`, () => {
  const fromTwoAddresses = async (env: NodeJS.ProcessEnv) => {
    const t = await createTestApp({ RATE_LIMIT_VERIFY: '1/60', ...env });
    try {
      const first = await t.http().get(VERIFY).set('X-Forwarded-For', '203.0.113.1');
      const second = await t.http().get(VERIFY).set('X-Forwarded-For', '203.0.113.2');
      return [first.status, second.status];
    } finally {
      await t.close();
    }
  };

  it('is ignored unless the peer is a configured proxy', async () => {
    expect(await fromTwoAddresses({})).toEqual([401, 403]);
    expect(await fromTwoAddresses({ TRUST_PROXY: '192.0.2.10' })).toEqual([401, 403]);
  });

  it('names the client when the peer is a trusted proxy', async () => {
    expect(await fromTwoAddresses({ TRUST_PROXY: 'loopback' })).toEqual([401, 401]);
  });
});

describe(`RATE_LIMIT_DISABLED (${process.env.TEST_DB})`, () => {
  it('switches rate limiting off', async () => {
    const t = await createTestApp({ RATE_LIMIT_DISABLED: 'true', RATE_LIMIT_VERIFY: '1/60' });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await t.http().get(VERIFY);
        expect(res.status).toBe(401);
        expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await t.close();
    }
  });
});
