import fc from 'fast-check';
import { MAX_FIELD_ERRORS } from '../src/common/app-error';
import { aCamera, aGrant, anIntegration, aUser, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

/**
 * Hostile input on every public route family (integration, media auth, admin changes and
 * lists): each answer is a 4xx in the documented shape (t.http() checks it against
 * openapi.json), nothing is written, and the service still answers. On PostgreSQL only:
 * the input is the same on both databases, and the embedded suite is the slower one.
 */
const RUNS = 40;

/** A value no field of camlinks accepts, whatever its type. */
const anyFieldHostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.string().map((text) => `${text}\u0000${text}`),
  fc.string().map((text) => `${text}\ud800`),
  fc.string().map((text) => `\udc00${text}`),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63)),
  fc.integer({ min: 11, max: 3000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
  fc
    .integer({ min: 11, max: 3000 })
    .map((depth) => JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as unknown),
  fc.constant([[]]),
  fc.constant(Array.from({ length: 1001 }, () => ({}))),
);

/** Dates nobody can store or mean: past year 9999 once the offset applies, before year 1, impossible days. */
const oddDate = fc.constantFrom(
  '9999-12-31T23:59:59-23:59',
  '9999-12-31T23:00:00.999999999-01:00',
  '0000-01-01T00:00:00+01:00',
  '0001-01-01T00:00:00+00:01',
  '2000-02-30T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2000-01-01T00:00:60Z',
  '2000-01-01',
);

/** A cursor that was never handed out: random bytes, or a well-formed shape with values no row has. */
const oddCursor = fc.oneof(
  fc.string(),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
  fc
    .tuple(
      fc.oneof(oddDate, fc.string(), fc.constant('2000-01-01T00:00:00Z')),
      fc.oneof(fc.string(), fc.constant('3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11')),
    )
    .filter(([at, id]) => !(at === '2000-01-01T00:00:00Z' && id === '3f1c2a9e-8b7d-4c6e-9a51-2d0f4b8e7c11'))
    .map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')),
);

type Json = Record<string, unknown>;

/** Every path to a value in a body: `cameras`, `cameras.0`, `cameras.0.uuid`… */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const inner = Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...prefix, key]));
  return prefix.length ? [prefix, ...inner] : inner;
}

function withValueAt(body: Json, path: string[], replacement: unknown): Json {
  const copy = structuredClone(body);
  let target: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path[path.length - 1]] = replacement;
  return copy;
}

/**
 * A valid body with one value made hostile (date fields also get odd dates), or arbitrary JSON
 * under names no DTO has: never a request that could succeed.
 */
function hostileBodies(valid: Json, dateFields: string[] = []): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const mutated = fc
    .constantFrom(...paths)
    .chain((path) =>
      (dateFields.includes(path[path.length - 1]) ? fc.oneof(anyFieldHostile, oddDate) : anyFieldHostile).map((value) =>
        withValueAt(valid, path, value),
      ),
    );
  const known = new Set(paths.flat());
  // Names that objects carry or that frameworks strip (Nest drops `prototype` unseen) come often.
  const names = fc.oneof(fc.string(), fc.constantFrom('prototype', 'constructor', 'valueOf', 'toString'));
  const arbitrary = fc.dictionary(
    names.filter((key) => !known.has(key) && key !== '__proto__'),
    fc.jsonValue(),
    { minKeys: 1 },
  );
  // Objects come from `arbitrary`, with at least one unknown name: `{}` is a valid PATCH.
  const notObject = fc
    .jsonValue()
    .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value));
  return fc.oneof({ weight: 4, arbitrary: mutated }, { weight: 1, arbitrary }, { weight: 1, arbitrary: notObject });
}

