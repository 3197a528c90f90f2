import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bearer } from './support/builders';
import { createTestApp, createTestAppWithIntegration, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const PREVIEW = '/api/v1/cameras/preview';

describe(`HTTP hardening (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await createTestAppWithIntegration({ BODY_LIMIT_KB: '1' }));
  });
  afterAll(() => t.close());

  it('sends security headers and no framework banner', async () => {
    const res = await t.http().get('/health/live');
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'referrer-policy': 'no-referrer',
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('returns a request id, keeping a well-formed one the caller sent', async () => {
    expect((await t.http().get('/health/live')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.http().get('/health/live').set('X-Request-Id', 'lb-1234.abc')).headers['x-request-id']).toBe(
      'lb-1234.abc',
    );
    expect(
      (await t.http().get('/health/live').set('X-Request-Id', 'no spaces <allowed>')).headers['x-request-id'],
    ).not.toBe('no spaces <allowed>');
  });

  it('answers no cross-origin request by default', async () => {
    const res = await t
      .http()
      .options(PREVIEW)
      .set({ Origin: 'https://vms.example.com', 'Access-Control-Request-Method': 'POST' });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over BODY_LIMIT_KB, and malformed JSON, in the error shape', async () => {
    const big = await t
      .http()
      .post(PREVIEW)
      .set(bearer(token))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ cameras: [], pad: 'x'.repeat(2048) }));
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ message: expect.any(String) });
    const broken = await t
      .http()
      .post(PREVIEW)
      .set(bearer(token))
      .set('Content-Type', 'application/json')
      .send('{"cameras": [');
    expect(broken.status).toBe(422);
    expect(broken.body).toEqual({
      message: 'The request body is not valid JSON.',
      errors: { body: ['The request body is not valid JSON.'] },
    });
  });

  it('gives media-auth bodies a limit of their own', async () => {
    const big = await t
      .http()
      .post('/api/v1/media-auth/mediamtx')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ path: 'x'.repeat(17 * 1024) }));
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ message: expect.any(String) });
  });

  it('refuses too many cameras before validating any of them, in milliseconds', async () => {
    const res = await t
      .http()
      .post('/api/v1/cameras/archive')
      .set(bearer(token))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ cameras: Array.from({ length: 300 }, () => ({})) }));
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      message: 'The cameras field must not contain more than 30 cameras.',
      errors: { cameras: [expect.any(String)] },
    });
  });

  it('lists at most 20 fields in a 422, counting them all in its message', async () => {
    const cameras = Array.from({ length: 30 }, () => ({ uuid: 'not-a-uuid' }));
    const res = await t.http().post(PREVIEW).set(bearer(token)).send({ cameras });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toHaveLength(20);
    expect(res.body.message).toMatch(/\(and 29 more errors\)$/);
  });

  it('answers an unexpected failure with a bare 500: no SQL, no stack, no table names', async () => {
    await t.prisma.$executeRawUnsafe('DROP TABLE audit_events');
    const res = await t.http().get('/api/v1/admin/audit-events').set(bearer(TEST_ADMIN_TOKEN));
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ message: 'Server Error' });
    expect(res.text).not.toMatch(/audit_events|prisma|select|\bat /i);
  });
});

describe(`CORS and API docs, as configured (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://vms.example.com', SWAGGER_REQUIRE_ADMIN: 'true' });
  });
  afterAll(() => t.close());

  it('allows only the configured origins', async () => {
    const preflight = (origin: string) =>
      t.http().options(PREVIEW).set({
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      });
    const allowed = await preflight('https://vms.example.com');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://vms.example.com');
    expect(allowed.headers['access-control-allow-headers']).toMatch(/authorization/i);
    expect((await preflight('https://evil.example.com')).headers['access-control-allow-origin']).toBeUndefined();
  });

  it('shows the docs to the admin token only, as a bearer or as the Basic password a browser asks for', async () => {
    for (const path of ['/api/docs', '/api/docs-json']) {
      const anonymous = await t.http().get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Basic /);
      expect(anonymous.body).toEqual({ message: 'Unauthenticated.' });
      expect(anonymous.headers['cache-control']).toBe('no-store');
      expect((await t.http().get(path).set(bearer('not-the-admin-token-0123456789abcdef'))).status).toBe(401);
      expect((await t.http().get(path).set(bearer(TEST_ADMIN_TOKEN))).status).toBe(200);
      expect((await t.http().get(path).auth('anyone', TEST_ADMIN_TOKEN)).status).toBe(200);
    }
  });
});

describe(`API docs switched off (${process.env.TEST_DB})`, () => {
  it('serves no docs with SWAGGER_ENABLED=false', async () => {
    const t = await createTestApp({ SWAGGER_ENABLED: 'false' });
    try {
      expect((await t.http().get('/api/docs')).status).toBe(404);
      expect((await t.http().get('/api/docs-json').set(bearer(TEST_ADMIN_TOKEN))).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});

describe('start-up with an invalid configuration', () => {
  it('exits non-zero, listing every invalid variable', () => {
    const result = spawnSync(process.execPath, [join(__dirname, '../dist/main.js')], {
      env: {
        PATH: process.env.PATH,
        PORT: 'eighty',
        DATABASE_URL: 'mysql://db/camlinks',
        REDIS_URL: 'localhost:6379',
        RATE_LIMIT_INTEGRATION: 'many',
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'loud',
      },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    for (const variable of [
      'PORT',
      'DATABASE_URL',
      'REDIS_URL',
      'RATE_LIMIT_INTEGRATION',
      'TRUST_PROXY',
      'LOG_LEVEL',
    ]) {
      expect(result.stderr).toMatch(new RegExp(`^  - ${variable}: `, 'm'));
    }
    expect(result.stdout).not.toContain('listening');
  });
});
