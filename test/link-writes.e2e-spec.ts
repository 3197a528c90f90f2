import { Agent, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashToken } from '../src/auth/tokens';
import { AppError, ErrorCode } from '../src/common/app-error';
import type { OpenDatabase } from '../src/database/open-database';
import { DATABASE_CONNECTION } from '../src/database/prisma.service';
import { IssuedLinkWriter, LINKS_NOT_RECORDED_MESSAGE } from '../src/links/issued-link-writer';
import type { NewIssuedLink } from '../src/links/issued-links.repository';
import { aCamera, anIntegration, bearer, camerasOnOneServer } from './support/builders';
import { createTestApp, createTestAppWithIntegration, type TestApp } from './support/test-app';

const PREVIEW = '/api/v1/cameras/preview';
const INSERT = /^\s*INSERT INTO issued_links/;

/** A JSON POST over `agent`'s connections; the answer's status and parsed body. */
function postJson(
  agent: Agent,
  server: Server,
  path: string,
  body: object,
  token: string,
): Promise<{ status: number; body: { uuid: string; url: string }[] }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port: (server.address() as AddressInfo).port,
        path,
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** Links from concurrent requests are written together, durably, and each request whole or not at all. */
describe(`Coalesced link writes (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let token: string;
  let cameras: Awaited<ReturnType<typeof aCamera>>[];

  beforeAll(async () => {
    ({ t, token } = await createTestAppWithIntegration());
    cameras = await camerasOnOneServer(t.prisma, 4);
  });
  afterAll(() => t.close());

  const preview = (uuids: string[]) =>
    t
      .http()
      .post(PREVIEW)
      .set(bearer(token))
      .send({ cameras: uuids.map((uuid) => ({ uuid })) });

  const aLink = (cameraUuid: string, streamName: string, tokenHash: string): NewIssuedLink => {
    const now = new Date();
    return {
      tokenHash,
      tokenPrefix: tokenHash.slice(0, 8),
      cameraUuid,
      streamType: 'high',
      streamName,
      kind: 'preview',
      archiveFrom: null,
      archiveTo: null,
      source: 'jpg',
      ttl: 60,
      issuedAt: now,
      expiresAt: new Date(now.getTime() + 60_000),
      integrationId: null,
      integrationTokenId: null,
      userId: null,
      userTokenId: null,
      cameraGeneration: 1,
      grantGeneration: null,
      clientIp: null,
      userAgent: null,
    };
  };

  it('writes the links of requests made in one event-loop turn with one INSERT', async () => {
    const writer = t.app.get(IssuedLinkWriter);
    t.queries.reset();
    const hashes = Array.from({ length: 6 }, (_, i) => hashToken(`turn-${i}-${Date.now()}`));
    await Promise.all(hashes.map((hash, i) => writer.write([aLink(cameras[i % cameras.length].uuid, 'any', hash)])));
    expect(t.queries.matching(INSERT)).toHaveLength(1);
    expect(await t.prisma.issuedLink.count({ where: { tokenHash: { in: hashes } } })).toBe(6);
  });

  it('shares INSERTs between concurrent HTTP requests, each answered with its own links, in its own order, committed before the answer', async () => {
    // The credential and cameras cached, with no notification of their creation still to come and empty them.
    await t.changesHeard();
    await preview(cameras.map(({ uuid }) => uuid));
    t.queries.reset();
    await preview(cameras.map(({ uuid }) => uuid));
    expect(t.queries.statements.length).toBeGreaterThan(0);
    expect(t.queries.statements.every((sql) => INSERT.test(sql))).toBe(true);
    const orders = Array.from({ length: 16 }, (_, i) =>
      [0, 1, 2, 3].map((k) => cameras[(i + k) % cameras.length].uuid).slice(0, 1 + (i % 4)),
    );
    // Open connections kept alive, as a busy client's are: the 16 requests then reach camlinks together.
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const agent = new Agent({ keepAlive: true, maxSockets: orders.length });
    const post = (uuids: string[]) =>
      postJson(agent, server, PREVIEW, { cameras: uuids.map((uuid) => ({ uuid })) }, token);
    await Promise.all(orders.map((uuids) => post(uuids)));
    t.queries.reset();
    const answers = await Promise.all(orders.map((uuids) => post(uuids)));
    agent.destroy();
    // Nothing is read on the way (all cached), so requests that arrive together are written together.
    expect(t.queries.statements.length).toBeGreaterThan(0);
    expect(t.queries.statements.every((sql) => INSERT.test(sql))).toBe(true);
    expect(t.queries.matching(INSERT).length).toBeLessThan(orders.length);
    for (const [i, res] of answers.entries()) {
      expect(res.status).toBe(200);
      expect(res.body.map((link) => link.uuid)).toEqual(orders[i]);
      // Each URL's token was committed for the camera it was answered for, before the answer.
      for (const link of res.body) {
        const row = await t.prisma.issuedLink.findFirst({
          where: { tokenHash: hashToken(new URL(link.url).searchParams.get('token')!) },
        });
        expect(row?.cameraUuid).toBe(link.uuid);
      }
    }
  });

  describe('a batch the database refuses', () => {
    beforeAll(async () => {
      await t.prisma.$executeRawUnsafe(
        `CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN IF NEW.stream_name = 'poison' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await t.prisma.$executeRawUnsafe(
        'CREATE TRIGGER refuse_poison BEFORE INSERT ON issued_links FOR EACH ROW EXECUTE FUNCTION refuse_poison()',
      );
    });
    afterAll(async () => {
      await t.prisma.$executeRawUnsafe('DROP TRIGGER refuse_poison ON issued_links');
      await t.prisma.$executeRawUnsafe('DROP FUNCTION refuse_poison()');
    });

    it('fails every request in it with 503 and writes nothing for any of them', async () => {
      const writer = t.app.get(IssuedLinkWriter);
      const good = [hashToken(`good-a-${Date.now()}`), hashToken(`good-b-${Date.now()}`)];
      const poisoned = hashToken(`poisoned-${Date.now()}`);
      t.queries.reset();
      const outcomes = await Promise.allSettled([
        writer.write([aLink(cameras[0].uuid, 'fine', good[0])]),
        writer.write([aLink(cameras[1].uuid, 'fine', good[1]), aLink(cameras[2].uuid, 'poison', poisoned)]),
      ]);
      expect(t.queries.matching(INSERT)).toHaveLength(1);
      for (const outcome of outcomes) {
        expect(outcome).toEqual({
          status: 'rejected',
          reason: new AppError(ErrorCode.Unavailable, LINKS_NOT_RECORDED_MESSAGE),
        });
      }
      expect(await t.prisma.issuedLink.count({ where: { tokenHash: { in: [...good, poisoned] } } })).toBe(0);
    });

    it('answers an HTTP request whose links cannot be recorded with 503, and leaves no rows', async () => {
      const poisonedCamera = await aCamera(t.prisma, { streams: [{ type: 'high', name: 'poison' }] });
      const before = await t.prisma.issuedLink.count();
      const res = await preview([cameras[0].uuid, poisonedCamera.uuid]);
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ message: LINKS_NOT_RECORDED_MESSAGE });
      expect(await t.prisma.issuedLink.count()).toBe(before);
      // The next batch is unaffected.
      expect((await preview([cameras[0].uuid])).status).toBe(200);
    });
  });
});

