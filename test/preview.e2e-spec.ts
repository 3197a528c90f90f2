import { randomUUID } from 'node:crypto';
import { hashToken } from '../src/auth/tokens';
import { LINKS_NOT_RECORDED_MESSAGE } from '../src/links/issued-link-writer';
import { aCamera, aGrant, anIntegration, aUser, bearer } from './support/builders';
import { createTestAppWithIntegration, type TestApp } from './support/test-app';

const EXPIRED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const PREVIEW = '/api/v1/cameras/preview';

describe(`POST ${PREVIEW} (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await createTestAppWithIntegration());
  });
  afterAll(() => t.close());

  const preview = (body: object, headers: Record<string, string> = bearer(token)) =>
    t.http().post(PREVIEW).set(headers).send(body);

  describe("the vendor's contract", () => {
    it("answers the vendor's example request with one link per camera", async () => {
      const camera = await aCamera(t.prisma, { archiveRetentionDays: 0 });
      const before = Date.now();
      const res = await preview({ cameras: [{ uuid: camera.uuid, stream_type: 'high' }], source: 'mp4', ttl: '100' });

      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toEqual([
        {
          uuid: camera.uuid,
          stream_type: 'high',
          url: expect.any(String),
          expired_at: expect.stringMatching(EXPIRED_AT),
        },
      ]);
      const expiresAt = Date.parse(res.body[0].expired_at);
      expect(expiresAt).toBeGreaterThanOrEqual(before + 100_000);
      expect(expiresAt).toBeLessThanOrEqual(Date.now() + 100_000);
    });

    it("builds live and archive URLs for mp4 and jpg from the media server's templates", async () => {
      const camera = await aCamera(t.prisma, { streams: [{ type: 'high', name: 'gate/hd' }] });
      const date = new Date(Date.now() - 3600_000);
      date.setMilliseconds(0);
      const unix = date.getTime() / 1000;
      const base = camera.mediaServer.baseUrl;
      const cases = [
        [{ source: 'mp4' }, `${base}/gate/hd/preview.mp4?token=`],
        [{ source: 'jpg' }, `${base}/gate/hd/preview.jpg?token=`],
        [{ source: 'mp4', date: date.toISOString() }, `${base}/gate/hd/${unix}-preview.mp4?token=`],
        [
          { source: 'jpg', date: date.toISOString().replace('Z', '+00:00') },
          `${base}/gate/hd/${unix}-preview.jpg?token=`,
        ],
      ] as const;
      for (const [{ source, ...item }, prefix] of cases) {
        const res = await preview({ cameras: [{ uuid: camera.uuid, ...item }], source });
        expect(res.status).toBe(200);
        expect(res.body[0].url.startsWith(prefix)).toBe(true);
        expect(res.body[0].url.slice(prefix.length)).toMatch(/^cll_[A-Za-z0-9_-]{43}\d{8}$/);
      }
    });

    it("uses a media server's own template when it has one", async () => {
      const camera = await aCamera(t.prisma);
      await t.prisma.mediaServer.update({
        where: { id: camera.mediaServerId },
        data: { urlTemplates: { live_preview: 'https://cdn.test/p/{stream}.{format}?t={token}' } },
      });
      const res = await preview({ cameras: [{ uuid: camera.uuid, stream_type: 'low' }], source: 'jpg' });
      expect(res.body[0].url).toMatch(new RegExp(`^https://cdn\\.test/p/${camera.streams[1].name}\\.jpg\\?t=cll_`));
    });

    it('defaults source to mp4, the stream to the camera\'s default (also for "camera"), and ttl to LINK_TTL_DEFAULT', async () => {
      const camera = await aCamera(t.prisma, { defaultStreamType: 'low' });
      for (const item of [{ uuid: camera.uuid }, { uuid: camera.uuid, stream_type: 'camera' }]) {
        const before = Date.now();
        const res = await preview({ cameras: [item] });
        expect(res.status).toBe(200);
        expect(res.body[0].stream_type).toBe('low');
        expect(res.body[0].url).toContain(`/${camera.streams[1].name}/preview.mp4?token=`);
        expect(Date.parse(res.body[0].expired_at) - before).toBeGreaterThanOrEqual(
          t.config.links.ttlDefault * 1000 - 1000,
        );
        expect(Date.parse(res.body[0].expired_at) - before).toBeLessThanOrEqual(
          t.config.links.ttlDefault * 1000 + 1000,
        );
      }
    });

    it('accepts ttl as a number or a numeric string, up to LINK_TTL_MAX', async () => {
      const camera = await aCamera(t.prisma);
      for (const ttl of [1, '1', 86400, '86400']) {
        const res = await preview({ cameras: [{ uuid: camera.uuid }], ttl });
        expect(res.status).toBe(200);
        const row = await t.prisma.issuedLink.findFirstOrThrow({
          where: { tokenHash: hashToken(new URL(res.body[0].url).searchParams.get('token')!) },
        });
        expect(row.ttl).toBe(Number(ttl));
        expect(row.expiresAt.getTime() - row.issuedAt.getTime()).toBe(Number(ttl) * 1000);
      }
    });

    it('returns links in request order, including repeats', async () => {
      const [a, b] = [await aCamera(t.prisma), await aCamera(t.prisma)];
      const res = await preview({
        cameras: [{ uuid: b.uuid }, { uuid: a.uuid, stream_type: 'low' }, { uuid: b.uuid, stream_type: 'low' }],
      });
      expect(res.body.map((l: { uuid: string; stream_type: string }) => `${l.uuid}/${l.stream_type}`)).toEqual([
        `${b.uuid}/high`,
        `${a.uuid}/low`,
        `${b.uuid}/low`,
      ]);
    });

    it("ignores unknown fields, as the vendor's sibling endpoints send them", async () => {
      const camera = await aCamera(t.prisma);
      const res = await preview({ cameras: [{ uuid: camera.uuid, archive_ranges: true }], source: 'mp4', foo: 'bar' });
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(1);
    });
  });

  describe('archive dates', () => {
    it('moves a date before the archive start to the start and says so in move_to', async () => {
      const camera = await aCamera(t.prisma, { archiveRetentionDays: 1 });
      const before = Date.now();
      const res = await preview({ cameras: [{ uuid: camera.uuid, date: '2000-01-01T00:00:00Z' }] });
      expect(res.status).toBe(200);
      expect(res.body[0].move_to).toMatch(EXPIRED_AT);
      const movedTo = Date.parse(res.body[0].move_to);
      expect(movedTo).toBeGreaterThanOrEqual(before - 86_400_000);
      expect(movedTo).toBeLessThanOrEqual(Date.now() - 86_400_000);
      expect(res.body[0].url).toContain(`/${Math.floor(movedTo / 1000)}-preview.mp4?token=`);
    });

    it('leaves move_to out when the date is inside the archive', async () => {
      const camera = await aCamera(t.prisma, { archiveRetentionDays: 1 });
      const res = await preview({
        cameras: [{ uuid: camera.uuid, date: new Date(Date.now() - 60_000).toISOString() }],
      });
      expect(res.status).toBe(200);
      expect(res.body[0]).not.toHaveProperty('move_to');
    });

    it('rejects a date in the future, and a date for a camera without archive, with 422', async () => {
      const withArchive = await aCamera(t.prisma);
      const withoutArchive = await aCamera(t.prisma, { archiveRetentionDays: 0 });
      const res = await preview({
        cameras: [
          { uuid: withArchive.uuid, date: new Date(Date.now() + 3600_000).toISOString() },
          { uuid: withoutArchive.uuid, date: new Date(Date.now() - 60_000).toISOString() },
        ],
      });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(['cameras.0.date', 'cameras.1.date']);
    });
  });

  describe('cameras left out', () => {
    it('omits unknown and blocked cameras without saying which', async () => {
      const visible = await aCamera(t.prisma);
      const blocked = await aCamera(t.prisma, { blocked: true });
      const res = await preview({
        cameras: [{ uuid: randomUUID() }, { uuid: blocked.uuid, stream_type: 'nope' }, { uuid: visible.uuid }],
      });
      expect(res.status).toBe(200);
      expect(res.body.map((l: { uuid: string }) => l.uuid)).toEqual([visible.uuid]);
    });

    it('answers 200 with an empty array when no camera is accessible', async () => {
      const res = await preview({ cameras: [{ uuid: randomUUID() }] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
    });

    it('rejects a stream type an accessible camera lacks with 422', async () => {
      const camera = await aCamera(t.prisma);
      const res = await preview({ cameras: [{ uuid: camera.uuid, stream_type: 'ultra' }] });
      expect(res.status).toBe(422);
      expect(res.body.errors['cameras.0.stream_type'][0]).toContain('high, low');
    });
  });

  describe('user scoping', () => {
    it('gives a user token links only for granted cameras whose grant has not expired', async () => {
      const { user, token: userToken } = await aUser(t.prisma);
      const [granted, expired, ungranted] = [await aCamera(t.prisma), await aCamera(t.prisma), await aCamera(t.prisma)];
      await aGrant(t.prisma, user.id, granted.uuid, new Date(Date.now() + 3600_000));
      await aGrant(t.prisma, user.id, expired.uuid, new Date(Date.now() - 1000));
      const body = { cameras: [granted, expired, ungranted].map(({ uuid }) => ({ uuid })) };

      const asUser = await preview(body, bearer(userToken));
      expect(asUser.body.map((l: { uuid: string }) => l.uuid)).toEqual([granted.uuid]);

      const forUser = await preview(body, { ...bearer(token), 'X-User-Token': userToken });
      expect(forUser.body.map((l: { uuid: string }) => l.uuid)).toEqual([granted.uuid]);

      const asIntegration = await preview(body);
      expect(asIntegration.body).toHaveLength(3);

      const rows = await t.prisma.issuedLink.findMany({ where: { userId: user.id } });
      expect(rows).toHaveLength(2);
      expect(rows.every((row) => row.cameraUuid === granted.uuid)).toBe(true);
    });

    it('does not let a user token act for another user', async () => {
      const camera = await aCamera(t.prisma);
      const a = await aUser(t.prisma);
      const b = await aUser(t.prisma);
      await aGrant(t.prisma, b.user.id, camera.uuid);
      const res = await preview({ cameras: [{ uuid: camera.uuid }] }, { ...bearer(a.token), 'X-User-Token': b.token });
      expect(res.status).toBe(401);
    });
  });

  describe('authentication', () => {
    it.each([
      ['no header', {}],
      ['an empty bearer', { Authorization: 'Bearer ' }],
      ['another scheme', { Authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['a malformed token', { Authorization: 'Bearer not-a-token' }],
      ['an unknown token of the right shape', { Authorization: `Bearer cli_${'A'.repeat(43)}` }],
      ['a link token', { Authorization: `Bearer cll_${'A'.repeat(43)}` }],
    ])('answers 401 Unauthenticated. for %s', async (_, headers) => {
      const res = await t
        .http()
        .post(PREVIEW)
        .set(headers)
        .send({ cameras: [{ uuid: randomUUID() }] });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ message: 'Unauthenticated.' });
    });

    it('answers 401 for expired and revoked integration and user tokens, and a bad X-User-Token', async () => {
      const past = new Date(Date.now() - 1000);
      const tokens = [
        (await anIntegration(t.prisma, { expiresAt: past })).token,
        (await anIntegration(t.prisma, { revokedAt: past })).token,
        (await aUser(t.prisma, { expiresAt: past })).token,
        (await aUser(t.prisma, { revokedAt: past })).token,
      ];
      for (const stale of tokens) {
        expect((await preview({ cameras: [{ uuid: randomUUID() }] }, bearer(stale))).status).toBe(401);
      }
      const revokedUser = (await aUser(t.prisma, { revokedAt: past })).token;
      for (const userToken of [revokedUser, 'garbage', token]) {
        expect(
          (await preview({ cameras: [{ uuid: randomUUID() }] }, { ...bearer(token), 'X-User-Token': userToken }))
            .status,
        ).toBe(401);
      }
    });

    it('checks credentials before validating the body', async () => {
      const res = await t.http().post(PREVIEW).send({ cameras: 'nope' });
      expect(res.status).toBe(401);
    });
  });

  describe('validation', () => {
    it.each([
      ['cameras missing', {}, 'cameras'],
      ['cameras empty', { cameras: [] }, 'cameras'],
      ['cameras not an array', { cameras: 'x' }, 'cameras'],
      ['uuid missing', { cameras: [{}] }, 'cameras.0.uuid'],
      ['uuid invalid', { cameras: [{ uuid: 'nope' }] }, 'cameras.0.uuid'],
      ['stream_type not a string', { cameras: [{ uuid: randomUUID(), stream_type: 5 }] }, 'cameras.0.stream_type'],
      ['date without zone', { cameras: [{ uuid: randomUUID(), date: '2000-01-01T00:00:00' }] }, 'cameras.0.date'],
      ['date not a date', { cameras: [{ uuid: randomUUID(), date: 'yesterday' }] }, 'cameras.0.date'],
      ['source unknown', { cameras: [{ uuid: randomUUID() }], source: 'gif' }, 'source'],
      ['ttl zero', { cameras: [{ uuid: randomUUID() }], ttl: 0 }, 'ttl'],
      ['ttl negative string', { cameras: [{ uuid: randomUUID() }], ttl: '-5' }, 'ttl'],
      ['ttl fractional', { cameras: [{ uuid: randomUUID() }], ttl: 1.5 }, 'ttl'],
      ['ttl not numeric', { cameras: [{ uuid: randomUUID() }], ttl: 'soon' }, 'ttl'],
      ['ttl above the maximum', { cameras: [{ uuid: randomUUID() }], ttl: 86401 }, 'ttl'],
      ['too many cameras', { cameras: Array.from({ length: 31 }, () => ({ uuid: randomUUID() })) }, 'cameras'],
    ])('answers 422 naming the field for %s', async (_, body, field) => {
      const res = await preview(body);
      expect(res.status).toBe(422);
      expect(res.body.message).toEqual(expect.any(String));
      expect(Object.keys(res.body.errors)).toEqual([field]);
      expect(res.body.errors[field][0]).toMatch(new RegExp(`^The ${field.replace(/\./g, '\\.')} field `));
    });

    it('names every invalid field at once, with a message that counts the rest', async () => {
      const res = await preview({ cameras: [{ uuid: 'a' }, { uuid: randomUUID(), date: 'b' }], source: 'gif', ttl: 0 });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(['cameras.0.uuid', 'cameras.1.date', 'source', 'ttl']);
      expect(res.body.message).toMatch(/\(and 3 more errors\)$/);
    });

    it('answers malformed JSON and a non-object body with a clear 4xx, never 500', async () => {
      const malformed = await t
        .http()
        .post(PREVIEW)
        .set(bearer(token))
        .set('Content-Type', 'application/json')
        .send('{"cameras": [');
      expect(malformed.status).toBe(422);
      expect(malformed.body).toEqual({
        message: 'The request body is not valid JSON.',
        errors: { body: ['The request body is not valid JSON.'] },
      });
      const array = await preview([{ uuid: randomUUID() }]);
      expect(array.status).toBe(422);
    });
  });

  describe('what is recorded', () => {
    it('records one row per link with its TTL and origin, and never the token itself', async () => {
      const { integration, token: own, tokenId } = await anIntegration(t.prisma);
      const camera = await aCamera(t.prisma);
      const res = await preview(
        { cameras: [{ uuid: camera.uuid }, { uuid: camera.uuid, stream_type: 'low' }], ttl: 60, source: 'jpg' },
        { ...bearer(own), 'User-Agent': 'portal/1.0' },
      );
      const tokens = res.body.map((l: { url: string }) => new URL(l.url).searchParams.get('token')!);

      const rows = await t.prisma.issuedLink.findMany({
        where: { integrationId: integration.id },
        orderBy: { streamType: 'asc' },
      });
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.tokenHash).sort()).toEqual(tokens.map(hashToken).sort());
      for (const row of rows) {
        expect(row).toMatchObject({
          cameraUuid: camera.uuid,
          kind: 'preview',
          source: 'jpg',
          ttl: 60,
          integrationTokenId: tokenId,
          userId: null,
          userAgent: 'portal/1.0',
          revokedAt: null,
        });
        expect(tokens.some((tok: string) => tok.startsWith(row.tokenPrefix))).toBe(true);
        expect(row.clientIp).toBeTruthy();
      }
      const dump = JSON.stringify(await t.prisma.$queryRawUnsafe('SELECT * FROM issued_links'));
      for (const tok of tokens) expect(dump).not.toContain(tok.slice(12));
    });

    it('writes all links of a request or none', async () => {
      const good = await aCamera(t.prisma);
      const poisoned = await aCamera(t.prisma, { streams: [{ type: 'high', name: 'poison' }] });
      // A real database failure on the second row of the INSERT.
      await t.prisma.$executeRawUnsafe(
        `CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN IF NEW.stream_name = 'poison' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      );
      await t.prisma.$executeRawUnsafe(
        'CREATE TRIGGER refuse_poison BEFORE INSERT ON issued_links FOR EACH ROW EXECUTE FUNCTION refuse_poison()',
      );
      try {
        const before = await t.prisma.issuedLink.count();
        const res = await preview({ cameras: [{ uuid: good.uuid }, { uuid: poisoned.uuid }] });
        expect(res.status).toBe(503);
        expect(res.body).toEqual({ message: LINKS_NOT_RECORDED_MESSAGE });
        expect(await t.prisma.issuedLink.count()).toBe(before);
      } finally {
        await t.prisma.$executeRawUnsafe('DROP TRIGGER refuse_poison ON issued_links');
        await t.prisma.$executeRawUnsafe('DROP FUNCTION refuse_poison()');
      }
    });
  });
});
