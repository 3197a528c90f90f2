import { randomUUID } from 'node:crypto';
import { aCamera, aGrant, aUser, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const GRANTS = '/api/v1/admin/grants';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`admin grants (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const admin = bearer(TEST_ADMIN_TOKEN);
  const create = (body: object) => t.http().post(GRANTS).set(admin).send(body);
  const patch = (id: string, body: object) => t.http().patch(`${GRANTS}/${id}`).set(admin).send(body);
  const userAndCamera = async () => ({
    userId: (await aUser(t.prisma)).user.id,
    cameraUuid: (await aCamera(t.prisma)).uuid,
  });
  const inAnHour = () => new Date(Date.now() + 3600_000);

  describe('POST', () => {
    it('grants a camera to a user from the documented body', async () => {
      const { userId, cameraUuid } = await userAndCamera();
      const res = await create({ user_id: userId, camera_uuid: cameraUuid });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        user_id: userId,
        camera_uuid: cameraUuid,
        expires_at: null,
        created_at: expect.stringMatching(ISO),
      });
      expect(await t.prisma.accessGrant.findUniqueOrThrow({ where: { id: res.body.id } })).toMatchObject({
        userId,
        cameraUuid,
        expiresAt: null,
      });
    });

    it('keeps an expiry', async () => {
      const { userId, cameraUuid } = await userAndCamera();
      const expiresAt = inAnHour();
      const res = await create({ user_id: userId, camera_uuid: cameraUuid, expires_at: expiresAt.toISOString() });
      expect(res.status).toBe(201);
      expect(res.body.expires_at).toBe(expiresAt.toISOString());
    });

    it('answers 409 for a second grant of the same camera to the same user', async () => {
      const { userId, cameraUuid } = await userAndCamera();
      await aGrant(t.prisma, userId, cameraUuid);
      const res = await create({ user_id: userId, camera_uuid: cameraUuid });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/already exists\.$/);
      expect(await t.prisma.accessGrant.count({ where: { userId, cameraUuid } })).toBe(1);
    });

    it('answers 422 naming user_id and camera_uuid when they do not exist', async () => {
      const { userId, cameraUuid } = await userAndCamera();
      const noUser = await create({ user_id: randomUUID(), camera_uuid: cameraUuid });
      expect(noUser.status).toBe(422);
      expect(noUser.body.errors).toEqual({ user_id: ['The user_id field must name an existing user.'] });

      const noCamera = await create({ user_id: userId, camera_uuid: randomUUID() });
      expect(noCamera.body.errors).toEqual({ camera_uuid: ['The camera_uuid field must name an existing camera.'] });

      const neither = await create({ user_id: randomUUID(), camera_uuid: randomUUID() });
      expect(Object.keys(neither.body.errors).sort()).toEqual(['camera_uuid', 'user_id']);
      expect(await t.prisma.accessGrant.count({ where: { userId } })).toBe(0);
    });

    it.each([
      ['user_id missing', { user_id: undefined }, 'user_id'],
      ['user_id not a uuid', { user_id: 'alice' }, 'user_id'],
      ['camera_uuid not a uuid', { camera_uuid: 7 }, 'camera_uuid'],
      ['expires_at in the past', { expires_at: '2000-01-01T00:00:00Z' }, 'expires_at'],
      ['expires_at not a date', { expires_at: 'never' }, 'expires_at'],
      ['unknown field', { scope: 'live' }, 'scope'],
    ])('answers 422 naming the field for %s', async (_, overrides, field) => {
      const { userId, cameraUuid } = await userAndCamera();
      const res = await create({ user_id: userId, camera_uuid: cameraUuid, ...overrides });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
      expect(res.body.errors[field][0]).toMatch(new RegExp(`^The ${field} field `));
    });
  });

  describe('GET', () => {
    it('lists grants, filtered by user and by camera', async () => {
      const [a, b] = [(await aUser(t.prisma)).user, (await aUser(t.prisma)).user];
      const [x, y] = [await aCamera(t.prisma), await aCamera(t.prisma)];
      const ax = await aGrant(t.prisma, a.id, x.uuid);
      const ay = await aGrant(t.prisma, a.id, y.uuid);
      const bx = await aGrant(t.prisma, b.id, x.uuid);
      const ids = (res: { body: { id: string }[] }) => res.body.map((grant) => grant.id).sort();

      expect(ids(await t.http().get(GRANTS).query({ user_id: a.id }).set(admin))).toEqual([ax.id, ay.id].sort());
      expect(ids(await t.http().get(GRANTS).query({ camera_uuid: x.uuid }).set(admin))).toEqual([ax.id, bx.id].sort());
      expect(ids(await t.http().get(GRANTS).query({ user_id: b.id, camera_uuid: x.uuid }).set(admin))).toEqual([bx.id]);
      const all = await t.http().get(GRANTS).set(admin);
      expect(all.body).toHaveLength(await t.prisma.accessGrant.count());

      const bad = await t.http().get(GRANTS).query({ user_id: 'a' }).set(admin);
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.body.errors)).toEqual(['user_id']);
    });

    it('gets one grant, and answers 404 for an unknown one', async () => {
      const { userId, cameraUuid } = await userAndCamera();
      const grant = await aGrant(t.prisma, userId, cameraUuid);
      const res = await t.http().get(`${GRANTS}/${grant.id}`).set(admin);
      expect(res.body).toEqual({
        id: grant.id,
        user_id: userId,
        camera_uuid: cameraUuid,
        expires_at: null,
        created_at: grant.createdAt.toISOString(),
      });
      const unknown = await t.http().get(`${GRANTS}/${randomUUID()}`).set(admin);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ message: 'Grant not found.' });
    });
  });

  describe('PATCH', () => {
    it('sets and clears the expiry, and leaves it alone when not given', async () => {
      const { userId, cameraUuid } = await userAndCamera();
      const grant = await aGrant(t.prisma, userId, cameraUuid);
      const expiresAt = inAnHour();

      const set = await patch(grant.id, { expires_at: expiresAt.toISOString() });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ id: grant.id, expires_at: expiresAt.toISOString() });

      expect((await patch(grant.id, {})).body.expires_at).toBe(expiresAt.toISOString());

      const cleared = await patch(grant.id, { expires_at: null });
      expect(cleared.status).toBe(200);
      expect(cleared.body.expires_at).toBeNull();
      expect((await t.prisma.accessGrant.findUniqueOrThrow({ where: { id: grant.id } })).expiresAt).toBeNull();
    });

    it('answers 422 for anything but the expiry, and 404 for an unknown grant', async () => {
      const { userId, cameraUuid } = await userAndCamera();
      const grant = await aGrant(t.prisma, userId, cameraUuid);
      for (const [body, field] of [
        [{ user_id: randomUUID() }, 'user_id'],
        [{ camera_uuid: randomUUID() }, 'camera_uuid'],
        [{ expires_at: '2000-01-01T00:00:00Z' }, 'expires_at'],
      ] as const) {
        const res = await patch(grant.id, body);
        expect(res.status).toBe(422);
        expect(Object.keys(res.body.errors)).toEqual([field]);
      }
      expect((await patch(randomUUID(), { expires_at: null })).status).toBe(404);
    });
  });

  describe('DELETE', () => {
    it('deletes a grant, after which the user no longer sees the camera', async () => {
      const { user, token } = await aUser(t.prisma);
      const camera = await aCamera(t.prisma);
      const grant = await aGrant(t.prisma, user.id, camera.uuid);
      const preview = () =>
        t
          .http()
          .post('/api/v1/cameras/preview')
          .set(bearer(token))
          .send({ cameras: [{ uuid: camera.uuid }] });
      expect((await preview()).body).toHaveLength(1);

      const res = await t.http().delete(`${GRANTS}/${grant.id}`).set(admin);
      expect(res.status).toBe(204);
      expect(await t.prisma.accessGrant.findUnique({ where: { id: grant.id } })).toBeNull();
      expect((await preview()).body).toEqual([]);
      expect((await t.http().delete(`${GRANTS}/${grant.id}`).set(admin)).status).toBe(404);
    });
  });
});