describe(`The hot paths' statements (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('go through the driver, by name, for issuing and verifying; Prisma sends none of them', async () => {
    const { token } = await anIntegration(t.prisma);
    const camera = await aCamera(t.prisma);
    await t
      .http()
      .post(PREVIEW)
      .set(bearer(token))
      .send({ cameras: [{ uuid: camera.uuid }] }); // the credential is cached from here on
    t.queries.reset();
    const res = await t
      .http()
      .post(PREVIEW)
      .set(bearer(token))
      .send({ cameras: [{ uuid: camera.uuid }] });
    const link = new URL(res.body[0].url);
    expect(await t.mediaAuth(link)).toBe(204);
    expect(t.queries.direct).toEqual(expect.arrayContaining(['camlinks_insert_links', 'camlinks_find_link_state']));
    expect(t.queries.direct).toHaveLength(t.queries.count);
  });

  if (process.env.TEST_DB !== 'embedded') {
    it('are prepared once per connection on PostgreSQL', async () => {
      const db = t.app.get<OpenDatabase>(DATABASE_CONNECTION);
      const statement = {
        name: 'camlinks_test_prepared',
        text: 'SELECT name FROM pg_prepared_statements WHERE name = $1',
      };
      // A statement sent unnamed would not be listed: the session's prepared statements are the named ones.
      expect(await db.sql.query<{ name: string }>(statement, [statement.name])).toEqual([{ name: statement.name }]);
    });
  }
});
