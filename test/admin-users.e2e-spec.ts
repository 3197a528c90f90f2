import { randomUUID } from 'node:crypto';
import { hashToken } from '../src/auth/tokens';
import { aCamera, aUser, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const USERS = '/api/v1/admin/users';
const PREVIEW = '/api/v1/cameras/preview';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`admin users and user tokens (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const admin = bearer(TEST_ADMIN_TOKEN);
  const createUser = async (name: string) =>
    (await t.http().post(USERS).set(admin).send({ name }).expect(201)).body as { id: string; name: string };
  const issue = (userId: string, body: object = {}) => t.http().post(`${USERS}/${userId}/tokens`).set(admin).send(body);
  const listTokens = (userId: string) => t.http().get(`${USERS}/${userId}/tokens`).set(admin);
  const revoke = (userId: string, tokenId: string) =>
    t.http().delete(`${USERS}/${userId}/tokens/${tokenId}`).set(admin);

  describe('users', () => {
    it('creates a user from the documented body', async () => {
      const res = await t.http().post(USERS).set(admin).send({ name: 'alice' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'alice',
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
      });
      expect(await t.prisma.user.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({ name: 'alice' });
    });

    it('answers 409 for a name that is taken', async () => {
      await createUser('bob');
      const res = await t.http().post(USERS).set(admin).send({ name: 'bob' });
      expect(res.status).toBe(409);
      expect(res.body.message).toBe('A record with the same name already exists.');
    });

    it.each([
      ['name missing', {}, 'name'],
      ['name empty', { name: '' }, 'name'],
      ['name not a string', { name: 5 }, 'name'],
      ['name too long', { name: 'x'.repeat(101) }, 'name'],
      ['unknown field', { name: 'carol', role: 'admin' }, 'role'],
    ])('answers 422 naming the field for %s', async (_, body, field) => {
      const res = await t.http().post(USERS).set(admin).send(body);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
      expect(res.body.errors[field][0]).toMatch(new RegExp(`^The ${field} field `));
    });

    it('lists, gets, renames and deletes users', async () => {
      const user = await createUser('dave');
      const list = await t.http().get(USERS).set(admin);
      expect(list.status).toBe(200);
      expect(list.body.map((u: { name: string }) => u.name)).toEqual(
        [...list.body.map((u: { name: string }) => u.name)].sort(),
      );
      expect(list.body).toContainEqual(expect.objectContaining({ id: user.id, name: 'dave' }));

      expect((await t.http().get(`${USERS}/${user.id}`).set(admin)).body).toMatchObject({ id: user.id, name: 'dave' });

      const nameless = await t.http().patch(`${USERS}/${user.id}`).set(admin).send({ name: null });
      expect(nameless.status).toBe(422);
      expect(Object.keys(nameless.body.errors)).toEqual(['name']);

      const renamed = await t.http().patch(`${USERS}/${user.id}`).set(admin).send({ name: 'david' });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ id: user.id, name: 'david' });

      const deleted = await t.http().delete(`${USERS}/${user.id}`).set(admin);
      expect(deleted.status).toBe(204);
      const gone = await t.http().get(`${USERS}/${user.id}`).set(admin);
      expect(gone.status).toBe(404);
      expect(gone.body).toEqual({ message: 'User not found.' });
    });

    it('answers 404 for an unknown user on every route, and 422 naming a malformed id', async () => {
      const id = randomUUID();
      for (const res of [
        await t.http().get(`${USERS}/${id}`).set(admin),
        await t.http().patch(`${USERS}/${id}`).set(admin).send({ name: 'x' }),
        await t.http().delete(`${USERS}/${id}`).set(admin),
        await issue(id),
        await listTokens(id),
        await revoke(id, randomUUID()),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.message).toMatch(/not found\.$/);
      }
      const malformed = await t.http().get(`${USERS}/42`).set(admin);
      expect(malformed.status).toBe(422);
      expect(malformed.body.errors).toEqual({ id: ['The id field must be a valid UUID.'] });
      expect((await revoke(randomUUID(), 'nope')).body.errors).toEqual({
        tokenId: ['The tokenId field must be a valid UUID.'],
      });
    });
  });

  describe('tokens', () => {
    it('issues a token whose plaintext is shown once and stored only as a hash', async () => {
      const user = await createUser('erin');
      const res = await issue(user.id);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        token: expect.stringMatching(/^clu_[A-Za-z0-9_-]{43}$/),
        token_prefix: expect.any(String),
        expires_at: null,
        created_at: expect.stringMatching(ISO),
      });
      expect(res.body.token.startsWith(res.body.token_prefix)).toBe(true);
      expect(res.body.token_prefix).toHaveLength(12);

      const row = await t.prisma.userToken.findUniqueOrThrow({ where: { id: res.body.id } });
      expect(row).toMatchObject({
        userId: user.id,
        tokenHash: hashToken(res.body.token),
        tokenPrefix: res.body.token_prefix,
        revokedAt: null,
      });
      const dump = JSON.stringify(await t.prisma.$queryRawUnsafe('SELECT * FROM user_tokens'));
      expect(dump).not.toContain(res.body.token.slice(12));

      const list = await listTokens(user.id);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        {
          id: res.body.id,
          token_prefix: res.body.token_prefix,
          expires_at: null,
          created_at: res.body.created_at,
          revoked_at: null,
        },
      ]);
      expect(JSON.stringify(list.body)).not.toContain(res.body.token.slice(12));
      expect(JSON.stringify(list.body)).not.toContain(row.tokenHash);
    });

    it('issues a token that expires when asked', async () => {
      const user = await createUser('frank');
      const expiresAt = new Date(Date.now() + 3600_000);
      const res = await issue(user.id, { expires_at: expiresAt.toISOString() });
      expect(res.status).toBe(201);
      expect(res.body.expires_at).toBe(expiresAt.toISOString());
      expect((await t.prisma.userToken.findUniqueOrThrow({ where: { id: res.body.id } })).expiresAt).toEqual(expiresAt);
    });

    it.each([
      ['in the past', { expires_at: new Date(Date.now() - 1000).toISOString() }, 'expires_at', /must be in the future/],
      ['without a time zone', { expires_at: '2999-01-01T00:00:00' }, 'expires_at', /time zone/],
      ['not a date', { expires_at: 'tomorrow' }, 'expires_at', /ISO 8601/],
      ['with an unknown field', { scope: 'all' }, 'scope', /is not allowed/],
    ])('answers 422 for an expiry %s', async (_, body, field, message) => {
      const user = await createUser(`token-422-${field}-${Math.random()}`);
      const res = await issue(user.id, body);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
      expect(res.body.errors[field]).toEqual([expect.stringMatching(message)]);
      expect(await t.prisma.userToken.count({ where: { userId: user.id } })).toBe(0);
    });

    it('revokes a token without deleting it, idempotently, and only for its own user', async () => {
      const user = await createUser('grace');
      const other = await createUser('heidi');
      const { body: issued } = await issue(user.id);

      expect((await revoke(other.id, issued.id)).status).toBe(404);
      expect((await revoke(user.id, randomUUID())).body).toEqual({ message: 'Token not found.' });

      const res = await revoke(user.id, issued.id);
      expect(res.status).toBe(204);
      const row = await t.prisma.userToken.findUniqueOrThrow({ where: { id: issued.id } });
      expect(row.revokedAt).toBeInstanceOf(Date);

      expect((await revoke(user.id, issued.id)).status).toBe(204);
      expect((await t.prisma.userToken.findUniqueOrThrow({ where: { id: issued.id } })).revokedAt).toEqual(
        row.revokedAt,
      );

      const list = await listTokens(user.id);
      expect(list.body).toEqual([expect.objectContaining({ id: issued.id, revoked_at: row.revokedAt!.toISOString() })]);
    });

    it("deletes a user's tokens and grants with the user", async () => {
      const { user } = await aUser(t.prisma);
      const camera = await aCamera(t.prisma);
      await t.prisma.accessGrant.create({ data: { userId: user.id, cameraUuid: camera.uuid } });
      expect((await t.http().delete(`${USERS}/${user.id}`).set(admin)).status).toBe(204);
      expect(await t.prisma.userToken.count({ where: { userId: user.id } })).toBe(0);
      expect(await t.prisma.accessGrant.count({ where: { userId: user.id } })).toBe(0);
    });
  });

  describe('end to end: a user set up through the admin API', () => {
    it('sees only the cameras granted to them, until the token is revoked', async () => {
      const [granted, other] = [await aCamera(t.prisma), await aCamera(t.prisma)];
      const user = await createUser('ivan');
      const grant = await t
        .http()
        .post('/api/v1/admin/grants')
        .set(admin)
        .send({ user_id: user.id, camera_uuid: granted.uuid });
      expect(grant.status).toBe(201);
      const { body: issued } = await issue(user.id);
      const body = { cameras: [{ uuid: granted.uuid }, { uuid: other.uuid }] };

      const res = await t.http().post(PREVIEW).set(bearer(issued.token)).send(body);
      expect(res.status).toBe(200);
      expect(res.body.map((link: { uuid: string }) => link.uuid)).toEqual([granted.uuid]);

      expect((await revoke(user.id, issued.id)).status).toBe(204);
      const revoked = await t.http().post(PREVIEW).set(bearer(issued.token)).send(body);
      expect(revoked.status).toBe(401);
      expect(revoked.body).toEqual({ message: 'Unauthenticated.' });
    });
  });
});
