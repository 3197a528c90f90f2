import { randomBytes } from 'node:crypto';
import { type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'auth-reasons-admin-token-0123456789abcdef';
const UNAUTHENTICATED = { message: 'Unauthenticated.' };
const wellFormed = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

type LogLine = { req?: { id: string }; res?: { statusCode: number }; auth_failure?: string };

/**
 * Every refused credential answers the vendor's one body, and the access-log line of that
 * request says why (never with the token): what an operator needs to fix an integration.
 */
describe('reasons for refused credentials, in the log', () => {
  let dbName: string;
  let camlinks: Instance;
  let closed: Instance;

  beforeAll(async () => {
    dbName = await cloneTemplate();
    const env = { DATABASE_URL: databaseUrl(dbName), RATE_LIMIT_AUTH_FAILURES: '1000/60' };
    // The second one has no ADMIN_TOKEN, and the database no named admin yet: its admin API is closed.
    [camlinks, closed] = await Promise.all([startInstance({ ...env, ADMIN_TOKEN: ADMIN }), startInstance(env)]);
  });
  afterAll(async () => {
    await Promise.all([camlinks?.stop(), closed?.stop()]);
    if (dbName) await dropDatabase(dbName);
  });

  /** The status, the body and the logged reason of one request. */
  const attempt = async (instance: Instance, path: string, headers: Record<string, string>, init: RequestInit = {}) => {
    const response = await fetch(`${instance.url}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { 'Content-Type': 'application/json', ...headers },
    });
    const id = response.headers.get('x-request-id')!;
    const body = response.headers.get('content-type')?.includes('json') ? await response.json() : await response.text();
    // The line is written when the response is done: it may follow the answer by a moment.
    let line: LogLine | undefined;
    for (let tries = 0; !line && tries < 100; tries++) {
      line = lines(instance).find((entry) => entry.req?.id === id);
      if (!line) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { status: response.status, body, reason: line?.auth_failure };
  };
  const lines = (instance: Instance): LogLine[] =>
    instance
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const admin = async (path: string, body: object = {}, method = 'POST') => {
    const response = await camlinks.call(
      `/api/v1/admin${path}`,
      { method, body: method === 'DELETE' ? undefined : JSON.stringify(body) },
      ADMIN,
    );
    expect(response.status).toBeLessThan(300);
    return response.status === 204 ? undefined : ((await response.json()) as { id: string; token: string });
  };

  it('on the integration and admin APIs: the same 401 body, a reason per cause', async () => {
    const integration = await admin('/integrations', { name: 'vms' });
    const revoked = await admin(`/integrations/${integration!.id}/tokens`);
    await admin(`/integrations/${integration!.id}/tokens/${revoked!.id}`, {}, 'DELETE');
    const expiring = await admin(`/integrations/${integration!.id}/tokens`, {
      expires_at: new Date(Date.now() + 1500).toISOString(),
    });
    const alice = await admin('/admins', { name: 'alice' });
    const bob = await admin('/admins', { name: 'bob' });
    await admin(`/admins/${bob!.id}/token`, {}, 'DELETE');
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const preview = '/api/v1/cameras/preview';
    const post = { method: 'POST', body: JSON.stringify({ cameras: [], source: 'jpg' }) };
    const cases: [Instance, string, Record<string, string>, string][] = [
      [camlinks, preview, {}, 'no_credentials'],
      [camlinks, preview, { Authorization: `Token ${integration!.token}` }, 'malformed'],
      [camlinks, preview, bearer('not-one-of-ours'), 'malformed'],
      [camlinks, preview, bearer(alice!.token), 'wrong_api'],
      [camlinks, preview, bearer(wellFormed('cli_')), 'unknown_token'],
      [camlinks, preview, bearer(revoked!.token), 'revoked'],
      [camlinks, preview, bearer(expiring!.token), 'expired'],
      [camlinks, preview, { ...bearer(integration!.token), 'X-User-Token': wellFormed('clu_') }, 'unknown_token'],
      [camlinks, '/api/v1/admin/cameras', {}, 'no_credentials'],
      [camlinks, '/api/v1/admin/cameras', bearer(integration!.token), 'wrong_api'],
      [camlinks, '/api/v1/admin/cameras', bearer(wellFormed('cla_')), 'unknown_token'],
      [camlinks, '/api/v1/admin/cameras', bearer('a-wrong-bootstrap-token-0123456789abcdef'), 'unknown_token'],
      [camlinks, '/api/v1/admin/cameras', bearer(bob!.token), 'revoked'],
      [closed, '/api/v1/admin/cameras', bearer(ADMIN), 'admin_api_closed'],
    ];
    const seen = [];
    for (const [instance, path, headers, reason] of cases) {
      const result = await attempt(instance, path, headers, path === preview ? post : {});
      seen.push({ path, status: result.status, body: result.body, reason: result.reason });
      expect(seen.at(-1)).toEqual({ path, status: 401, body: UNAUTHENTICATED, reason });
    }
    for (const token of [integration!.token, revoked!.token, expiring!.token, alice!.token, bob!.token, ADMIN]) {
      expect(camlinks.output()).not.toContain(token);
      expect(closed.output()).not.toContain(token);
    }
  });

  it('on the console: why a sign-in or a page was refused', async () => {
    const signIn = await attempt(
      camlinks,
      '/admin/sign-in',
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      { method: 'POST', body: `token=${wellFormed('cli_')}` },
    );
    expect(signIn).toMatchObject({ status: 303, reason: 'wrong_api' });
    expect(await attempt(camlinks, '/admin/links', {})).toMatchObject({ status: 303, reason: 'no_credentials' });
    expect(await attempt(camlinks, '/admin/links', { Cookie: 'camlinks_console=stale' })).toMatchObject({
      status: 303,
      reason: 'session_ended',
    });
    const crossSite = await attempt(
      camlinks,
      '/admin/sign-in',
      { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://elsewhere.example' },
      { method: 'POST', body: `token=${ADMIN}` },
    );
    expect(crossSite).toMatchObject({ status: 403, reason: 'cross_origin' });
  });
});
