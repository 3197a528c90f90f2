import { randomUUID } from 'node:crypto';
import { hashToken } from '../src/auth/tokens';
import { aCamera, aGrant, aUser, bearer } from './support/builders';
import { createTestAppWithIntegration, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';
import { DAY_MS } from '../src/common/timestamps';

const EXPIRED_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const unix = (ms: number) => Math.floor(ms / 1000);

describe(`video and archive links (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    ({ t, token } = await createTestAppWithIntegration());
  });
  afterAll(() => t.close());

  const post = (path: string, body: object, headers: Record<string, string> = bearer(token)) =>
    t.http().post(path).set(headers).send(body);
  const video = (body: object, headers?: Record<string, string>) => post('/api/v1/cameras/video', body, headers);
  const archive = (body: object, headers?: Record<string, string>) => post('/api/v1/cameras/archive', body, headers);
  const rowOf = (url: string) =>
    t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(new URL(url).searchParams.get('token')!) } });
  const setRanges = (uuid: string, ranges: object[]) =>
    t.http().put(`/api/v1/admin/cameras/${uuid}/archive-ranges`).set(bearer(TEST_ADMIN_TOKEN)).send({ ranges });

  describe('POST /api/v1/cameras/video', () => {
    it("issues live HLS by default, and RTSP on the media server's RTSP address", async () => {
      const camera = await aCamera(t.prisma, { streams: [{ type: 'high', name: 'gate-hd' }] });
      const hls = await video({ cameras: [{ uuid: camera.uuid }], ttl: '60' });
      expect(hls.status).toBe(200);
      expect(hls.headers['cache-control']).toBe('no-store');
      expect(hls.body).toEqual([
        {
          uuid: camera.uuid,
          stream_type: 'high',
          url: expect.stringMatching(/^http:\/\/media\.test:8080\/gate-hd\/index\.m3u8\?token=cll_[\w-]{43}\d{8}$/),
          expired_at: expect.stringMatching(EXPIRED_AT),
        },
      ]);
      expect(await rowOf(hls.body[0].url)).toMatchObject({
        kind: 'live',
        source: 'hls',
        archiveFrom: null,
        archiveTo: null,
        ttl: 60,
      });

      const rtsp = await video({ cameras: [{ uuid: camera.uuid }], source: 'rtsp' });
      expect(rtsp.body[0].url).toMatch(/^rtsp:\/\/media\.test\/gate-hd\?token=cll_/);
      await t.prisma.mediaServer.update({
        where: { id: camera.mediaServerId },
        data: { rtspBaseUrl: 'rtsp://edge.test:8554' },
      });
      expect((await video({ cameras: [{ uuid: camera.uuid }], source: 'rtsp' })).body[0].url).toMatch(
        /^rtsp:\/\/edge\.test:8554\/gate-hd\?token=/,
      );
    });

    it('plays the archive from a date, moving it to the archive start with move_to', async () => {
      const camera = await aCamera(t.prisma, { archiveRetentionDays: 1, streams: [{ type: 'high', name: 'yard' }] });
      const date = new Date(Date.now() - 3600_000);
      const res = await video({ cameras: [{ uuid: camera.uuid, date: date.toISOString() }] });
      expect(res.status).toBe(200);
      expect(res.body[0].url).toContain(`/yard/index-${unix(date.getTime())}-now.m3u8?token=`);
      expect(res.body[0]).not.toHaveProperty('move_to');
      expect(await rowOf(res.body[0].url)).toMatchObject({ kind: 'archive', archiveFrom: date, archiveTo: null });

      const before = Date.now();
      const moved = await video({ cameras: [{ uuid: camera.uuid, date: '2000-01-01T00:00:00Z' }], source: 'rtsp' });
      expect(moved.body[0].move_to).toMatch(EXPIRED_AT);
      const movedTo = Date.parse(moved.body[0].move_to);
      expect(movedTo).toBeGreaterThanOrEqual(before - DAY_MS);
      expect(movedTo).toBeLessThanOrEqual(Date.now() - DAY_MS);
      expect(moved.body[0].url).toContain(`?from=${unix(movedTo)}&token=`);
    });

    it('returns archive_ranges on request: the retention window, or the stored ranges', async () => {
      const camera = await aCamera(t.prisma, { archiveRetentionDays: 2 });
      const before = Date.now();
      const res = await video({ cameras: [{ uuid: camera.uuid, archive_ranges: true }, { uuid: camera.uuid }] });
      expect(res.body[0].archive_ranges).toHaveLength(1);
      const [range] = res.body[0].archive_ranges;
      expect(range.from).toBeGreaterThanOrEqual(unix(before - 2 * DAY_MS) - 1);
      expect(range.duration).toBeGreaterThanOrEqual(2 * 86400 - 2);
      expect(range.duration).toBeLessThanOrEqual(2 * 86400 + 2);
      expect(res.body[1]).not.toHaveProperty('archive_ranges');

      const a = { from: new Date(Date.now() - 5 * 3600_000), to: new Date(Date.now() - 4 * 3600_000) };
      const b = { from: new Date(Date.now() - 2 * 3600_000), to: new Date(Date.now() - 3600_000) };
      expect(
        (
          await setRanges(
            camera.uuid,
            [b, a].map((r) => ({ stream_type: 'high', from: r.from.toISOString(), to: r.to.toISOString() })),
          )
        ).status,
      ).toBe(200);
      const stored = await video({ cameras: [{ uuid: camera.uuid, archive_ranges: true }] });
      expect(stored.body[0].archive_ranges).toEqual([
        { from: unix(a.from.getTime()), duration: 3600 },
        { from: unix(b.from.getTime()), duration: 3600 },
      ]);
      // Inside a gap: moved to the next recording. After the last one: nothing to play.
      const gap = await video({
        cameras: [{ uuid: camera.uuid, date: new Date(Date.now() - 3 * 3600_000).toISOString() }],
      });
      expect(gap.status).toBe(200);
      expect(Date.parse(gap.body[0].move_to)).toBe(b.from.getTime());
      const after = await video({
        cameras: [{ uuid: camera.uuid, date: new Date(Date.now() - 60_000).toISOString() }],
      });
      expect(after.status).toBe(422);
      expect(Object.keys(after.body.errors)).toEqual(['cameras.0.date']);
      // The other stream still has its retention window.
      expect(
        (
          await video({
            cameras: [{ uuid: camera.uuid, stream_type: 'low', date: new Date(Date.now() - 60_000).toISOString() }],
          })
        ).status,
      ).toBe(200);
    });

    it('is also served at /api/v1/billing/cameras/video', async () => {
      const camera = await aCamera(t.prisma);
      const res = await post('/api/v1/billing/cameras/video', { cameras: [{ uuid: camera.uuid }] });
      expect(res.status).toBe(200);
      expect(res.body[0].url).toContain('/index.m3u8?token=');
    });

    it.each([
      ['source unknown', { source: 'dash' }, 'source'],
      [
        'archive_ranges not a boolean',
        { cameras: [{ uuid: randomUUID(), archive_ranges: 'yes' }] },
        'cameras.0.archive_ranges',
      ],
      [
        'date in the future',
        { cameras: [{ uuid: randomUUID(), date: new Date(Date.now() + DAY_MS).toISOString() }] },
        'cameras.0.date',
      ],
      ['date without zone', { cameras: [{ uuid: randomUUID(), date: '2000-01-01 00:00' }] }, 'cameras.0.date'],
      ['ttl above the maximum', { ttl: 86401 }, 'ttl'],
      ['cameras empty', { cameras: [] }, 'cameras'],
    ])('answers 422 naming the field for %s', async (_, override, field) => {
      const res = await video({ cameras: [{ uuid: randomUUID() }], ...override });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('answers 422 for a camera without archive, and for a stream it lacks', async () => {
      const camera = await aCamera(t.prisma, { archiveRetentionDays: 0 });
      const res = await video({
        cameras: [
          { uuid: camera.uuid, date: new Date(Date.now() - 60_000).toISOString() },
          { uuid: camera.uuid, stream_type: 'ultra' },
        ],
      });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors).sort()).toEqual(['cameras.0.date', 'cameras.1.stream_type']);
    });
  });

  describe('POST /api/v1/cameras/archive', () => {
    it("links to a segment with Flussonic's from-duration playlist and records the window", async () => {
      const camera = await aCamera(t.prisma, { streams: [{ type: 'high', name: 'dock' }] });
      const from = new Date(Math.floor((Date.now() - 2 * 3600_000) / 1000) * 1000);
      const to = new Date(from.getTime() + 1800_000);
      const res = await archive({
        cameras: [{ uuid: camera.uuid, from: from.toISOString(), to: to.toISOString() }],
        ttl: 120,
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        {
          uuid: camera.uuid,
          stream_type: 'high',
          url: `http://media.test:8080/dock/index-${unix(from.getTime())}-1800.m3u8?token=${new URL(res.body[0].url).searchParams.get('token')}`,
          expired_at: expect.stringMatching(EXPIRED_AT),
        },
      ]);
      expect(await rowOf(res.body[0].url)).toMatchObject({
        kind: 'archive',
        source: 'hls',
        archiveFrom: from,
        archiveTo: to,
        ttl: 120,
      });
    });

    it.each([
      ['from missing', (now: number) => ({ to: new Date(now - 1000).toISOString() }), 'cameras.0.from'],
      [
        'to before from',
        (now: number) => ({ from: new Date(now - 1000).toISOString(), to: new Date(now - 2000).toISOString() }),
        'cameras.0.to',
      ],
      [
        'longer than the cap',
        (now: number) => ({ from: new Date(now - 3 * DAY_MS).toISOString(), to: new Date(now - 1000).toISOString() }),
        'cameras.0.to',
      ],
      [
        'in the future',
        (now: number) => ({ from: new Date(now - 1000).toISOString(), to: new Date(now + 60_000).toISOString() }),
        'cameras.0.to',
      ],
    ])('answers 422 naming the field when %s', async (_, window, field) => {
      const res = await archive({ cameras: [{ uuid: randomUUID(), ...window(Date.now()) }] });
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
    });

    it('refuses a segment outside the recorded archive with 422', async () => {
      const camera = await aCamera(t.prisma, { archiveRetentionDays: 1 });
      const now = Date.now();
      const old = await archive({
        cameras: [
          {
            uuid: camera.uuid,
            from: new Date(now - 1.5 * DAY_MS).toISOString(),
            to: new Date(now - 0.9 * DAY_MS).toISOString(),
          },
        ],
      });
      expect(old.status).toBe(422);
      expect(Object.keys(old.body.errors)).toEqual(['cameras.0.from']);
      await setRanges(camera.uuid, [
        {
          stream_type: 'high',
          from: new Date(now - 3 * 3600_000).toISOString(),
          to: new Date(now - 2 * 3600_000).toISOString(),
        },
      ]);
      const acrossGap = await archive({
        cameras: [
          {
            uuid: camera.uuid,
            from: new Date(now - 2.5 * 3600_000).toISOString(),
            to: new Date(now - 1.5 * 3600_000).toISOString(),
          },
        ],
      });
      expect(acrossGap.status).toBe(422);
      const inside = await archive({
        cameras: [
          {
            uuid: camera.uuid,
            from: new Date(now - 2.9 * 3600_000).toISOString(),
            to: new Date(now - 2.1 * 3600_000).toISOString(),
          },
        ],
      });
      expect(inside.status).toBe(200);
    });
  });

  describe('shared rules', () => {
    it('authenticates, scopes to the user and leaves out cameras the caller cannot see', async () => {
      const [granted, other] = [await aCamera(t.prisma), await aCamera(t.prisma)];
      const { user, token: userToken } = await aUser(t.prisma);
      await aGrant(t.prisma, user.id, granted.uuid);
      const now = Date.now();
      const window = { from: new Date(now - 3600_000).toISOString(), to: new Date(now - 1800_000).toISOString() };
      for (const [call, item] of [
        [video, {}],
        [archive, window],
      ] as const) {
        expect((await call({ cameras: [{ uuid: granted.uuid, ...item }] }, {})).status).toBe(401);
        expect(
          (await call({ cameras: [{ uuid: granted.uuid, ...item }] }, bearer(`cli_${'A'.repeat(43)}`))).status,
        ).toBe(401);
        const res = await call({ cameras: [other, granted].map(({ uuid }) => ({ uuid, ...item })) }, bearer(userToken));
        expect(res.status).toBe(200);
        expect(res.body.map((l: { uuid: string }) => l.uuid)).toEqual([granted.uuid]);
      }
    });
  });

  describe('archive ranges admin', () => {
    it("replaces and reads a camera's ranges, validating stream types and order", async () => {
      const camera = await aCamera(t.prisma);
      const bad = await setRanges(camera.uuid, [
        { stream_type: 'ultra', from: '2030-01-01T01:00:00Z', to: '2030-01-01T00:00:00Z' },
      ]);
      expect(bad.status).toBe(422);
      expect(Object.keys(bad.body.errors).sort()).toEqual(['ranges.0.stream_type', 'ranges.0.to']);
      expect((await setRanges(randomUUID(), [])).status).toBe(404);
      const ok = await setRanges(camera.uuid, [
        { stream_type: 'low', from: '2030-01-01T00:00:00Z', to: '2030-01-01T02:00:00+01:00' },
      ]);
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({
        camera_uuid: camera.uuid,
        ranges: [{ stream_type: 'low', from: '2030-01-01T00:00:00.000Z', to: '2030-01-01T01:00:00.000Z' }],
      });
      expect(
        (await t.http().get(`/api/v1/admin/cameras/${camera.uuid}/archive-ranges`).set(bearer(TEST_ADMIN_TOKEN))).body,
      ).toEqual(ok.body);
      // An empty set goes back to the retention window.
      expect((await setRanges(camera.uuid, [])).body.ranges).toEqual([]);
    });
  });
});
