import { randomUUID } from 'node:crypto';
import { bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const ADMIN = '/api/v1/admin';
const admin = bearer(TEST_ADMIN_TOKEN);

/** Each admin resource with an id: its path, the name its 404 uses, a valid PATCH body and its id's name. */
const RESOURCES = [
  { path: `${ADMIN}/media-servers`, name: 'Media server', patch: { name: 'renamed' }, param: 'id' },
  { path: `${ADMIN}/cameras`, name: 'Camera', patch: { name: 'renamed' }, param: 'uuid' },
  { path: `${ADMIN}/users`, name: 'User', patch: { name: 'renamed' }, param: 'id' },
  { path: `${ADMIN}/grants`, name: 'Grant', patch: { expires_at: null }, param: 'id' },
  { path: `${ADMIN}/integrations`, name: 'Integration', patch: { name: 'renamed' }, param: 'id' },
] as const;

describe(`admin ids: one not-found path, ids validated like fields (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe.each(RESOURCES)('$path', ({ path, name, patch, param }) => {
    it(`answers GET, PATCH and DELETE of an unknown ${param} with the same 404 "${name} not found."`, async () => {
      const id = randomUUID();
      for (const res of [
        await t.http().get(`${path}/${id}`).set(admin),
        await t.http().patch(`${path}/${id}`).set(admin).send(patch),
        await t.http().delete(`${path}/${id}`).set(admin),
      ]) {
        expect([res.status, res.body]).toEqual([404, { message: `${name} not found.` }]);
      }
    });

    it(`answers a malformed ${param} with the 422 of any invalid field, on every route`, async () => {
      const message = `The ${param} field must be a valid UUID.`;
      for (const res of [
        await t.http().get(`${path}/not-a-uuid`).set(admin),
        await t.http().patch(`${path}/42`).set(admin).send(patch),
        await t.http().delete(`${path}/${randomUUID()}x`).set(admin),
      ]) {
        expect([res.status, res.body]).toEqual([422, { message, errors: { [param]: [message] } }]);
      }
    });
  });

  it('validates every id of a nested route: the archive ranges of a camera, a token of an owner, a link', async () => {
    const camera = await t.http().get(`${ADMIN}/cameras/nope/archive-ranges`).set(admin);
    expect([camera.status, camera.body.errors]).toEqual([422, { uuid: ['The uuid field must be a valid UUID.'] }]);
    const token = await t.http().delete(`${ADMIN}/integrations/nope/tokens/nope`).set(admin);
    expect([token.status, token.body.errors]).toEqual([
      422,
      { id: ['The id field must be a valid UUID.'], tokenId: ['The tokenId field must be a valid UUID.'] },
    ]);
    const link = await t.http().post(`${ADMIN}/links/nope/revoke`).set(admin).send({});
    expect([link.status, link.body.errors]).toEqual([422, { id: ['The id field must be a valid UUID.'] }]);
  });
});

describe(`admin ids chosen by the client (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it.each([
    [`${ADMIN}/media-servers`, { name: 'edge-chosen', base_url: 'http://127.0.0.1:8080' }],
    [`${ADMIN}/users`, { name: 'chosen-user' }],
    [`${ADMIN}/integrations`, { name: 'chosen-integration' }],
  ])('%s keeps an id given on creation, and answers 409 when it is taken', async (path, body) => {
    const id = randomUUID();
    const created = await t
      .http()
      .post(path)
      .set(admin)
      .send({ ...body, id });
    expect([created.status, created.body.id]).toEqual([201, id]);
    expect((await t.http().get(`${path}/${id}`).set(admin)).status).toBe(200);
    const again = await t
      .http()
      .post(path)
      .set(admin)
      .send({ ...body, name: `${body.name}-2`, id });
    expect([again.status, again.body]).toEqual([409, { message: 'A record with the same id already exists.' }]);
    expect((await t.http().patch(`${path}/${id}`).set(admin).send({ id: randomUUID() })).body.errors).toEqual({
      id: ['The id field is not allowed.'],
    });
  });
});