describe('hostile input on every route family (postgres)', () => {
  let t: TestApp;
  let integrationToken: string;
  let ids: { camera: string; server: string; user: string; integration: string; grant: string };

  beforeAll(async () => {
    // Unlimited: a 429 would hide what the input itself is answered with.
    t = await createTestApp({ RATE_LIMIT_DISABLED: 'true' });
    const camera = await aCamera(t.prisma);
    const { user } = await aUser(t.prisma);
    const grant = await aGrant(t.prisma, user.id, camera.uuid);
    const { integration, token } = await anIntegration(t.prisma);
    integrationToken = token;
    ids = {
      camera: camera.uuid,
      server: camera.mediaServerId,
      user: user.id,
      integration: integration.id,
      grant: grant.id,
    };
  });
  afterAll(() => t.close());

  /** Every table's rows, but the audit trail's (which records failed changes too) and the console's hourly counters (refused verifications count). */
  async function snapshot(): Promise<string> {
    const tables = await t.prisma.$queryRawUnsafe<{ name: string }[]>(
      // Counters and their flushes' ids (applied_flushes) are written by refusals too.
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('audit_events', 'hourly_stats', 'applied_flushes', '_prisma_migrations') ORDER BY 1",
    );
    const rows = await Promise.all(
      tables.map(({ name }) =>
        t.prisma.$queryRawUnsafe<{ rows: string }[]>(
          `SELECT coalesce(string_agg(r::text, ',' ORDER BY r::text), '') AS rows FROM "${name}" r`,
        ),
      ),
    );
    return JSON.stringify(rows);
  }

  function expectRefused(res: { status: number; body: unknown }, what: string): void {
    if (res.status < 400 || res.status >= 500)
      throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    const body = res.body as { message?: unknown; errors?: Record<string, unknown> } | undefined;
    if (res.status === 422) {
      expect(typeof body?.message).toBe('string');
      expect(Object.keys(body!.errors!).length).toBeLessThanOrEqual(MAX_FIELD_ERRORS);
      for (const messages of Object.values(body!.errors!)) {
        expect(
          Array.isArray(messages) && messages.length > 0 && messages.every((message) => typeof message === 'string'),
        ).toBe(true);
      }
    }
  }

  /** Sends every body a property generates, then proves the service still answers and wrote nothing. */
  async function fuzz<T>(
    bodies: fc.Arbitrary<T>,
    send: (body: T) => Promise<{ status: number; body: unknown }>,
    what: string,
  ): Promise<void> {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => expectRefused(await send(body), what)),
      { numRuns: RUNS },
    );
    expect((await t.http().get('/health/ready')).status).toBe(200);
    expect(await snapshot()).toBe(before);
  }

  const post = (path: string, token: string) => (body: unknown) =>
    t.http().post(path).set(bearer(token)).set('Content-Type', 'application/json').send(JSON.stringify(body));
  const admin = (method: 'post' | 'patch' | 'put', path: string) => (body: unknown) => {
    const agent = t.http();
    return agent[method](path)
      .set(bearer(TEST_ADMIN_TOKEN))
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(body));
  };

  it.each([
    ['preview', () => ({ cameras: [{ uuid: ids.camera, stream_type: 'high' }], source: 'jpg', ttl: 60 })],
    ['video', () => ({ cameras: [{ uuid: ids.camera, stream_type: 'high' }], source: 'hls', ttl: 60 })],
    [
      'archive',
      () => ({
        cameras: [{ uuid: ids.camera, from: '2000-01-01T00:00:00Z', to: '2000-01-01T01:00:00Z' }],
        source: 'hls',
        ttl: 60,
      }),
    ],
  ])('integration %s: 4xx, nothing written', async (route, valid) => {
    await fuzz(hostileBodies(valid(), ['from', 'to']), post(`/api/v1/cameras/${route}`, integrationToken), route);
  });

  it('media auth (nginx, Flussonic, MediaMTX): 4xx, nothing written', async () => {
    const uri = fc.oneof(
      fc.webUrl({ withQueryParameters: true }).map((url) => new URL(url).pathname + new URL(url).search),
      fc.string().map((text) => `/${encodeURIComponent(text.toWellFormed())}/index.m3u8?token=cll_${text.length}`),
      fc.constantFrom(
        '/a/%00/index.m3u8?token=x',
        '/%ED%A0%80/index.m3u8?token=%ED%A0%80',
        '/a/..%2F..%2Fb/index.m3u8?token=%00',
        '/?token=' + 'x'.repeat(4000),
      ),
    );
    await fuzz(
      fc.tuple(
        uri,
        fc.constantFrom('GET', 'HEAD', 'POST', 'get', ''),
        fc.constantFrom('', '?secret=%00', '?secret=%ED%A0%80', '?secret=a&secret=b'),
      ),
      ([path, method, secret]) => {
        const req = t.http().get(`/api/v1/media-auth/nginx${secret}`).set('X-Original-URI', path);
        return method ? req.set('X-Original-Method', method) : req;
      },
      'nginx',
    );
    await fuzz(
      fc.dictionary(
        fc.constantFrom(
          'name',
          'token',
          'ip',
          'proto',
          'request_type',
          'session_id',
          'qs',
          'media_request',
          'secret',
          'other',
        ),
        fc.oneof(fc.string(), fc.constantFrom('%00', '%ED%A0%80', '1e308')),
      ),
      (query) =>
        t.http().get(
          `/api/v1/media-auth/flussonic?${Object.entries(query)
            .map(([key, value]) => `${key}=${value.includes('%') ? value : encodeURIComponent(value.toWellFormed())}`)
            .join('&')}`,
        ),
      'flussonic',
    );
    const mediamtx = {
      user: '',
      password: 'cll_x',
      token: 'cll_y',
      ip: '203.0.113.7',
      action: 'read',
      path: 'gate-hd',
      protocol: 'hls',
      id: 'x',
      query: 'token=cll_z',
    };
    await fuzz(
      hostileBodies(mediamtx),
      (body) =>
        t.http().post('/api/v1/media-auth/mediamtx').set('Content-Type', 'application/json').send(JSON.stringify(body)),
      'mediamtx',
    );
  });

  it('admin changes: 4xx, nothing written', async () => {
    const routes: [string, 'post' | 'patch' | 'put', () => string, () => Json, string[]?][] = [
      [
        'media servers',
        'post',
        () => '/api/v1/admin/media-servers',
        () => ({
          name: 'edge-x',
          base_url: 'http://m.test',
          url_templates: { live_preview: '{base_url}/{stream}/preview.jpg?token={token}' },
        }),
      ],
      [
        'media server',
        'patch',
        () => `/api/v1/admin/media-servers/${ids.server}`,
        () => ({ name: 'edge-y', verification_secret: 'a-long-enough-secret-0123456789' }),
      ],
      [
        'cameras',
        'post',
        () => '/api/v1/admin/cameras',
        () => ({
          name: 'cam',
          media_server_id: ids.server,
          streams: [{ type: 'high', name: 'cam-hd' }],
          default_stream_type: 'high',
        }),
      ],
      [
        'camera',
        'patch',
        () => `/api/v1/admin/cameras/${ids.camera}`,
        () => ({ name: 'cam-2', blocked: true, archive_retention_days: 3 }),
      ],
      [
        'archive ranges',
        'put',
        () => `/api/v1/admin/cameras/${ids.camera}/archive-ranges`,
        () => ({ ranges: [{ stream_type: 'high', from: '2000-01-01T00:00:00Z', to: '2000-01-02T00:00:00Z' }] }),
        ['from', 'to'],
      ],
      ['users', 'post', () => '/api/v1/admin/users', () => ({ name: 'bob' })],
      ['user', 'patch', () => `/api/v1/admin/users/${ids.user}`, () => ({ name: 'bob-2' })],
      [
        'user tokens',
        'post',
        () => `/api/v1/admin/users/${ids.user}/tokens`,
        () => ({ expires_at: '2999-01-01T00:00:00Z' }),
        ['expires_at'],
      ],
      ['integrations', 'post', () => '/api/v1/admin/integrations', () => ({ name: 'vms' })],
      [
        'integration tokens',
        'post',
        () => `/api/v1/admin/integrations/${ids.integration}/tokens`,
        () => ({ expires_at: '2999-01-01T00:00:00Z' }),
        ['expires_at'],
      ],
      [
        'grants',
        'post',
        () => '/api/v1/admin/grants',
        () => ({ user_id: ids.user, camera_uuid: ids.camera, expires_at: '2999-01-01T00:00:00Z' }),
        ['expires_at'],
      ],
      [
        'grant',
        'patch',
        () => `/api/v1/admin/grants/${ids.grant}`,
        () => ({ expires_at: '2999-01-01T00:00:00Z' }),
        ['expires_at'],
      ],
      [
        'links revoke',
        'post',
        () => '/api/v1/admin/links/revoke',
        () => ({ camera_uuid: ids.camera, issued_before: '2999-01-01T00:00:00Z', reason: 'why' }),
        ['issued_before'],
      ],
    ];
    for (const [what, method, path, valid, dates] of routes)
      await fuzz(hostileBodies(valid(), dates), admin(method, path()), what);
  });

  it('admin lists: 4xx for hostile queries, nothing written', async () => {
    const hostileText = fc.oneof(
      fc.string().map((text) => `${encodeURIComponent(text.toWellFormed())}%00`),
      fc.constantFrom('%ED%A0%80%00', '%00'),
    );
    const kinds = {
      limit: fc.constantFrom('1e308', '-1', '0', '99999999999999999999', '1.5', 'NaN', '%00'),
      cursor: oddCursor.map(encodeURIComponent),
      date: oddDate.map(encodeURIComponent),
      uuid: fc.oneof(
        hostileText,
        fc.string().map((text) => encodeURIComponent(`x${text.toWellFormed()}`)),
      ),
      text: hostileText,
    };
    const lists: [string, Record<string, keyof typeof kinds>][] = [
      [
        '/api/v1/admin/links',
        {
          limit: 'limit',
          cursor: 'cursor',
          issued_from: 'date',
          issued_to: 'date',
          camera_uuid: 'uuid',
          user_id: 'uuid',
          source: 'text',
          status: 'text',
        },
      ],
      [
        '/api/v1/admin/audit-events',
        {
          limit: 'limit',
          cursor: 'cursor',
          from: 'date',
          to: 'date',
          actor: 'text',
          object_id: 'text',
          outcome: 'text',
        },
      ],
      ['/api/v1/admin/cameras', { media_server_id: 'uuid' }],
      ['/api/v1/admin/grants', { user_id: 'uuid', camera_uuid: 'uuid' }],
    ];
    for (const [path, params] of lists) {
      const query = fc
        .uniqueArray(fc.constantFrom(...Object.keys(params)), { minLength: 1, maxLength: 3 })
        .chain((keys) => fc.tuple(...keys.map((key) => kinds[params[key]].map((value) => `${key}=${value}`))))
        .map((pairs) => pairs.join('&'));
      await fuzz(query, (q) => t.http().get(`${path}?${q}`).set(bearer(TEST_ADMIN_TOKEN)), path);
    }
  });

  it('records failed admin changes in the audit trail, whatever they carried', async () => {
    const res = await admin(
      'post',
      '/api/v1/admin/users',
    )({ name: 'nul\u0000name', nested: JSON.parse('['.repeat(50) + ']'.repeat(50)) as unknown });
    expect(res.status).toBe(422);
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'POST /api/v1/admin/users' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(event).toMatchObject({ outcome: 'failure', statusCode: 422 });
    expect(JSON.stringify(event.details)).toContain('nul\ufffdname');
  });
});
