import { randomUUID } from 'node:crypto';
import { DEFAULT_TEMPLATES } from '../src/links/url-templates';
import { aCamera, aMediaServer, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const SERVERS = '/api/v1/admin/media-servers';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`admin media servers (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const admin = bearer(TEST_ADMIN_TOKEN);
  const create = (body: object) => t.http().post(SERVERS).set(admin).send(body);

  it('creates a media server with the default templates', async () => {
    const res = await create({ name: 'edge-main', base_url: 'http://127.0.0.1:8080' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      name: 'edge-main',
      base_url: 'http://127.0.0.1:8080',
      rtsp_base_url: 'rtsp://127.0.0.1',
      url_templates: DEFAULT_TEMPLATES,
      has_verification_secret: false,
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
    });
    expect(await t.prisma.mediaServer.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({
      urlTemplates: {},
      rtspBaseUrl: null,
    });
  });

  it('keeps its own templates, and goes back to the defaults on null', async () => {
    const template = 'https://cdn.test/{stream}.{format}?t={token}';
    const hls = 'https://cdn.test/hls/{stream}/playlist.m3u8?t={token}';
    const res = await create({
      name: 'edge-own',
      base_url: 'https://cdn.test',
      rtsp_base_url: 'rtsp://cdn.test:8554',
      url_templates: { live_preview: template, hls_live: hls },
    });
    expect(res.status).toBe(201);
    expect(res.body.url_templates).toEqual({ ...DEFAULT_TEMPLATES, live_preview: template, hls_live: hls });
    expect(res.body.rtsp_base_url).toBe('rtsp://cdn.test:8554');
    // Keys left out keep their value; null goes back to the default.
    const reset = await t
      .http()
      .patch(`${SERVERS}/${res.body.id}`)
      .set(admin)
      .send({ url_templates: { live_preview: null }, name: 'edge-reset' });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({
      name: 'edge-reset',
      base_url: 'https://cdn.test',
      url_templates: { ...DEFAULT_TEMPLATES, hls_live: hls },
    });

    for (const field of ['name', 'base_url']) {
      const res = await t
        .http()
        .patch(`${SERVERS}/${reset.body.id}`)
        .set(admin)
        .send({ [field]: null });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    }
  });

  it.each([
    ['name missing', { base_url: 'http://a.test' }, 'name'],
    ['base_url not a URL', { name: 'x', base_url: 'media.test' }, 'base_url'],
    ['base_url not http(s)', { name: 'x', base_url: 'ftp://media.test' }, 'base_url'],
    [
      'template without {token}',
      { name: 'x', base_url: 'http://a.test', url_templates: { live_preview: '{base_url}/{stream}' } },
      'url_templates.live_preview',
    ],
    [
      'template with an unknown placeholder',
      { name: 'x', base_url: 'http://a.test', url_templates: { hls_archive: '{base_url}/{camera}?{token}' } },
      'url_templates.hls_archive',
    ],
    [
      'unknown template',
      { name: 'x', base_url: 'http://a.test', url_templates: { dash_live: '{token}' } },
      'url_templates.dash_live',
    ],
    [
      'rtsp_base_url not rtsp',
      { name: 'x', base_url: 'http://a.test', rtsp_base_url: 'http://a.test' },
      'rtsp_base_url',
    ],
    [
      'verification_secret too short',
      { name: 'x', base_url: 'http://a.test', verification_secret: 'short' },
      'verification_secret',
    ],
    ['unknown field', { name: 'x', base_url: 'http://a.test', secret: 's' }, 'secret'],
    [
      'control_api_url with credentials',
      { name: 'x', base_url: 'http://a.test', control_api_url: 'http://u:p@a.test:9997' },
      'control_api_url',
    ],
    [
      'control_api_url not http(s)',
      { name: 'x', base_url: 'http://a.test', control_api_url: 'ftp://a.test:9997' },
      'control_api_url',
    ],
    [
      'control_api_password empty',
      { name: 'x', base_url: 'http://a.test', control_api_password: '' },
      'control_api_password',
    ],
  ])('answers 422 naming the field for %s', async (_, body, field) => {
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect(res.body.errors[field][0]).toMatch(new RegExp(`^The ${field} field `));
  });

  // A link must point only at its own media server, and verify as issued.
  const base = { name: 'x', base_url: 'http://a.test:8080' };
  const templates = (url_templates: object) => ({ ...base, url_templates });
  it.each([
    ['base_url with a query', { ...base, base_url: 'http://a.test/?x=1' }, 'base_url'],
    ['base_url with a bare ?', { ...base, base_url: 'http://a.test/live?' }, 'base_url'],
    ['base_url with a fragment', { ...base, base_url: 'http://a.test/#x' }, 'base_url'],
    ['base_url with credentials', { ...base, base_url: 'http://user:pw@a.test' }, 'base_url'],
    ['base_url with a dot segment', { ...base, base_url: 'http://a.test/media/../other' }, 'base_url'],
    ['base_url with an encoded slash', { ...base, base_url: 'http://a.test/media%2Fother' }, 'base_url'],
    ['base_url javascript:', { ...base, base_url: 'javascript:alert(1)' }, 'base_url'],
    ['rtsp_base_url with a query', { ...base, rtsp_base_url: 'rtsp://a.test:554/?x=1' }, 'rtsp_base_url'],
    ['rtsp_base_url with credentials', { ...base, rtsp_base_url: 'rtsp://u:p@a.test:554' }, 'rtsp_base_url'],
    [
      'a javascript: template',
      templates({ live_preview: "javascript:alert('{stream}{token}')" }),
      'url_templates.live_preview',
    ],
    ['a data: template', templates({ live_preview: 'data:text/html,{stream}{token}' }), 'url_templates.live_preview'],
    [
      'a template with CR/LF',
      templates({ live_preview: '{base_url}/{stream}/preview.jpg?token={token}\r\nX-Injected: 1' }),
      'url_templates.live_preview',
    ],
    [
      'a template on another host',
      templates({ live_preview: 'http://evil.test/{stream}/preview.jpg?token={token}' }),
      'url_templates.live_preview',
    ],
    [
      'a template on another port',
      templates({ hls_live: 'http://a.test:9090/{stream}/index.m3u8?token={token}' }),
      'url_templates.hls_live',
    ],
    [
      'a template bent into credentials',
      templates({ live_preview: '{base_url}@evil.test/{stream}/preview.jpg?token={token}' }),
      'url_templates.live_preview',
    ],
    [
      'a template with {token} twice',
      templates({ live_preview: '{base_url}/{stream}/preview.jpg?token={token}&t={token}' }),
      'url_templates.live_preview',
    ],
    [
      'a template without {stream}',
      templates({ live_preview: '{base_url}/preview.jpg?token={token}' }),
      'url_templates.live_preview',
    ],
    [
      'a template with {stream} in the query',
      templates({ live_preview: '{base_url}/preview.jpg?stream={stream}&token={token}' }),
      'url_templates.live_preview',
    ],
    [
      'an archive preview without {from} in the path',
      templates({ archive_preview: '{base_url}/{stream}/preview.jpg?from={from}&token={token}' }),
      'url_templates.archive_preview',
    ],
    [
      'a flat HLS template',
      templates({ hls_live: '{base_url}/hls/{stream}.m3u8?token={token}' }),
      'url_templates.hls_live',
    ],
    [
      'a live HLS template naming no live playlist',
      templates({ hls_live: '{base_url}/{stream}/archive.m3u8?token={token}' }),
      'url_templates.hls_live',
    ],
    [
      'an archive HLS template naming no timed playlist',
      templates({ hls_archive: '{base_url}/{stream}/index.m3u8?from={from}&token={token}' }),
      'url_templates.hls_archive',
    ],
    [
      'an RTSP template on another host',
      templates({ rtsp_live: 'rtsp://evil.test/{stream}?token={token}' }),
      'url_templates.rtsp_live',
    ],
    [
      'an RTSP template on HTTP',
      templates({ rtsp_live: '{base_url}/{stream}?token={token}' }),
      'url_templates.rtsp_live',
    ],
  ])('answers 422 naming the field for %s', async (_, body, field) => {
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect(res.body.errors[field][0]).toMatch(new RegExp(`^The ${field.replace('.', '\\.')} field `));
  });

  it('accepts templates on its own origin, literal or through the placeholders, and RTSP on its RTSP base', async () => {
    const res = await create({
      name: 'edge-literal',
      base_url: 'http://a.test:8080/media/',
      rtsp_base_url: 'rtsp://a.test:8554',
      url_templates: {
        live_preview: 'http://a.test:8080/thumbs/{stream}/preview.{format}?token={token}',
        hls_live: '{base_url}/{stream}/mono.m3u8?token={token}',
        hls_segment: '{base_url}/{stream}/archive-{from}-{duration}.m3u8?token={token}',
        rtsp_live: 'rtsp://a.test:8554/{stream}?token={token}',
      },
    });
    expect(res.status).toBe(201);
  });

  it("checks the templates kept against a new base_url, naming the template that would leave the server's origin", async () => {
    const created = await create({
      name: 'edge-moving',
      base_url: 'http://a.test',
      url_templates: { live_preview: 'http://a.test/{stream}/p.jpg?token={token}' },
    });
    expect(created.status).toBe(201);
    const moved = await t.http().patch(`${SERVERS}/${created.body.id}`).set(admin).send({ base_url: 'http://b.test' });
    expect(moved.status).toBe(422);
    expect(Object.keys(moved.body.errors)).toEqual(['url_templates.live_preview']);
    expect((await t.prisma.mediaServer.findUniqueOrThrow({ where: { id: created.body.id } })).baseUrl).toBe(
      'http://a.test',
    );
  });

  it('gives each media server its own secret, since a secret names the server that asks', async () => {
    expect(
      (
        await create({
          name: 'edge-secret-1',
          base_url: 'http://a.test',
          verification_secret: 'one-secret-for-two-servers',
        })
      ).status,
    ).toBe(201);
    const twin = await create({
      name: 'edge-secret-2',
      base_url: 'http://a.test',
      verification_secret: 'one-secret-for-two-servers',
    });
    expect(twin.status).toBe(422);
    expect(Object.keys(twin.body.errors)).toEqual(['verification_secret']);
    const other = await create({
      name: 'edge-secret-3',
      base_url: 'http://a.test',
      verification_secret: 'another-secret-entirely',
    });
    const taken = await t
      .http()
      .patch(`${SERVERS}/${other.body.id}`)
      .set(admin)
      .send({ verification_secret: 'one-secret-for-two-servers' });
    expect(taken.status).toBe(422);
    expect(Object.keys(taken.body.errors)).toEqual(['verification_secret']);
    // Its own secret again is no conflict.
    expect(
      (
        await t
          .http()
          .patch(`${SERVERS}/${other.body.id}`)
          .set(admin)
          .send({ verification_secret: 'another-secret-entirely' })
      ).status,
    ).toBe(200);
  });

  it('warns when a media server is created without a secret or loses it: it then trusts the network', async () => {
    const open = await create({ name: 'edge-open', base_url: 'http://a.test' });
    expect(open.status).toBe(201);
    expect(open.body.warnings).toEqual([expect.stringContaining('no verification_secret')]);
    const closed = await create({
      name: 'edge-closed',
      base_url: 'http://a.test',
      verification_secret: 'closed-edge-secret-0001',
    });
    expect(closed.body.warnings).toEqual([]);
    const renamed = await t
      .http()
      .patch(`${SERVERS}/${closed.body.id}`)
      .set(admin)
      .send({ name: 'edge-closed-renamed' });
    expect(renamed.body.warnings).toEqual([]);
    const opened = await t.http().patch(`${SERVERS}/${closed.body.id}`).set(admin).send({ verification_secret: null });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      has_verification_secret: false,
      warnings: [expect.stringContaining('no verification_secret')],
    });
    expect((await t.http().get(`${SERVERS}/${closed.body.id}`).set(admin)).body.warnings).toBeUndefined();
  });

  it('keeps a control API whose password is written, never returned, and redacted from the audit trail', async () => {
    const password = 'kick-password-7f3a9c';
    const created = await create({
      name: 'edge-control',
      base_url: 'http://a.test',
      control_api_url: 'http://a.test:9997',
      control_api_username: 'camlinks',
      control_api_password: password,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      control_api_url: 'http://a.test:9997',
      control_api_username: 'camlinks',
      has_control_api_password: true,
    });
    const read = await t.http().get(`${SERVERS}/${created.body.id}`).set(admin);
    const listed = await t.http().get(SERVERS).set(admin);
    for (const text of [created.text, read.text, listed.text]) expect(text).not.toContain(password);
    const audited = await t.prisma.auditEvent.findMany({ where: { objectId: created.body.id } });
    expect(audited.length).toBeGreaterThan(0);
    expect(JSON.stringify(audited)).not.toContain(password);

    const cleared = await t
      .http()
      .patch(`${SERVERS}/${created.body.id}`)
      .set(admin)
      .send({ control_api_password: null, control_api_url: null });
    expect(cleared.body).toMatchObject({
      control_api_url: null,
      control_api_username: 'camlinks',
      has_control_api_password: false,
    });
  });

  it('answers 409 for a name that is taken', async () => {
    const existing = await aMediaServer(t.prisma);
    const res = await create({ name: existing.name, base_url: 'http://other.test' });
    expect(res.status).toBe(409);
  });

  it('lists and gets media servers, and answers 404 for an unknown one', async () => {
    const server = await aMediaServer(t.prisma);
    const list = await t.http().get(SERVERS).set(admin);
    expect(list.body).toContainEqual(expect.objectContaining({ id: server.id, name: server.name }));
    expect((await t.http().get(`${SERVERS}/${server.id}`).set(admin)).body).toMatchObject({
      id: server.id,
      base_url: server.baseUrl,
    });
    const unknown = await t.http().get(`${SERVERS}/${randomUUID()}`).set(admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ message: 'Media server not found.' });
  });

  it('refuses to delete a media server that cameras still use, and deletes it once they are gone', async () => {
    const camera = await aCamera(t.prisma);
    const refused = await t.http().delete(`${SERVERS}/${camera.mediaServerId}`).set(admin);
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual({ message: 'The media server is still used by cameras.' });
    expect(await t.prisma.mediaServer.findUnique({ where: { id: camera.mediaServerId } })).not.toBeNull();

    expect((await t.http().delete(`/api/v1/admin/cameras/${camera.uuid}`).set(admin)).status).toBe(204);
    expect((await t.http().delete(`${SERVERS}/${camera.mediaServerId}`).set(admin)).status).toBe(204);
    expect(await t.prisma.mediaServer.findUnique({ where: { id: camera.mediaServerId } })).toBeNull();
    expect((await t.http().delete(`${SERVERS}/${camera.mediaServerId}`).set(admin)).status).toBe(404);
  });
});
