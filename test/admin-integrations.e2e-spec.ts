import { randomUUID } from 'node:crypto';
import { hashToken } from '../src/auth/tokens';
import { bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const ADMIN = '/api/v1/admin';
const INTEGRATIONS = `${ADMIN}/integrations`;
const PREVIEW = '/api/v1/cameras/preview';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`admin integrations and integration tokens (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const admin = bearer(TEST_ADMIN_TOKEN);
  let names = 0;
  const createIntegration = async (name = `integration-${++names}`) =>
    (await t.http().post(INTEGRATIONS).set(admin).send({ name }).expect(201)).body;
  const issue = (id: string, body: object = {}) => t.http().post(`${INTEGRATIONS}/${id}/tokens`).set(admin).send(body);
  const revoke = (id: string, tokenId: string) => t.http().delete(`${INTEGRATIONS}/${id}/tokens/${tokenId}`).set(admin);

  describe('integrations', () => {
    it('creates an integration with its first token, shown once', async () => {
      const res = await t.http().post(INTEGRATIONS).set(admin).send({ name: 'billing' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'billing',
        token: expect.stringMatching(/^cli_[A-Za-z0-9_-]{43}$/),
        token_id: expect.any(String),
        token_prefix: res.body.token.slice(0, 12),
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
      });
      const row = await t.prisma.integrationToken.findUniqueOrThrow({ where: { id: res.body.token_id } });
      expect(row).toMatchObject({
        integrationId: res.body.id,
        tokenHash: hashToken(res.body.token),
        expiresAt: null,
        revokedAt: null,
      });

      for (const path of [INTEGRATIONS, `${INTEGRATIONS}/${res.body.id}`, `${INTEGRATIONS}/${res.body.id}/tokens`]) {
        const read = await t.http().get(path).set(admin);
        expect(read.status).toBe(200);
        expect(JSON.stringify(read.body)).not.toContain(res.body.token.slice(12));
        expect(JSON.stringify(read.body)).not.toContain(row.tokenHash);
      }
      expect((await t.http().get(`${INTEGRATIONS}/${res.body.id}`).set(admin)).body).toEqual({
        id: res.body.id,
        name: 'billing',
        created_at: res.body.created_at,
        updated_at: res.body.updated_at,
      });
    });

    it('answers 409 for a name that is taken, and creates no token', async () => {
      await createIntegration('portal');
      const tokens = await t.prisma.integrationToken.count();
      const res = await t.http().post(INTEGRATIONS).set(admin).send({ name: 'portal' });
      expect(res.status).toBe(409);
      expect(await t.prisma.integrationToken.count()).toBe(tokens);
    });

    it.each([
      ['name missing', {}, 'name'],
      ['name empty', { name: '' }, 'name'],
      ['unknown field', { name: 'x', token: 'cli_mine' }, 'token'],
    ])('answers 422 naming the field for %s', async (_, body, field) => {
      const res = await t.http().post(INTEGRATIONS).set(admin).send(body);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('renames and deletes an integration; its tokens stop working', async () => {
      const created = await createIntegration();
      expect((await t.http().patch(`${INTEGRATIONS}/${created.id}`).set(admin).send({ name: null })).status).toBe(422);
      const renamed = await t.http().patch(`${INTEGRATIONS}/${created.id}`).set(admin).send({ name: 'renamed' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: created.id, name: 'renamed' });
      expect((await t.http().get(INTEGRATIONS).set(admin)).body).toContainEqual(
        expect.objectContaining({ id: created.id, name: 'renamed' }),
      );

      expect((await t.http().delete(`${INTEGRATIONS}/${created.id}`).set(admin)).status).toBe(204);
      expect((await t.http().get(`${INTEGRATIONS}/${created.id}`).set(admin)).body).toEqual({
        message: 'Integration not found.',
      });
      expect(await t.prisma.integrationToken.count({ where: { integrationId: created.id } })).toBe(0);
      expect(
        (
          await t
            .http()
            .post(PREVIEW)
            .set(bearer(created.token))
            .send({ cameras: [{ uuid: randomUUID() }] })
        ).status,
      ).toBe(401);
    });

    it('answers 404 for an unknown integration on every route', async () => {
      const id = randomUUID();
      for (const res of [
        await t.http().get(`${INTEGRATIONS}/${id}`).set(admin),
        await t.http().patch(`${INTEGRATIONS}/${id}`).set(admin).send({ name: 'x' }),
        await t.http().delete(`${INTEGRATIONS}/${id}`).set(admin),
        await issue(id),
        await t.http().get(`${INTEGRATIONS}/${id}/tokens`).set(admin),
        await revoke(id, randomUUID()),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.message).toMatch(/not found\.$/);
      }
    });
  });

  describe('tokens', () => {
    it('issues more tokens, lists them without secrets, and revokes one idempotently', async () => {
      const created = await createIntegration();
      const expiresAt = new Date(Date.now() + 86_400_000);
      const second = await issue(created.id, { expires_at: expiresAt.toISOString() });
      expect(second.status).toBe(201);
      expect(second.body).toEqual({
        id: expect.any(String),
        token: expect.stringMatching(/^cli_/),
        token_prefix: second.body.token.slice(0, 12),
        expires_at: expiresAt.toISOString(),
        created_at: expect.stringMatching(ISO),
      });

      const list = await t.http().get(`${INTEGRATIONS}/${created.id}/tokens`).set(admin);
      expect(list.body).toEqual([
        {
          id: created.token_id,
          token_prefix: created.token_prefix,
          expires_at: null,
          created_at: expect.stringMatching(ISO),
          revoked_at: null,
        },
        {
          id: second.body.id,
          token_prefix: second.body.token_prefix,
          expires_at: expiresAt.toISOString(),
          created_at: second.body.created_at,
          revoked_at: null,
        },
      ]);

      expect((await revoke(created.id, created.token_id)).status).toBe(204);
      expect((await revoke(created.id, created.token_id)).status).toBe(204);
      const after = await t.http().get(`${INTEGRATIONS}/${created.id}/tokens`).set(admin);
      expect(after.body[0].revoked_at).toMatch(ISO);
      expect(after.body[1].revoked_at).toBeNull();
      expect(await t.prisma.integrationToken.count({ where: { integrationId: created.id } })).toBe(2);
    });

    it('answers 422 for an expiry in the past and 404 for a token of another integration', async () => {
      const [a, b] = [await createIntegration(), await createIntegration()];
      const past = await issue(a.id, { expires_at: new Date(Date.now() - 60_000).toISOString() });
      expect(past.status).toBe(422);
      expect(past.body.errors).toEqual({ expires_at: ['The expires_at field must be in the future.'] });
      const foreign = await revoke(a.id, b.token_id);
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual({ message: 'Token not found.' });
      expect((await t.prisma.integrationToken.findUniqueOrThrow({ where: { id: b.token_id } })).revokedAt).toBeNull();
    });
  });

  describe('end to end: set up through the admin API, then ask for links', () => {
    it("gives links with the integration's token, and 401 once that token is revoked", async () => {
      const server = await t
        .http()
        .post(`${ADMIN}/media-servers`)
        .set(admin)
        .send({ name: 'edge-e2e', base_url: 'http://media.example:8080' });
      expect(server.status).toBe(201);
      const camera = await t
        .http()
        .post(`${ADMIN}/cameras`)
        .set(admin)
        .send({
          name: 'Gate',
          media_server_id: server.body.id,
          streams: [
            { type: 'high', name: 'gate-hd' },
            { type: 'low', name: 'gate-sd' },
          ],
          default_stream_type: 'high',
          archive_retention_days: 7,
        });
      expect(camera.status).toBe(201);
      const integration = await createIntegration('vms-portal');
      const spare = (await issue(integration.id)).body;
      const body = {
        cameras: [{ uuid: camera.body.uuid }, { uuid: camera.body.uuid, stream_type: 'low' }],
        source: 'jpg',
      };

      const links = await t.http().post(PREVIEW).set(bearer(integration.token)).send(body);
      expect(links.status).toBe(200);
      expect(links.body.map((link: { url: string }) => link.url.split('?')[0])).toEqual([
        'http://media.example:8080/gate-hd/preview.jpg',
        'http://media.example:8080/gate-sd/preview.jpg',
      ]);
      expect(await t.prisma.issuedLink.count({ where: { integrationTokenId: integration.token_id } })).toBe(2);

      expect((await revoke(integration.id, integration.token_id)).status).toBe(204);
      const revoked = await t.http().post(PREVIEW).set(bearer(integration.token)).send(body);
      expect(revoked.status).toBe(401);
      expect(revoked.body).toEqual({ message: 'Unauthenticated.' });

      expect((await t.http().post(PREVIEW).set(bearer(spare.token)).send(body)).status).toBe(200);
    });
  });
});
