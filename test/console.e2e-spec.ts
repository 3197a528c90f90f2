import request from 'supertest';
import { BOOTSTRAP_ADMIN } from '../src/auth/admin-identity';
import { hashToken } from '../src/auth/tokens';
import { HourlyStats } from '../src/stats/hourly-stats';
import { UsageRecorder } from '../src/verification/usage-recorder';
import { FILTER_CHOICES_MAX } from '../src/console/console.controller';
import { aCamera, aGrant, aUser, bearer } from './support/builders';
import { createTestApp, createTestAppWithIntegration, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

/** The console over HTTP (the browser tests are in console-browser.postgres-spec.ts): sessions, CSRF, headers, counters. */
describe(`admin console (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let integrationToken: string;

  beforeAll(async () => {
    // Each test's links among the busiest at once, not after the ranking's minute.
    ({ t, token: integrationToken } = await createTestAppWithIntegration({ CONSOLE_BUSIEST_MAX_AGE_S: '0' }));
  });
  afterAll(() => t.close());

  /** A browser: keeps cookies. */
  const browser = () => request.agent(t.app.getHttpServer());

  async function signedIn(token = TEST_ADMIN_TOKEN) {
    const agent = browser();
    const res = await agent.post('/admin/sign-in').type('form').send({ token });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/admin');
    const page = await agent.get('/admin/links');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    return { agent, csrf, cookie: res.headers['set-cookie'][0] as string };
  }

  async function issueLink(cameraUuid: string) {
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(integrationToken))
      .send({ cameras: [{ uuid: cameraUuid }], source: 'jpg' });
    expect(res.status).toBe(200);
    const url = new URL(res.body[0].url);
    const link = await t.prisma.issuedLink.findFirstOrThrow({ where: { cameraUuid }, orderBy: { issuedAt: 'desc' } });
    return { url, id: link.id, prefix: link.tokenPrefix };
  }

  // First: it needs the database as a new installation has it.
  it('tells a first-time admin what to do first, on the overview and the empty links page', async () => {
    const { agent } = await signedIn();
    const overview = await agent.get('/admin');
    expect(overview.text).toContain('First steps');
    expect(overview.text).toContain('POST /api/v1/admin/media-servers');
    const links = await agent.get('/admin/links');
    expect(links.text).toContain('No link issued yet');
    expect(links.text).not.toContain('Revoke all matching');
    await issueLink((await aCamera(t.prisma)).uuid);
    expect((await agent.get('/admin')).text).not.toContain('First steps');
    expect((await agent.get('/admin/links')).text).not.toContain('No link issued yet');
  });

  it('has a favicon, its own file like every asset', async () => {
    const page = await (await signedIn()).agent.get('/admin');
    expect(page.text).toContain('<link rel="icon" href="/admin/assets/favicon.svg" type="image/svg+xml">');
    const icon = await browser().get('/admin/assets/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('shows times as <time> in UTC, with the script that shows them in the browser’s zone, and refusal reasons in words', async () => {
    const camera = await aCamera(t.prisma);
    const link = await issueLink(camera.uuid);
    expect(await t.mediaAuth(new URL(`${link.url.pathname}/../other.jpg${link.url.search}`, link.url))).toBe(403);
    await t.app.get(UsageRecorder).flush();
    const { agent } = await signedIn();
    const page = await agent.get(`/admin/links/${link.id}`);
    const row = await t.prisma.issuedLink.findFirstOrThrow({ where: { id: link.id } });
    const utc = `${row.issuedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
    expect(page.text).toContain(`<time datetime="${row.issuedAt.toISOString()}" title="${utc}">${utc}</time>`);
    expect(page.text).toContain('<script src="/admin/assets/local-time.js" defer></script>');
    expect(row.lastDeniedReason).toBe('wrong_resource');
    expect(page.text).toContain('a file the link was not issued for');
    expect(page.text).not.toContain('wrong_resource');
  });

  it('reads filter times in the zone the form names, or as UTC when they end in Z', async () => {
    const camera = await aCamera(t.prisma);
    const link = await issueLink(camera.uuid);
    const issuedAt = (await t.prisma.issuedLink.findFirstOrThrow({ where: { id: link.id } })).issuedAt.getTime();
    // Tokyo is UTC+9 all year; New York's offset in January is -5.
    const wall = (at: number, hours: number) => new Date(at + hours * 3_600_000).toISOString().slice(0, 16);
    const { agent, csrf } = await signedIn();
    const listed = async (query: object) =>
      (await agent.get('/admin/links').query({ camera_uuid: camera.uuid, ...query })).text.includes(
        `/admin/links/${link.id}`,
      );
    expect(await listed({ issued_from: wall(issuedAt - 60_000, 9), tz: 'Asia/Tokyo' })).toBe(true);
    expect(await listed({ issued_from: wall(issuedAt + 60_000, 9), tz: 'Asia/Tokyo' })).toBe(false);
    expect(await listed({ issued_to: wall(issuedAt + 60_000, 9), tz: 'Asia/Tokyo' })).toBe(true);
    expect(await listed({ issued_from: wall(issuedAt - 60_000, 9) })).toBe(false); // without a zone: UTC, nine hours later
    expect(await listed({ issued_from: `${wall(issuedAt - 60_000, 0)}Z`, tz: 'Asia/Tokyo' })).toBe(true);
    expect(await listed({ issued_from: `${wall(issuedAt + 60_000, 0)}Z` })).toBe(false);
    expect((await agent.get('/admin/links').query({ tz: 'Mars/Olympus' })).status).toBe(422);
    expect(
      (await agent.get('/admin/audit-events').query({ from: '2027-01-15T07:00', tz: 'America/New_York' })).text,
    ).toContain('<h1>Audit events</h1>');

    const confirm = await agent
      .get('/admin/links/revoke')
      .query({ camera_uuid: camera.uuid, issued_from: `${wall(issuedAt - 60_000, 0)}Z` });
    expect(confirm.text).toMatch(/<strong id="revoke-count">1<\/strong>/);
    const res = await agent
      .post('/admin/links/revoke')
      .type('form')
      .send({
        camera_uuid: camera.uuid,
        issued_from: `${wall(issuedAt - 60_000, 0)}:00Z`,
        reason: 'zoned',
        _csrf: csrf,
      });
    expect(res.status).toBe(303);
    expect(res.headers.location).toContain('revoked=1');
  });

  it('offers no bulk action on an empty result', async () => {
    const camera = await aCamera(t.prisma);
    const { agent } = await signedIn();
    const page = await agent.get('/admin/links').query({ camera_uuid: camera.uuid });
    expect(page.text).toContain(': none match');
    expect(page.text).not.toContain('Revoke all matching');
    const confirm = await agent.get('/admin/links/revoke').query({ camera_uuid: camera.uuid });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('nothing to revoke');
    expect(confirm.text).not.toMatch(/Revoke 0 links|<form method="post" action="\/admin\/links\/revoke"/);
  });

  it('answers every page with a strict CSP, no-store, and no script or style of anyone else', async () => {
    const res = await browser().get('/admin/sign-in');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(res.text).toContain('<label for="token">Admin token</label>');
    expect(res.text).not.toMatch(/<script>|<style>|style="|https?:\/\//);
  });

  it('sends a browser without a session to sign in, and refuses a wrong token', async () => {
    for (const path of [
      '/admin',
      '/admin/links',
      '/admin/audit-events',
      `/admin/links/${crypto.randomUUID()}`,
      '/admin/links.csv',
    ]) {
      const res = await browser().get(path);
      expect([res.status, res.headers.location]).toEqual([303, '/admin/sign-in']);
    }
    const wrong = await browser()
      .post('/admin/sign-in')
      .type('form')
      .send({ token: `${TEST_ADMIN_TOKEN}x` });
    expect([wrong.status, wrong.headers.location]).toEqual([303, '/admin/sign-in?failed=1']);
    expect(
      (
        await t
          .http()
          .get('/api/v1/admin/audit-events')
          .set(bearer(TEST_ADMIN_TOKEN))
          .query({ object_type: 'sign-in', outcome: 'failure' })
      ).body.data,
    ).toHaveLength(1);
  });

  it('keeps the session server-side in an HttpOnly, SameSite=Strict cookie, Secure over HTTPS', async () => {
    const { cookie } = await signedIn();
    expect(cookie).toMatch(/^camlinks_console=[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).not.toContain('Secure');
    const secret = /^camlinks_console=([^;]+)/.exec(cookie)![1];
    expect(await t.prisma.adminSession.count({ where: { tokenHash: secret } })).toBe(0); // only its hash is stored
    expect(await t.prisma.adminSession.count({ where: { tokenHash: hashToken(secret) } })).toBe(1);
    const https = await createTestApp({ TRUST_PROXY: 'loopback' });
    try {
      const res = await request(https.app.getHttpServer())
        .post('/admin/sign-in')
        .set('X-Forwarded-Proto', 'https')
        .type('form')
        .send({ token: TEST_ADMIN_TOKEN });
      expect(res.headers['set-cookie'][0]).toContain('Secure');
    } finally {
      await https.close();
    }
  });

  it('ends a bootstrap session once ADMIN_TOKEN is no longer the token it was signed in with', async () => {
    const { agent, cookie } = await signedIn();
    expect((await agent.get('/admin/links')).status).toBe(200);
    const tokenHash = hashToken(/^camlinks_console=([^;]+)/.exec(cookie)![1]);
    // As if signed in with the token ADMIN_TOKEN held before it was changed.
    await t.prisma.adminSession.update({
      where: { tokenHash },
      data: { credentialHash: hashToken('the-former-admin-token-0123456789abcdef') },
    });
    const res = await agent.get('/admin/links');
    expect([res.status, res.headers.location]).toEqual([303, '/admin/sign-in']);
  });

  it('refuses a form post without the CSRF token, with a wrong one, or from another site', async () => {
    const camera = await aCamera(t.prisma);
    const link = await issueLink(camera.uuid);
    const { agent, csrf } = await signedIn();
    const revoke = `/admin/links/${link.id}/revoke`;
    expect((await agent.post(revoke).type('form').send({ reason: 'forged' })).status).toBe(403);
    expect(
      (
        await agent
          .post(revoke)
          .type('form')
          .send({ reason: 'forged', _csrf: `${csrf.slice(1)}x` })
      ).status,
    ).toBe(403);
    expect(
      (await agent.post(revoke).set('Origin', 'https://evil.test').type('form').send({ reason: 'forged', _csrf: csrf }))
        .status,
    ).toBe(403);
    // As long as the real one, but not ASCII: more bytes, still a plain 403.
    expect(
      (
        await agent
          .post(revoke)
          .type('form')
          .send({ reason: 'forged', _csrf: `${csrf.slice(1)}é` })
      ).status,
    ).toBe(403);
    expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: link.id } })).revokedAt).toBeNull();
  });

  it('answers a filter time that does not exist with a 422 page, never a 500', async () => {
    const { agent } = await signedIn();
    for (const time of ['2026-99-99T99:99', '2026-02-30T10:00', '2026-11-26T24:00', '0000-01-01T00:00']) {
      const res = await agent.get('/admin/links').query({ issued_from: time });
      expect([time, res.status]).toEqual([time, 422]);
      expect(res.text).toContain('must be a date and time');
    }
    expect((await agent.get('/admin/audit-events').query({ from: '2026-02-30T10:00' })).status).toBe(422);
    expect((await agent.get('/admin/audit-events').query({ to: '0000-12-31T23:59' })).status).toBe(422);
    expect((await agent.get('/admin/links').query({ issued_from: '2026-02-28T10:00' })).status).toBe(200);
  });

  it('shows a revocation by the integration that issued the link as theirs, on the link and in the audit trail', async () => {
    const link = await issueLink((await aCamera(t.prisma)).uuid);
    const revoked = await t
      .http()
      .post('/api/v1/links/revoke')
      .set(bearer(integrationToken))
      .send({ links: [link.url.href], reason: 'portal sign-out' });
    expect(revoked.body.revoked).toEqual([link.url.href]);
    const { agent } = await signedIn();
    expect((await agent.get(`/admin/links/${link.id}`)).text).toContain('(the integration it was issued to)');
    const audit = await agent.get('/admin/audit-events').query({ action: 'POST /api/v1/links/revoke' });
    expect(audit.text).toContain('<span class="muted">(integration)</span>');
    expect(audit.text).toContain('portal sign-out');
    expect(audit.text).toContain(link.id);
  });

  it('revokes a link with a reason, as the signed-in admin, and audits it', async () => {
    const camera = await aCamera(t.prisma);
    const link = await issueLink(camera.uuid);
    const { agent, csrf } = await signedIn();
    const res = await agent
      .post(`/admin/links/${link.id}/revoke`)
      .type('form')
      .send({ reason: 'stolen phone', _csrf: csrf });
    expect([res.status, res.headers.location]).toEqual([303, `/admin/links/${link.id}`]);
    const row = await t.prisma.issuedLink.findFirstOrThrow({ where: { id: link.id } });
    expect(row).toMatchObject({
      revokedBy: 'bootstrap',
      revokedByAdminId: BOOTSTRAP_ADMIN.id,
      revokedReason: 'stolen phone',
    });
    const page = await agent.get(`/admin/links/${link.id}`);
    expect(page.text).toContain('stolen phone');
    expect(await t.mediaAuth(link.url)).toBe(403);
    const events = await t
      .http()
      .get('/api/v1/admin/audit-events')
      .set(bearer(TEST_ADMIN_TOKEN))
      .query({ object_id: link.id });
    expect(events.body.data[0]).toMatchObject({
      actor: 'bootstrap',
      action: 'POST /admin/links/:id/revoke',
      object_type: 'links',
      details: { body: { reason: 'stolen phone', _csrf: '[redacted]' } },
    });
    // The console shows what was sent as a list, without its own fields.
    const audit = await agent.get('/admin/audit-events').query({ object_id: link.id });
    expect(audit.text).toContain('<dl class="details"><dt>reason</dt><dd>stolen phone</dd></dl>');
    expect(audit.text).not.toMatch(/<dt>_csrf|\[redacted\]|"reason"/);
  });

  it('confirms a bulk revoke with the count, then revokes exactly that filter', async () => {
    const [a, b] = [await aCamera(t.prisma), await aCamera(t.prisma)];
    await issueLink(a.uuid);
    await issueLink(a.uuid);
    const other = await issueLink(b.uuid);
    const { agent, csrf } = await signedIn();
    const confirm = await agent.get('/admin/links/revoke').query({ camera_uuid: a.uuid, status: 'active', kind: '' });
    expect(confirm.status).toBe(200);
    expect(confirm.text).toMatch(/<strong id="revoke-count">2<\/strong>/);
    expect((await agent.get('/admin/links/revoke').query({ kind: 'preview' })).status).toBe(422); // everything by omission: refused
    const res = await agent
      .post('/admin/links/revoke')
      .type('form')
      .send({ camera_uuid: a.uuid, reason: 'camera stolen', _csrf: csrf });
    expect(res.status).toBe(303);
    expect(res.headers.location).toContain('revoked=2');
    expect((await agent.get(res.headers.location)).text).toContain('Revoked 2 links.');
    expect(await t.prisma.issuedLink.count({ where: { cameraUuid: a.uuid, revokedReason: 'camera stolen' } })).toBe(2);
    expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: other.id } })).revokedAt).toBeNull();
    // The audit event says what was revoked: the filter, and how many links (issue 19.6).
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'POST /admin/links/revoke' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(event.details).toMatchObject({ revoked: 2, filter: { camera_uuid: a.uuid } });
  });

  it('shows a bulk revoke of more than 1,000 links as a revocation in force, with its progress until done', async () => {
    const camera = await aCamera(t.prisma);
    const link = await issueLink(camera.uuid);
    await t.prisma.$executeRaw`
      INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
                                issued_at, expires_at, integration_id, integration_token_id, camera_generation)
      SELECT gen_random_uuid(), md5(${link.id} || i) || md5(i::text), token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
             issued_at, expires_at, integration_id, integration_token_id, camera_generation
        FROM issued_links, generate_series(1, 1500) i WHERE id = ${link.id}::uuid`;
    const { agent, csrf } = await signedIn();
    const res = await agent
      .post('/admin/links/revoke')
      .type('form')
      .send({ camera_uuid: camera.uuid, reason: 'storm', _csrf: csrf });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/revocations\/[0-9a-f-]{36}$/);
    let shown = await agent.get(res.headers.location);
    expect(shown.status).toBe(200);
    for (let tries = 0; !shown.text.includes('Revoked <strong') && tries < 300; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shown = await agent.get(res.headers.location);
    }
    expect(shown.text).toMatch(/Revoked <strong id="revocation-count">1501<\/strong> links\./);
    expect(shown.text).toContain('storm');
  });

  it('revokes more than 1,000 links by token prefix, kind and source as a revocation rule too, the same in the audit trail', async () => {
    const camera = await aCamera(t.prisma);
    const link = await issueLink(camera.uuid);
    const copy = (count: number, kind: string) => t.prisma.$executeRaw`
      INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
                                issued_at, expires_at, integration_id, integration_token_id, camera_generation)
      SELECT gen_random_uuid(), md5(${link.id} || ${kind} || i) || md5(i::text), token_prefix, camera_uuid, stream_type, stream_name,
             ${kind}::link_kind, source, ttl, issued_at, expires_at, integration_id, integration_token_id, camera_generation
        FROM issued_links, generate_series(1, ${count}::int) i WHERE id = ${link.id}::uuid`;
    await copy(1500, 'preview');
    await copy(3, 'live');
    const { agent, csrf } = await signedIn();
    const filter = { token_prefix: link.prefix, kind: 'preview', source: 'jpg' };
    const res = await agent
      .post('/admin/links/revoke')
      .type('form')
      .send({ ...filter, reason: 'leaked list', _csrf: csrf });
    expect(res.status).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/revocations\/[0-9a-f-]{36}$/);
    const id = res.headers.location.split('/').pop()!;
    let shown = await agent.get(res.headers.location);
    for (let tries = 0; !shown.text.includes('Revoked <strong') && tries < 300; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shown = await agent.get(res.headers.location);
    }
    expect(shown.text).toMatch(/Revoked <strong id="revocation-count">1501<\/strong> links\./);
    expect(shown.text).toContain(`<code>${link.prefix}…</code>`);
    // The rule selected by kind: the live links of that token prefix stay active, in the rows and by status.
    const live = { cameraUuid: camera.uuid, kind: 'live' as const };
    expect(await t.prisma.issuedLink.count({ where: { ...live, revokedAt: null } })).toBe(3);
    const active = await t
      .http()
      .get('/api/v1/admin/links')
      .set(bearer(TEST_ADMIN_TOKEN))
      .query({ camera_uuid: camera.uuid, status: 'active' });
    expect(active.body.data.map((row: { kind: string }) => row.kind)).toEqual(['live', 'live', 'live']);
    // As for the API's 202: the request's event names the revocation, the job's the final count.
    const events = await t.prisma.auditEvent.findMany({ where: { objectId: id } });
    const requested = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'POST /admin/links/revoke' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(requested.details).toMatchObject({ revocation_id: id, filter });
    expect(events.map((event) => event.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ revoked: 1501, finished: true, filter: expect.objectContaining(filter) }),
      ]),
    );
  });

  it('revokes in bulk only by a filter that narrows: an id, a token prefix of 4 characters past cll_, an issue window up to LINK_TTL_MAX', async () => {
    const { agent } = await signedIn();
    const confirm = (query: object) => agent.get('/admin/links/revoke').query(query);
    const day = 86_400_000; // LINK_TTL_MAX's default
    const from = new Date(Date.now() - 2 * day);
    const at = (ms: number) => new Date(from.getTime() + ms).toISOString().slice(0, 16); // as a form's datetime-local sends it
    for (const wide of [
      { token_prefix: 'cll_' },
      { token_prefix: 'cll_abc' },
      { issued_from: '2000-01-01T00:00' },
      { issued_to: at(day) },
      { issued_from: at(0), issued_to: at(day + 60_000) },
    ]) {
      expect([wide, (await confirm(wide)).status]).toEqual([wide, 422]);
    }
    for (const narrow of [
      { token_prefix: 'cll_abcd' },
      { issued_from: at(0), issued_to: at(day) },
      { user_id: crypto.randomUUID() },
    ]) {
      expect([narrow, (await confirm(narrow)).status]).toEqual([narrow, 200]);
    }
  });

  it('records console posts refused as forgeries in the audit trail: the admin when known, the reason, the address', async () => {
    const link = await issueLink((await aCamera(t.prisma)).uuid);
    const { agent, csrf } = await signedIn();
    const revoke = `/admin/links/${link.id}/revoke`;
    const since = new Date();
    expect((await agent.post(revoke).type('form').send({ reason: 'x', _csrf: 'stale' })).status).toBe(403);
    expect(
      (await agent.post(revoke).set('Origin', 'https://evil.example').type('form').send({ reason: 'x', _csrf: csrf }))
        .status,
    ).toBe(403);
    expect(
      (await browser().post(revoke).set('Origin', 'https://evil.example').type('form').send({ reason: 'x' })).status,
    ).toBe(403);
    const events = await t.prisma.auditEvent.findMany({
      where: { action: 'POST /admin/links/:id/revoke', outcome: 'failure', occurredAt: { gte: since } },
      orderBy: { occurredAt: 'asc' },
    });
    expect(
      events.map(({ actor, statusCode, details, clientIp }) => ({ actor, statusCode, details, clientIp })),
    ).toEqual([
      {
        actor: 'bootstrap',
        statusCode: 403,
        details: { refused: 'csrf' },
        clientIp: expect.stringMatching(/127\.0\.0\.1/),
      },
      {
        actor: 'bootstrap',
        statusCode: 403,
        details: { refused: 'origin', origin: 'https://evil.example' },
        clientIp: expect.stringMatching(/127\.0\.0\.1/),
      },
      {
        actor: 'unauthenticated',
        statusCode: 403,
        details: { refused: 'origin', origin: 'https://evil.example' },
        clientIp: expect.stringMatching(/127\.0\.0\.1/),
      },
    ]);
    expect((await t.prisma.issuedLink.findFirstOrThrow({ where: { id: link.id } })).revokedAt).toBeNull();
  });

  it('filters links by token prefix and exports the filter as CSV', async () => {
    const camera = await aCamera(t.prisma);
    const link = await issueLink(camera.uuid);
    const { agent } = await signedIn();
    const page = await agent
      .get('/admin/links')
      .query({ token_prefix: link.prefix.slice(0, 9), camera_uuid: '', issued_from: '' });
    expect(page.status).toBe(200);
    expect(page.text).toContain(`/admin/links/${link.id}`);
    const wholeToken = await agent.get('/admin/links').query({ token_prefix: link.url.searchParams.get('token') });
    expect(wholeToken.text).toContain(`/admin/links/${link.id}`);
    expect((await agent.get('/admin/links').query({ token_prefix: 'cl_' })).text).toContain(': none match');
    const csv = await agent.get('/admin/links.csv').query({ camera_uuid: camera.uuid });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text.trim().split('\n')).toHaveLength(2);
    expect(csv.text).toContain(link.id);
  });

  it('ends the session at sign-out, after the idle timeout and when the admin is revoked', async () => {
    const { agent, csrf } = await signedIn();
    expect((await agent.post('/admin/sign-out').type('form').send({ _csrf: csrf })).headers.location).toBe(
      '/admin/sign-in',
    );
    expect((await agent.get('/admin/links')).status).toBe(303);

    const idle = await signedIn();
    await t.prisma.adminSession.updateMany({ data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await idle.agent.get('/admin/links')).status).toBe(303);

    const old = await signedIn();
    await t.prisma.adminSession.updateMany({ data: { createdAt: new Date(Date.now() - 13 * 3_600_000) } }); // busy all along, but signed in 13 h ago
    expect((await old.agent.get('/admin/links')).status).toBe(303);
    expect(await t.prisma.adminSession.count()).toBe(0); // stale sessions are removed, not kept

    const created = await t
      .http()
      .post('/api/v1/admin/admins')
      .set(bearer(TEST_ADMIN_TOKEN))
      .send({ name: 'console-frank' });
    const frank = await signedIn(created.body.token);
    expect((await frank.agent.get('/admin')).text).toContain('Signed in as <strong>console-frank</strong>');
    await t.http().delete(`/api/v1/admin/admins/${created.body.id}/token`).set(bearer(TEST_ADMIN_TOKEN));
    expect((await frank.agent.get('/admin')).status).toBe(303);
  });

  it('charts links issued and verification decisions from the hourly counters', async () => {
    const camera = await aCamera(t.prisma);
    const link = await issueLink(camera.uuid);
    for (let i = 0; i < 3; i++) await issueLink(camera.uuid); // the busiest camera, whatever the other tests issued
    expect(await t.mediaAuth(link.url)).toBe(204);
    expect(await t.mediaAuth(new URL(`${link.url.pathname}?token=garbage`, link.url))).toBe(403);
    await t.app.get(HourlyStats).flush();
    const rows = await t.prisma.hourlyStat.findMany();
    expect(rows.map((row) => row.metric)).toEqual(
      expect.arrayContaining(['issued', 'allowed', 'refused:unknown_token']),
    );
    const { agent } = await signedIn();
    const overview = await agent.get('/admin');
    expect(overview.status).toBe(200);
    const issued = /Links issued per hour, last 24 hours \(UTC\): (\d+) issued/.exec(overview.text);
    expect(Number(issued?.[1])).toBeGreaterThanOrEqual(4); // this test's four at least
    expect(overview.text).toContain('refused: a token camlinks never issued');
    expect(overview.text).not.toContain('unknown_token');
    // Dated axes: the hours carry their day, the days their month.
    expect(overview.text).toMatch(/<text [^>]*>[A-Z][a-z]{2} \d{1,2} \d{2}:00<\/text>/);
    expect(overview.text).toMatch(/<text [^>]*>[A-Z][a-z]{2} \d{1,2}<\/text>/);
    expect(overview.text).toContain(camera.name);
  });

  // Last: it leaves more users than the filter lists.
  it('names who asked from the link itself, and lists users to filter by only while there are few: past that, the filter takes the id', async () => {
    const camera = await aCamera(t.prisma);
    const { user, token: userToken } = await aUser(t.prisma);
    await aGrant(t.prisma, user.id, camera.uuid);
    const issued = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set({ ...bearer(integrationToken), 'X-User-Token': userToken })
      .send({ cameras: [{ uuid: camera.uuid }] });
    expect(issued.status).toBe(200);
    const link = await t.prisma.issuedLink.findFirstOrThrow({ where: { cameraUuid: camera.uuid } });
    const integration = await t.prisma.integration.findUniqueOrThrow({ where: { id: link.integrationId! } });
    const { agent } = await signedIn();
    const listed = (await agent.get('/admin/links').query({ camera_uuid: camera.uuid })).text;
    expect(listed).toContain(`${integration.name} for ${user.name}`);
    expect(listed).toContain(`<option value="${user.id}">${user.name}</option>`);
    // An id typed in upper case still selects its name.
    const upper = (await agent.get('/admin/links').query({ user_id: user.id.toUpperCase() })).text;
    expect(upper).toContain(`<option value="${user.id}" selected>${user.name}</option>`);
    expect(upper).toContain(`/admin/links/${link.id}`);
    const shown = (await agent.get(`/admin/links/${link.id}`)).text;
    expect(shown).toContain(`<dd>${integration.name}</dd>`);
    expect(shown).toContain(`<dd>${user.name}</dd>`);

    await t.prisma.user.createMany({
      data: Array.from({ length: FILTER_CHOICES_MAX }, (_, i) => ({ name: `crowd-${i}` })),
    });
    const crowded = (await agent.get('/admin/links').query({ user_id: user.id })).text;
    expect(crowded).not.toContain('<select id="f-user"');
    expect(crowded).toContain(`<input id="f-user" name="user_id" value="${user.id}"`);
    expect(crowded).toContain(`/admin/links/${link.id}`);
    expect(crowded).toContain(`<select id="f-camera"`); // cameras are still few
    const confirm = (await agent.get('/admin/links/revoke').query({ user_id: user.id })).text;
    expect(confirm).toContain(`<dt>User</dt><dd>${user.id}</dd>`);
  });

  it("limits the console's requests, sign-in included, by the admin budget per address", async () => {
    const limited = await createTestApp({ RATE_LIMIT_ADMIN: '3/60' });
    try {
      const guess = () =>
        request(limited.app.getHttpServer()).post('/admin/sign-in').type('form').send({ token: 'guess' });
      for (let i = 0; i < 3; i++) expect((await guess()).status).toBe(303);
      const refused = await guess();
      expect(refused.status).toBe(429);
      expect(refused.headers['content-type']).toContain('text/html');
      expect(refused.headers['retry-after']).toBeDefined();
    } finally {
      await limited.close();
    }
  });
});
