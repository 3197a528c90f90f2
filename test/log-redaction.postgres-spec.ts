import { type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'log-redaction-admin-token-0123456789abcdef';
const MEDIA_SECRET = 'media-server-secret-for-the-log-test';

/**
 * A whole flow through a real process logging at debug level: whatever went through
 * headers, query strings, bodies and URLs, no credential and no link token reaches the log.
 */
describe('logs', () => {
  let dbName: string;
  let camlinks: Instance;

  beforeAll(async () => {
    dbName = await cloneTemplate();
    camlinks = await startInstance({ DATABASE_URL: databaseUrl(dbName), ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'debug' });
  });

  afterAll(async () => {
    await camlinks?.stop();
    if (dbName) await dropDatabase(dbName);
  });

  it('carry one line per request, with its id, and not one credential or link token', async () => {
    const requestIds: string[] = [];
    const send = async (path: string, init: RequestInit & { token?: string } = {}) => {
      const headers = {
        'Content-Type': 'application/json',
        ...(init.token && { Authorization: `Bearer ${init.token}` }),
        ...init.headers,
      };
      const response = await fetch(`${camlinks.url}${path}`, { ...init, headers });
      requestIds.push(response.headers.get('x-request-id')!);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    };
    const post = (path: string, body: object, token = ADMIN, headers: Record<string, string> = {}) =>
      send(path, { method: 'POST', body: JSON.stringify(body), token, headers });
    const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

    const server = await post('/api/v1/admin/media-servers', {
      name: 'edge',
      base_url: 'http://127.0.0.1:8080',
      verification_secret: MEDIA_SECRET,
    });
    expect(server.status).toBe(201);
    const camera = (
      await post('/api/v1/admin/cameras', {
        name: 'Gate',
        media_server_id: server.body.id,
        streams: [{ type: 'high', name: 'gate-hd' }],
        default_stream_type: 'high',
      })
    ).body;
    const integrationToken: string = (await post('/api/v1/admin/integrations', { name: 'vms' })).body.token;
    const user = (await post('/api/v1/admin/users', { name: 'alice' })).body;
    const userToken: string = (await post(`/api/v1/admin/users/${user.id}/tokens`, {})).body.token;
    expect((await post('/api/v1/admin/grants', { user_id: user.id, camera_uuid: camera.uuid })).status).toBe(201);

    const preview = { cameras: [{ uuid: camera.uuid }], source: 'jpg' };
    const asIntegration = (await post('/api/v1/cameras/preview', preview, integrationToken)).body[0].url;
    const forUser = (await post('/api/v1/cameras/preview', preview, integrationToken, { 'X-User-Token': userToken }))
      .body[0].url;
    const asUser = (await post('/api/v1/cameras/preview', preview, userToken)).body[0].url;
    const video = await post(
      '/api/v1/cameras/video',
      { cameras: [{ uuid: camera.uuid }], source: 'hls' },
      integrationToken,
    );
    expect(video.status).toBe(200);
    const live = tokenOf(video.body[0].url);

    const nginx = (url: string, headers: Record<string, string>, query = '') => {
      const { pathname, search } = new URL(url);
      return send(`/api/v1/media-auth/nginx${query}`, {
        headers: { 'X-Original-URI': `${pathname}${search}`, 'X-Original-Method': 'GET', ...headers },
      });
    };
    expect((await nginx(asIntegration, { 'X-Media-Server-Secret': MEDIA_SECRET })).status).toBe(204);
    expect((await nginx(forUser, {}, `?secret=${MEDIA_SECRET}`)).status).toBe(204);
    expect((await nginx(asUser, { 'X-Media-Server-Secret': 'not-the-secret' })).status).toBe(403);
    const flussonic = new URLSearchParams({
      name: 'gate-hd',
      proto: 'hls',
      token: live,
      qs: `token=${live}`,
      secret: MEDIA_SECRET,
      ip: '203.0.113.7',
    });
    expect((await send(`/api/v1/media-auth/flussonic?${flussonic}`)).status).toBe(200);
    const mediamtx = {
      action: 'read',
      path: 'gate-hd',
      protocol: 'hls',
      query: `token=${live}`,
      password: live,
      ip: '203.0.113.7',
    };
    expect(
      (
        await send('/api/v1/media-auth/mediamtx', {
          method: 'POST',
          body: JSON.stringify(mediamtx),
          headers: { 'X-Media-Server-Secret': MEDIA_SECRET },
        })
      ).status,
    ).toBe(200);
    // Credentials where they do not belong: in a query string, in a URL inside a body, in a body
    // field, and in headers camlinks does not expect (not shaped like a token, nor named like one).
    await send(`/api/v1/cameras/preview?token=${integrationToken}&api_key=${ADMIN}&q=${ADMIN}`, { token: userToken });
    await post('/api/v1/admin/media-servers', {
      name: 'edge-2',
      base_url: `http://127.0.0.1:8081/?token=${integrationToken}`,
    });
    await post('/api/v1/admin/users', { name: 'bob', note: ADMIN, password: MEDIA_SECRET });
    await send('/api/v1/admin/media-servers', {
      headers: { 'X-Api-Key': ADMIN, Cookie: `session=${ADMIN}`, 'X-Anything': MEDIA_SECRET },
    });
    await send('/health/live', { headers: { 'X-Api-Key': ADMIN, Cookie: `session=${ADMIN}` } });

    await camlinks.stop();
    const output = camlinks.output();
    const secrets = {
      ADMIN,
      MEDIA_SECRET,
      integrationToken,
      userToken,
      live,
      asIntegration: tokenOf(asIntegration),
      forUser: tokenOf(forUser),
      asUser: tokenOf(asUser),
    };
    for (const [name, secret] of Object.entries(secrets)) {
      if (output.includes(secret)) throw new Error(`the log contains ${name}`);
    }

    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { req?: { id: string }; verification?: object; msg: string });
    for (const id of requestIds) expect(lines.filter((line) => line.req?.id === id)).toHaveLength(1);
    // Headers are logged by allow-list only.
    const logged = new Set(
      lines.flatMap((line) => Object.keys((line.req as { headers?: object } | undefined)?.headers ?? {})),
    );
    expect(
      [...logged].filter(
        (name) =>
          !['host', 'user-agent', 'content-type', 'content-length', 'accept', 'x-original-method'].includes(name),
      ),
    ).toEqual([]);
    expect([...logged]).toEqual(expect.arrayContaining(['host', 'user-agent', 'x-original-method'])); // and those are logged
    const verifications = lines.flatMap((line) => (line.verification ? [line.verification] : []));
    expect(verifications).toEqual([
      { protocol: 'nginx', link: expect.any(String), outcome: 'allow' },
      { protocol: 'nginx', link: expect.any(String), outcome: 'allow' },
      { protocol: 'nginx', outcome: 'secret_wrong' }, // decided before the token is read
      { protocol: 'flussonic', link: expect.any(String), outcome: 'allow' },
      { protocol: 'mediamtx', link: expect.any(String), outcome: 'allow' },
    ]);
  });

  it('can be read by a person: LOG_FORMAT=pretty', async () => {
    const pretty = await startInstance({ DATABASE_URL: databaseUrl(dbName), ADMIN_TOKEN: ADMIN, LOG_FORMAT: 'pretty' });
    await fetch(`${pretty.url}/api/v1/admin/users`, {
      headers: { Authorization: `Bearer ${ADMIN}`, 'X-Api-Key': ADMIN },
    });
    await pretty.stop();
    const output = pretty.output();
    // The banner: where it is, the docs, the console, where the admin token is. Only the info line
    // of a background job that took its lock as the server started listening may come before it.
    const lines = output.split('\n');
    const banner = lines.findIndex((line) => line.includes('INFO: [camlinks] camlinks is running at'));
    expect(lines[banner]).toMatch(new RegExp(`INFO: \\[camlinks\\] camlinks is running at ${pretty.url}$`));
    expect(lines.slice(0, banner)).toEqual(lines.slice(0, banner).filter((line) => / INFO: \[\w+\] /.test(line)));
    expect(banner).toBeLessThanOrEqual(2);
    expect(lines.slice(banner + 1, banner + 5)).toEqual([
      `  API docs:    ${pretty.url}/api/docs`,
      `  console:     ${pretty.url}/admin`,
      '  admin token: from ADMIN_TOKEN',
      `  database:    PostgreSQL at 127.0.0.1:5432/${dbName}`,
    ]);
    // Nest's report of every module and route is debug, not the start of the log.
    expect(output).not.toMatch(/InstanceLoader|RoutesResolver|RouterExplorer|Mapped \{/);
    expect(output).toMatch(/INFO: GET \/api\/v1\/admin\/users 200 [\d.]+ ms [\w-]{36}\n/);
    expect(output).not.toContain(ADMIN);
    expect(output.split('\n')[0]).not.toMatch(/^\{/);
  });
});
