import { BOOTSTRAP_ADMIN } from '../src/auth/admin-identity';
import { randomUUID } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import request from 'supertest';
import { hashToken } from '../src/auth/tokens';
import { aCamera, aGrant, anIntegration, aUser, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const LINKS = '/api/v1/admin/links';
const admin = bearer(TEST_ADMIN_TOKEN);

describe(`link audit and revocation (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function issue(cameraUuids: string[], token: string, extra: object = {}) {
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(token))
      .set('User-Agent', 'audit-test')
      .send({ cameras: cameraUuids.map((uuid) => ({ uuid })), ...extra });
    expect(res.status).toBe(200);
    return res.body.map((l: { url: string }) => new URL(l.url));
  }
  const idOf = async (url: URL) =>
    (await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(url.searchParams.get('token')!) } }))
      .id;

  it('lists links newest first with everything an auditor needs and no token', async () => {
    const camera = await aCamera(t.prisma, { name: 'Lobby' });
    const { integration, token } = await anIntegration(t.prisma);
    const [url] = await issue([camera.uuid], token, { ttl: 120, source: 'jpg' });
    const res = await t.http().get(LINKS).set(admin).query({ integration_id: integration.id });
    expect(res.status).toBe(200);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body.data).toHaveLength(1);
    const item = res.body.data[0];
    expect(item).toMatchObject({
      camera_uuid: camera.uuid,
      camera_name: 'Lobby',
      stream_type: 'high',
      kind: 'preview',
      mode: 'live',
      archive_from: null,
      source: 'jpg',
      ttl: 120,
      status: 'active',
      issued_by: { integration_id: integration.id, user_id: null },
      user_agent: 'audit-test',
      revoked_at: null,
      usage: { use_count: 0, denied_count: 0 },
    });
    const linkToken = url.searchParams.get('token')!;
    expect(linkToken.startsWith(item.token_prefix)).toBe(true);
    expect(item.token_prefix.length).toBeLessThan(linkToken.length / 2);
    expect(JSON.stringify(res.body)).not.toContain(linkToken);
    expect(JSON.stringify(res.body)).not.toContain(hashToken(linkToken));
    expect((await t.http().get(`${LINKS}/${item.id}`).set(admin)).body).toEqual(item);
  });

  it('pages with a cursor without skipping or repeating, even while links are being issued', async () => {
    const camera = await aCamera(t.prisma);
    const { integration, token } = await anIntegration(t.prisma);
    for (let i = 0; i < 5; i++) await issue([camera.uuid], token);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await t
        .http()
        .get(LINKS)
        .set(admin)
        .query({ integration_id: integration.id, limit: 2, ...(cursor && { cursor }) });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((l: { id: string }) => l.id));
      cursor = res.body.next_cursor ?? undefined;
      if (seen.length === 2) await issue([camera.uuid], token); // a newer link must not shift later pages
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const rows = await t.prisma.issuedLink.findMany({
      where: { integrationId: integration.id },
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
    });
    expect(seen).toEqual(rows.slice(1).map((r) => r.id));
  });

  it('filters by camera, user, status, source, kind and issue time', async () => {
    const [a, b] = [await aCamera(t.prisma), await aCamera(t.prisma)];
    const { integration, token } = await anIntegration(t.prisma);
    const { user, token: userToken } = await aUser(t.prisma);
    await aGrant(t.prisma, user.id, b.uuid);
    const before = new Date();
    await issue([a.uuid], token, { source: 'jpg' });
    const [revoked] = await issue([b.uuid], userToken);
    await t
      .http()
      .post(`${LINKS}/${await idOf(revoked)}/revoke`)
      .set(admin)
      .send({});
    await t.prisma.issuedLink.updateMany({
      where: { cameraUuid: a.uuid },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const count = async (query: object) => (await t.http().get(LINKS).set(admin).query(query)).body.data.length;
    expect(await count({ camera_uuid: a.uuid })).toBe(1);
    expect(await count({ user_id: user.id })).toBe(1);
    expect(await count({ integration_id: integration.id, status: 'expired' })).toBe(1);
    expect(await count({ integration_id: integration.id, status: 'active' })).toBe(0);
    expect(await count({ user_id: user.id, status: 'revoked' })).toBe(1);
    expect(await count({ camera_uuid: a.uuid, source: 'mp4' })).toBe(0);
    expect(await count({ camera_uuid: a.uuid, kind: 'preview' })).toBe(1);
    expect(await count({ camera_uuid: a.uuid, issued_from: before.toISOString() })).toBe(1);
    expect(await count({ camera_uuid: a.uuid, issued_to: before.toISOString() })).toBe(0);
  });

  it('rejects bad filters and cursors with 422 naming the field', async () => {
    for (const [query, field] of [
      [{ status: 'gone' }, 'status'],
      [{ cursor: 'nope' }, 'cursor'],
      [{ limit: 0 }, 'limit'],
      [{ camera_uuid: 'x' }, 'camera_uuid'],
      [{ issued_from: 'yesterday' }, 'issued_from'],
    ] as const) {
      const res = await t.http().get(LINKS).set(admin).query(query);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
  });

  it('revokes one link with a reason, keeps the row, and media servers refuse it', async () => {
    const camera = await aCamera(t.prisma);
    const { token } = await anIntegration(t.prisma);
    const [url] = await issue([camera.uuid], token);
    expect(await t.mediaAuth(url)).toBe(204);
    const id = await idOf(url);
    const res = await t.http().post(`${LINKS}/${id}/revoke`).set(admin).send({ reason: 'customer cancelled' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id,
      status: 'revoked',
      revoked_reason: 'customer cancelled',
      revoked_by: 'bootstrap',
      revoked_by_type: 'admin',
      revoked_by_admin_id: BOOTSTRAP_ADMIN.id,
    });
    expect(await t.mediaAuth(url)).toBe(403); // this instance's caches forgot it with the revocation
    // Revoking again keeps the first revocation.
    const again = await t.http().post(`${LINKS}/${id}/revoke`).set(admin).send({ reason: 'second' });
    expect(again.body.revoked_reason).toBe('customer cancelled');
    expect(await t.prisma.issuedLink.count({ where: { id } })).toBe(1);
  });

  it('answers 404 for an unknown link and 422 for a malformed id', async () => {
    expect((await t.http().post(`${LINKS}/${randomUUID()}/revoke`).set(admin).send({})).status).toBe(404);
    expect((await t.http().get(`${LINKS}/${randomUUID()}`).set(admin)).status).toBe(404);
    expect((await t.http().get(`${LINKS}/not-a-uuid`).set(admin)).status).toBe(422);
  });

  it('revokes every active link matching a filter and returns the count; a filter is required', async () => {
    const [a, b] = [await aCamera(t.prisma), await aCamera(t.prisma)];
    const { token } = await anIntegration(t.prisma);
    await issue([a.uuid, a.uuid, b.uuid], token);
    const [expired] = await issue([a.uuid], token);
    await t.prisma.issuedLink.updateMany({
      where: { id: await idOf(expired) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const none = await t.http().post(`${LINKS}/revoke`).set(admin).send({ reason: 'oops' });
    expect(none.status).toBe(422);
    expect(Object.keys(none.body.errors)).toEqual(['filter']);

    const res = await t
      .http()
      .post(`${LINKS}/revoke`)
      .set(admin)
      .send({ camera_uuid: a.uuid, reason: 'decommissioned' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: 2 });
    expect(await t.prisma.issuedLink.count({ where: { cameraUuid: a.uuid, revokedReason: 'decommissioned' } })).toBe(2);
    expect(await t.prisma.issuedLink.count({ where: { cameraUuid: b.uuid, revokedAt: null } })).toBe(1);
    const later = await t
      .http()
      .post(`${LINKS}/revoke`)
      .set(admin)
      .send({ issued_before: new Date(Date.now() + 1000).toISOString(), camera_uuid: b.uuid });
    expect(later.body).toEqual({ count: 1 });
    // The audit event says what was revoked: the filter, and how many links (issue 19.6).
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'POST /api/v1/admin/links/revoke', outcome: 'success' },
      orderBy: { occurredAt: 'asc' },
    });
    expect(event.details).toMatchObject({ revoked: 2, filter: { camera_uuid: a.uuid } });
  });

  it('revokes more than 1,000 links by a revocation: 202, in force at once, marked in batches, progress by id', async () => {
    const camera = await aCamera(t.prisma);
    const { token } = await anIntegration(t.prisma);
    const [url] = await issue([camera.uuid], token);
    expect(await t.mediaAuth(url)).toBe(204);
    const id = await idOf(url);
    await t.prisma.$executeRaw`
      INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
                                issued_at, expires_at, integration_id, integration_token_id, camera_generation)
      SELECT gen_random_uuid(), md5(${id} || i) || md5(i::text), token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl,
             issued_at, expires_at, integration_id, integration_token_id, camera_generation
        FROM issued_links, generate_series(1, 6000) i WHERE id = ${id}::uuid`;

    const res = await t.http().post(`${LINKS}/revoke`).set(admin).send({ camera_uuid: camera.uuid, reason: 'storm' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ state: 'marking', marked: 0, camera_uuid: camera.uuid, reason: 'storm' });
    expect(await t.mediaAuth(url)).toBe(403);

    let progress = await t.http().get(`/api/v1/admin/revocations/${res.body.id}`).set(admin);
    for (let tries = 0; progress.body.state !== 'done' && tries < 300; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress = await t.http().get(`/api/v1/admin/revocations/${res.body.id}`).set(admin);
    }
    expect(progress.body).toMatchObject({ state: 'done', marked: 6001 });
    expect(await t.prisma.issuedLink.count({ where: { cameraUuid: camera.uuid, revokedReason: 'storm' } })).toBe(6001);
    expect(await t.mediaAuth(url)).toBe(403);
    const unknown = await t.http().get(`/api/v1/admin/revocations/${randomUUID()}`).set(admin);
    expect(unknown.status).toBe(404);
  });

  it('revokes in bulk only by a filter that narrows: an id, or an issue window no longer than LINK_TTL_MAX', async () => {
    const revoke = (body: object) => t.http().post(`${LINKS}/revoke`).set(admin).send(body);
    const now = Date.now();
    const at = (ms: number) => new Date(now + ms).toISOString();
    expect((await revoke({ issued_before: at(0) })).status).toBe(422); // everything issued until now
    expect((await revoke({ issued_after: at(-86_400_001), issued_before: at(0) })).status).toBe(422);
    const window = await revoke({ issued_after: at(-86_400_000), issued_before: at(-86_000_000) });
    expect([window.status, window.body]).toEqual([200, { count: 0 }]);
    // A token prefix narrows from 8 characters on; source and kind only within another filter.
    expect((await revoke({ token_prefix: 'cll_AbC' })).status).toBe(422);
    expect((await revoke({ token_prefix: 'cll_AbCd' })).status).toBe(200);
    expect((await revoke({ kind: 'live', source: 'hls' })).status).toBe(422);
    const wrong = await revoke({ camera_uuid: randomUUID(), kind: 'film', source: 'vhs', token_prefix: 'cll_%' });
    expect([wrong.status, Object.keys(wrong.body.errors).sort()]).toEqual([422, ['kind', 'source', 'token_prefix']]);
  });

  it('revokes in bulk by source, kind and token prefix, as the listing filters', async () => {
    const camera = await aCamera(t.prisma);
    const { token } = await anIntegration(t.prisma);
    const previews = await issue([camera.uuid, camera.uuid], token);
    const video = await t
      .http()
      .post('/api/v1/cameras/video')
      .set(bearer(token))
      .send({ cameras: [{ uuid: camera.uuid }] });
    const live = await idOf(new URL(video.body[0].url));
    const revoke = (body: object) => t.http().post(`${LINKS}/revoke`).set(admin).send(body);

    expect((await revoke({ camera_uuid: camera.uuid, kind: 'live', reason: 'kind' })).body).toEqual({ count: 1 });
    expect(await t.prisma.issuedLink.findFirstOrThrow({ where: { id: live } })).toMatchObject({
      revokedReason: 'kind',
    });
    expect(await t.mediaAuth(previews[0])).toBe(204);
    const prefix = previews[0].searchParams.get('token')!.slice(0, 12);
    const { source } = await t.prisma.issuedLink.findFirstOrThrow({ where: { id: await idOf(previews[0]) } });
    const other = source === 'jpg' ? 'mp4' : 'jpg';
    expect((await revoke({ token_prefix: prefix, source: other })).body).toEqual({ count: 0 });
    expect((await revoke({ token_prefix: prefix, source })).body).toEqual({ count: 1 });
    expect(await t.mediaAuth(previews[0])).toBe(403);
    expect(await t.mediaAuth(previews[1])).toBe(204);
    const event = await t.prisma.auditEvent.findFirstOrThrow({
      where: { action: 'POST /api/v1/admin/links/revoke', outcome: 'success' },
      orderBy: { occurredAt: 'desc' },
    });
    expect(event.details).toMatchObject({ revoked: 1, filter: { token_prefix: prefix, source } });
  });

  /** A response body read as text, whatever its type. */
  const asText = (test: request.Test) =>
    test.buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (chunk: Buffer) => (text += chunk.toString()));
      r.on('end', () => done(null, text));
    });
  /** The CSV export of one integration's links, read as text. */
  const exportCsv = (integrationId: string) =>
    asText(t.http().get(`${LINKS}.csv`).set(admin).query({ integration_id: integrationId }));

  it('exports CSV from its own operation, and still answers the list asked for text/csv (deprecated, kept)', async () => {
    const { integration, token } = await anIntegration(t.prisma);
    await issue([(await aCamera(t.prisma)).uuid], token);
    const exported = await exportCsv(integration.id);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-disposition']).toBe('attachment; filename="links.csv"');
    // Not through t.http(): the document no longer gives the list a CSV answer (one operation, one type).
    const negotiated = await asText(
      request(t.app.getHttpServer())
        .get(LINKS)
        .set(admin)
        .set('Accept', 'text/csv')
        .query({ integration_id: integration.id }),
    );
    expect(negotiated.status).toBe(200);
    expect(negotiated.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(negotiated.body).toBe(exported.body);
    const json = await t.http().get(LINKS).set(admin).query({ integration_id: integration.id });
    expect(json.body.data).toHaveLength(1);
    const invalid = await t.http().get(`${LINKS}.csv`).set(admin).query({ status: 'gone' });
    expect(invalid.status).toBe(422);
  });

  it('exports the listing as streamed CSV', async () => {
    const camera = await aCamera(t.prisma, { name: 'Dock, "north"' });
    const { integration, token } = await anIntegration(t.prisma);
    const urls = await issue([camera.uuid, camera.uuid, camera.uuid], token);
    const res = await exportCsv(integration.id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (res.body as string).trim().split('\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['id', 'token_prefix', 'camera_uuid', 'camera_name']);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('"Dock, ""north"""');
    for (const url of urls) expect(res.body).not.toContain(url.searchParams.get('token'));
  });

  it('exports the JSON listing, flattened, in the bytes csv-stringify wrote', async () => {
    const camera = await aCamera(t.prisma, { name: '=cmd, "quoted"\r\nnext' });
    const { integration, token } = await anIntegration(t.prisma);
    await issue([camera.uuid, (await aCamera(t.prisma, { name: '\uFF0Bwide' })).uuid], token);
    // Every nullable field set, and text that CSV and spreadsheets treat specially.
    await t.prisma.$executeRaw`
      INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, camera_generation, stream_type, stream_name, kind, source, ttl,
                                issued_at, expires_at, archive_from, archive_to, integration_id, client_ip, user_agent,
                                revoked_at, revoked_by, revoked_by_type, revoked_by_admin_id, revoked_reason,
                                use_count, first_used_at, last_used_at, last_ip, denied_count, last_denied_at, last_denied_reason)
      VALUES (gen_random_uuid(), md5('csv') || md5('bytes'), 'cll_csv', ${camera.uuid}::uuid, 0, 'high', '-main', 'archive', 'mp4', 60,
              '2026-01-02T03:04:05.006Z', '2026-01-02T03:05:05.006Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z',
              ${integration.id}::uuid, '203.0.113.9', '@agent "x"', '2026-01-02T03:04:06Z', 'Ann, admin', 'admin', ${randomUUID()}::uuid,
              E'line\none\ttab', 7, '2026-01-02T03:04:05.100999Z', '2026-01-02T03:04:05.120001Z', '+198.51.100.1', 2,
              '2026-01-02T03:04:05.123Z', 'expired')`;
    // The header as it was, in its order: what readers of the file rely on.
    const columns = (
      'id token_prefix camera_uuid camera_name stream_type stream_name kind mode archive_from archive_to ' +
      'source ttl issued_at expires_at status issued_by_integration_id issued_by_user_id client_ip ' +
      'user_agent revoked_at revoked_by revoked_by_type revoked_by_admin_id revoked_reason use_count ' +
      'first_used_at last_used_at last_ip denied_count last_denied_at last_denied_reason'
    ).split(' ');
    // All three links, and the revoked one alone (its listing is gathered from parts of its own).
    for (const [query, count] of [
      [{ integration_id: integration.id }, 3],
      [{ integration_id: integration.id, status: 'revoked' }, 1],
    ] as const) {
      const res = await asText(t.http().get(`${LINKS}.csv`).set(admin).query(query));
      expect(res.status).toBe(200);
      const listed = await t.http().get(LINKS).set(admin).query(query);
      type Listed = { issued_by: object; usage: object } & Record<string, unknown>;
      const flattened = (listed.body.data as Listed[]).map(({ issued_by, usage, ...link }) => ({
        ...link,
        ...Object.fromEntries(Object.entries(issued_by).map(([key, value]) => [`issued_by_${key}`, value])),
        ...usage,
      }));
      expect(flattened).toHaveLength(count);
      // Year 1 read as year 1, on the embedded database too (JavaScript's Date read it as 2001).
      expect(flattened.find((link) => link.token_prefix === 'cll_csv')).toMatchObject({
        archive_from: '0001-01-01T00:00:00.000Z',
      });
      expect(res.body).toBe(stringify(flattened, { header: true, columns, escape_formulas: true }));
    }
  });

  it('exports no cell a spreadsheet would run as a formula', async () => {
    const names = ['=HYPERLINK("http://evil.test")', '+1+cmd', '-2+cmd', '@SUM(A1)', '\t=1+1', '\r=1+1'];
    const { integration, token } = await anIntegration(t.prisma);
    for (const name of names) await issue([(await aCamera(t.prisma, { name })).uuid], token);
    const res = await exportCsv(integration.id);
    expect(res.status).toBe(200);
    const text = res.body as string;
    for (const name of names) {
      const cell = /[",\r\n]/.test(name) ? `"'${name.replaceAll('"', '""')}"` : `'${name}`;
      expect(text).toContain(`,${cell},`);
    }
    // No cell (after a separator, a line break or an opening quote) starts with a formula character.
    expect(text).not.toMatch(/(^|[,\n]|,")[=+\-@\t\r]/);
  });

  it('requires the admin token', async () => {
    expect((await t.http().get(LINKS)).status).toBe(401);
    expect(
      (await t.http().post(`${LINKS}/revoke`).set(bearer('nope')).send({ camera_uuid: randomUUID() })).status,
    ).toBe(401);
  });
});
