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
    expect(await t.prisma.mediaServer.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ urlTemplates: {}, rtspBaseUrl: null });
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
    expect(reset.body).toMatchObject({ name: 'edge-reset', base_url: 'https://cdn.test', url_templates: { ...DEFAULT_TEMPLATES, hls_live: hls } });

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
    ['unknown template', { name: 'x', base_url: 'http://a.test', url_templates: { dash_live: '{token}' } }, 'url_templates.dash_live'],
    ['rtsp_base_url not rtsp', { name: 'x', base_url: 'http://a.test', rtsp_base_url: 'http://a.test' }, 'rtsp_base_url'],
    ['verification_secret too short', { name: 'x', base_url: 'http://a.test', verification_secret: 'short' }, 'verification_secret'],
    ['unknown field', { name: 'x', base_url: 'http://a.test', secret: 's' }, 'secret'],
  ])('answers 422 naming the field for %s', async (_, body, field) => {
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.errors)).toEqual([field]);
    expect(res.body.errors[field][0]).toMatch(new RegExp(`^The ${field} field `));
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
    expect((await t.http().get(`${SERVERS}/${server.id}`).set(admin)).body).toMatchObject({ id: server.id, base_url: server.baseUrl });
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
