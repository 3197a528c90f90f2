import { aCamera, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const ADMIN = '/api/v1/admin';
const bootstrap = bearer(TEST_ADMIN_TOKEN);
const INVISIBLE = 'The name field must not contain invisible, format, bidirectional or control characters.';

/** Issue 19, item 2: every name the issue found to impersonate, refused. */
describe(`names nobody can fake (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const createAdmin = (name: string) => t.http().post(`${ADMIN}/admins`).set(bootstrap).send({ name });

  it('refuses admin names with invisible, bidirectional or control characters, or whitespace at an end (422 naming the field)', async () => {
    for (const name of [
      'alice\u200b',
      'ali\u200dce',
      '\u202eecila',
      'alice\n',
      'al\u2066ice\u2069',
      '\ufeffalice',
      'alice\t',
    ]) {
      const res = await createAdmin(name);
      expect([JSON.stringify(name), res.status, res.body.errors]).toEqual([
        JSON.stringify(name),
        422,
        { name: [INVISIBLE] },
      ]);
    }
    for (const name of ['alice ', ' alice', '\u00a0alice']) {
      const res = await createAdmin(name);
      expect([JSON.stringify(name), res.status, res.body.errors]).toEqual([
        JSON.stringify(name),
        422,
        { name: ['The name field must not begin or end with whitespace.'] },
      ]);
    }
  });

  it("refuses the audit trail's own actor words, in any case or disguise", async () => {
    for (const name of ['unauthenticated', 'unknown', 'Unknown', 'unkn\u043ewn', 'system', 'BOOTSTRAP']) {
      const res = await createAdmin(name);
      expect([name, res.status, res.body.errors?.name?.[0]]).toEqual([
        name,
        422,
        expect.stringContaining('must not be (or look like) a word the audit trail uses'),
      ]);
    }
  });

  it("refuses a name that looks like an existing admin's (409 naming that admin), and stores names in NFC", async () => {
    const alice = await createAdmin('alice');
    expect(alice.status).toBe(201);
    for (const name of ['\u0430lice', 'Alice', 'ALICE', '\u0410lice', 'alicE']) {
      const res = await createAdmin(name);
      expect([name, res.status, res.body]).toEqual([
        name,
        409,
        { message: `The name looks like that of admin "alice" (${alice.body.id}).` },
      ]);
    }
    const precomposed = await createAdmin('\u00e1ngel');
    expect([precomposed.status, precomposed.body.name]).toEqual([201, '\u00e1ngel']);
    const decomposed = await createAdmin('a\u0301ngel');
    expect([decomposed.status, decomposed.body.message]).toEqual([
      409,
      `The name looks like that of admin "\u00e1ngel" (${precomposed.body.id}).`,
    ]);
    const bill = await createAdmin('BILL');
    expect((await createAdmin('BlLL')).status).toBe(409);
    expect(bill.status).toBe(201);
  });

  it('refuses the same characters in the names of integrations, users, media servers and cameras, and stores them in NFC', async () => {
    const camera = await aCamera(t.prisma);
    const attempts: [string, string, object][] = [
      ['post', `${ADMIN}/integrations`, {}],
      ['post', `${ADMIN}/users`, {}],
      ['post', `${ADMIN}/media-servers`, { base_url: 'http://127.0.0.1:8080' }],
      [
        'post',
        `${ADMIN}/cameras`,
        {
          media_server_id: camera.mediaServerId,
          default_stream_type: 'high',
          streams: [{ type: 'high', name: 'names-hd' }],
        },
      ],
      ['patch', `${ADMIN}/cameras/${camera.uuid}`, {}],
      ['patch', `${ADMIN}/media-servers/${camera.mediaServerId}`, {}],
    ];
    for (const [method, path, body] of attempts) {
      for (const name of ['Gate\u202e', 'Gate\u200b', 'Gate\n']) {
        const res = await (method === 'post' ? t.http().post(path) : t.http().patch(path))
          .set(bootstrap)
          .send({ ...body, name });
        expect([path, JSON.stringify(name), res.status, res.body.errors]).toEqual([
          path,
          JSON.stringify(name),
          422,
          { name: [INVISIBLE] },
        ]);
      }
      const spaced = await (method === 'post' ? t.http().post(path) : t.http().patch(path))
        .set(bootstrap)
        .send({ ...body, name: 'Gate ' });
      expect([path, spaced.status]).toEqual([path, 422]);
    }
    const nfc = await t.http().post(`${ADMIN}/users`).set(bootstrap).send({ name: 'Jose\u0301' });
    expect([nfc.status, nfc.body.name]).toEqual([201, 'Jos\u00e9']);
  });
});
