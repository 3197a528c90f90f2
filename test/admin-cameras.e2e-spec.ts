import { randomUUID } from 'node:crypto';
import { aCamera, aMediaServer, anIntegration, bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const CAMERAS = '/api/v1/admin/cameras';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe(`admin cameras (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let serverId: string;

  beforeAll(async () => {
    t = await createTestApp();
    serverId = (await aMediaServer(t.prisma)).id;
  });
  afterAll(() => t.close());

  const admin = bearer(TEST_ADMIN_TOKEN);
  /** Streams no other camera serves: one camera per stream on a media server. */
  let gates = 0;
  const gateStreams = () => {
    const n = ++gates;
    return [
      { type: 'high', name: `gate-${n}-hd` },
      { type: 'low', name: `gate-${n}-sd` },
    ];
  };
  const gate = (overrides: object = {}) => ({
    name: 'Gate',
    media_server_id: serverId,
    streams: gateStreams(),
    default_stream_type: 'high',
    archive_retention_days: 7,
    ...overrides,
  });
  const create = (body: object) => t.http().post(CAMERAS).set(admin).send(body);
  const patch = (uuid: string, body: object) => t.http().patch(`${CAMERAS}/${uuid}`).set(admin).send(body);
  const streamsInDb = async (uuid: string) =>
    (await t.prisma.cameraStream.findMany({ where: { cameraUuid: uuid }, orderBy: { type: 'asc' } })).map(
      ({ type, name }) => ({ type, name }),
    );

  describe('POST', () => {
    it('creates a camera from the documented body, with a generated uuid', async () => {
      const body = gate();
      const res = await create(body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        uuid: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
        name: 'Gate',
        media_server_id: serverId,
        streams: body.streams,
        default_stream_type: 'high',
        archive_retention_days: 7,
        blocked: false,
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
      });
      const row = await t.prisma.camera.findUniqueOrThrow({ where: { uuid: res.body.uuid } });
      expect(row).toMatchObject({
        name: 'Gate',
        mediaServerId: serverId,
        defaultStreamType: 'high',
        archiveRetentionDays: 7,
        blocked: false,
      });
      expect(await streamsInDb(res.body.uuid)).toEqual(res.body.streams);
    });

    it('keeps a given uuid and blocked flag, and defaults the archive to none', async () => {
      const uuid = randomUUID();
      const res = await create(gate({ uuid, blocked: true, archive_retention_days: undefined }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ uuid, blocked: true, archive_retention_days: 0 });
    });

    it('answers 409 when the uuid is taken, and leaves the existing camera alone', async () => {
      const existing = await aCamera(t.prisma, { name: 'first' });
      const res = await create(gate({ uuid: existing.uuid }));
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/^A record with the same .+ already exists\.$/);
      expect((await t.prisma.camera.findUniqueOrThrow({ where: { uuid: existing.uuid } })).name).toBe('first');
    });

    it('answers 422 naming media_server_id when the media server does not exist', async () => {
      const res = await create(gate({ media_server_id: randomUUID() }));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({
        media_server_id: ['The media_server_id field must name an existing media server.'],
      });
    });

    it('answers 422 naming default_stream_type when no stream has that type', async () => {
      const res = await create(gate({ default_stream_type: 'medium' }));
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual({
        default_stream_type: ["The default_stream_type field must be one of the camera's stream types (high, low)."],
      });
    });

    it.each([
      ['unknown field', { foo: 1 }, 'foo'],
      ['unknown stream field', { streams: [{ type: 'high', name: 'a', foo: 1 }] }, 'streams.0.foo'],
      ['name missing', { name: undefined }, 'name'],
      ['name empty', { name: '' }, 'name'],
      ['uuid invalid', { uuid: 'nope' }, 'uuid'],
      ['media_server_id invalid', { media_server_id: 'nope' }, 'media_server_id'],
      ['streams missing', { streams: undefined }, 'streams'],
      ['streams empty', { streams: [] }, 'streams'],
      ['streams not an array', { streams: 'high' }, 'streams'],
      [
        'stream types repeated',
        {
          streams: [
            { type: 'high', name: 'a' },
            { type: 'high', name: 'b' },
          ],
        },
        'streams',
      ],
      ['stream type missing', { streams: [{ name: 'a' }] }, 'streams.0.type'],
      [
        'stream type "camera"',
        { streams: [{ type: 'camera', name: 'a' }], default_stream_type: 'camera' },
        'streams.0.type',
      ],
      [
        'stream name empty',
        {
          streams: [
            { type: 'high', name: 'a' },
            { type: 'low', name: '' },
          ],
        },
        'streams.1.name',
      ],
      ['default_stream_type missing', { default_stream_type: undefined }, 'default_stream_type'],
      ['archive_retention_days negative', { archive_retention_days: -1 }, 'archive_retention_days'],
      ['archive_retention_days fractional', { archive_retention_days: 1.5 }, 'archive_retention_days'],
      ['archive_retention_days a string', { archive_retention_days: '7' }, 'archive_retention_days'],
      ['blocked not a boolean', { blocked: 'yes' }, 'blocked'],
      ['uuid null', { uuid: null }, 'uuid'],
      ['blocked null', { blocked: null }, 'blocked'],
    ])('answers 422 naming the field for %s, and writes nothing', async (_, overrides, field) => {
      const before = await t.prisma.camera.count();
      const res = await create(gate(overrides));
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual([field]);
      expect(res.body.errors[field][0]).toMatch(new RegExp(`^The ${field.replace(/\./g, '\\.')} field `));
      expect(await t.prisma.camera.count()).toBe(before);
    });

    // A stream name becomes path segments of every link, and a video link opens its directory.
    it.each([
      ['..'],
      ['.'],
      ['yard/../gate'],
      ['yard/./gate'],
      ['yard//north'],
      ['/yard'],
      ['yard/'],
      ['yard?north'],
      ['yard#north'],
      ['yard\\north'],
      ['yard%2Fnorth'],
      ['yard\nnorth'],
      ['yard\u0000north'],
      ['yard\u0085north'],
      ['yard\ud800'],
      ['yard/tracks-v1'],
      ['yard/TRACKS-v1a1'],
      ['yard/2024/01/02/03/04'],
    ])('answers 422 naming the stream name for %j, a name that is no plain path', async (name) => {
      const res = await create(gate({ streams: [{ type: 'high', name }] }));
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual(['streams.0.name']);
      const updated = await patch((await create(gate())).body.uuid, { streams: [{ type: 'high', name }] });
      expect(updated.status).toBe(422);
      expect(Object.keys(updated.body.errors)).toEqual(['streams.0.name']);
    });

    it('accepts stream names that are plain paths', async () => {
      for (const name of ['site2/gate-hd', 'yard', 'yard/north', 'cam 1', 'камера-1', 'a.b', 'x/1/2']) {
        const res = await create(gate({ streams: [{ type: 'high', name }] }));
        expect([name, res.status]).toEqual([name, 201]);
      }
    });
  });

  describe('GET', () => {
    it('lists cameras, filtered by media server when asked', async () => {
      const other = await aMediaServer(t.prisma);
      const mine = await aCamera(t.prisma, { mediaServerId: other.id, name: 'b' });
      const mine2 = await aCamera(t.prisma, { mediaServerId: other.id, name: 'a' });
      const elsewhere = await aCamera(t.prisma);

      const filtered = await t.http().get(CAMERAS).query({ media_server_id: other.id }).set(admin);
      expect(filtered.status).toBe(200);
      expect(filtered.body.map((c: { uuid: string }) => c.uuid)).toEqual([mine2.uuid, mine.uuid]);

      const all = await t.http().get(CAMERAS).set(admin);
      expect(all.body.map((c: { uuid: string }) => c.uuid)).toEqual(
        expect.arrayContaining([mine.uuid, mine2.uuid, elsewhere.uuid]),
      );
      expect(all.body).toHaveLength(await t.prisma.camera.count());
    });

    it('answers 422 for a media_server_id filter that is no uuid', async () => {
      const res = await t.http().get(CAMERAS).query({ media_server_id: 'x' }).set(admin);
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.errors)).toEqual(['media_server_id']);
    });

    it('gets one camera by uuid with its streams', async () => {
      const camera = await aCamera(t.prisma, { streams: [{ type: 'only', name: 'only-one' }] });
      const res = await t.http().get(`${CAMERAS}/${camera.uuid}`).set(admin);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        uuid: camera.uuid,
        name: camera.name,
        streams: [{ type: 'only', name: 'only-one' }],
        default_stream_type: 'only',
      });
    });

    it('answers 404 for an unknown camera and 422 naming the uuid for a malformed one', async () => {
      const unknown = await t.http().get(`${CAMERAS}/${randomUUID()}`).set(admin);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ message: 'Camera not found.' });
      const malformed = await t.http().get(`${CAMERAS}/not-a-uuid`).set(admin);
      expect(malformed.status).toBe(422);
      expect(malformed.body).toEqual({
        message: 'The uuid field must be a valid UUID.',
        errors: { uuid: ['The uuid field must be a valid UUID.'] },
      });
    });
  });

  describe('one camera per stream on a media server (issue 19.3)', () => {
    const oneStream = (name: string, overrides: object = {}) =>
      gate({ streams: [{ type: 'high', name }], default_stream_type: 'high', ...overrides });
    const servedBy = (name: string, uuid: string) =>
      `Stream "${name}" is already served by camera ${uuid} on this media server.`;

    it("refuses the walk-around of a block: a second camera on the blocked camera's stream, in any ASCII letter case, is 409 naming it", async () => {
      const blocked = await create(oneStream('Yard/North-HD', { blocked: true }));
      expect(blocked.status).toBe(201);
      for (const alias of ['Yard/North-HD', 'yard/north-hd', 'YARD/NORTH-HD']) {
        const res = await create(oneStream(alias));
        expect([alias, res.status, res.body.message]).toEqual([
          alias,
          409,
          servedBy('Yard/North-HD', blocked.body.uuid),
        ]);
      }
      // A decomposed "é" is the precomposed one.
      expect((await create(oneStream('caf\u00e9'))).status).toBe(201);
      expect((await create(oneStream('cafe\u0301'))).status).toBe(409);
      // Another media server has streams of its own.
      const elsewhere = (await aMediaServer(t.prisma)).id;
      expect((await create(oneStream('yard/north-hd', { media_server_id: elsewhere }))).status).toBe(201);
    });

    it("refuses a change that would take another camera's stream: new streams, or a move to its media server", async () => {
      const owner = (await create(oneStream('dock-hd'))).body.uuid as string;
      const other = (await create(oneStream('pier-hd'))).body.uuid as string;
      const renamed = await patch(other, { streams: [{ type: 'high', name: 'DOCK-hd' }] });
      expect([renamed.status, renamed.body.message]).toEqual([409, servedBy('dock-hd', owner)]);
      const elsewhere = (await aMediaServer(t.prisma)).id;
      const away = (await create(oneStream('dock-hd', { media_server_id: elsewhere }))).body.uuid as string;
      const moved = await patch(away, { media_server_id: serverId });
      expect([moved.status, moved.body.message]).toEqual([409, servedBy('dock-hd', owner)]);
      expect(await streamsInDb(other)).toEqual([{ type: 'high', name: 'pier-hd' }]);
      // A camera keeps its own streams, in another letter case too; moving both together is fine.
      expect((await patch(owner, { streams: [{ type: 'high', name: 'Dock-HD' }] })).status).toBe(200);
      expect(
        (await patch(away, { media_server_id: serverId, streams: [{ type: 'high', name: 'pier-2-hd' }] })).status,
      ).toBe(200);
    });

    it('lets one of concurrent creates win, enforced by the database: the others are 409 naming it', async () => {
      const answers = await Promise.all(Array.from({ length: 4 }, () => create(oneStream('race-hd'))));
      const winners = answers.filter((res) => res.status === 201);
      expect(winners).toHaveLength(1);
      for (const res of answers.filter((answer) => answer !== winners[0])) {
        expect([res.status, res.body.message]).toEqual([409, servedBy('race-hd', winners[0].body.uuid)]);
      }
    });
  });

  describe('PATCH', () => {
    it('changes only the fields given', async () => {
      const camera = await aCamera(t.prisma);
      const res = await patch(camera.uuid, { name: 'Renamed', blocked: true, archive_retention_days: 30 });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Renamed',
        blocked: true,
        archive_retention_days: 30,
        default_stream_type: camera.defaultStreamType,
        media_server_id: camera.mediaServerId,
      });
      expect(res.body.streams).toEqual(await streamsInDb(camera.uuid));
      expect(res.body.streams).toHaveLength(2);
      expect(Date.parse(res.body.updated_at)).toBeGreaterThan(camera.updatedAt.getTime());
    });

    it('replaces the whole set of streams, and links use the new ones', async () => {
      const camera = await aCamera(t.prisma);
      const res = await patch(camera.uuid, {
        streams: [
          { type: 'high', name: 'new-hd' },
          { type: 'mobile', name: 'new-mobile' },
        ],
      });
      expect(res.status).toBe(200);
      const expected = [
        { type: 'high', name: 'new-hd' },
        { type: 'mobile', name: 'new-mobile' },
      ];
      expect(res.body.streams).toEqual(expected);
      expect(await streamsInDb(camera.uuid)).toEqual(expected);
      expect(Date.parse(res.body.updated_at)).toBeGreaterThan(camera.updatedAt.getTime());

      const { token } = await anIntegration(t.prisma);
      const preview = await t
        .http()
        .post('/api/v1/cameras/preview')
        .set(bearer(token))
        .send({ cameras: [{ uuid: camera.uuid, stream_type: 'mobile' }] });
      expect(preview.status).toBe(200);
      expect(preview.body[0].url).toContain('/new-mobile/preview.mp4?token=');
      const gone = await t
        .http()
        .post('/api/v1/cameras/preview')
        .set(bearer(token))
        .send({ cameras: [{ uuid: camera.uuid, stream_type: 'low' }] });
      expect(gone.status).toBe(422);
    });

    it('checks default_stream_type against the streams the camera ends up with, and changes nothing when it fails', async () => {
      const camera = await aCamera(t.prisma, { defaultStreamType: 'low' });
      const before = await streamsInDb(camera.uuid);

      const dropsDefault = await patch(camera.uuid, { name: 'x', streams: [{ type: 'high', name: 'only-hd' }] });
      expect(dropsDefault.status).toBe(422);
      expect(Object.keys(dropsDefault.body.errors)).toEqual(['default_stream_type']);
      expect(dropsDefault.body.errors.default_stream_type[0]).toContain('(high)');
      expect(await streamsInDb(camera.uuid)).toEqual(before);
      expect((await t.prisma.camera.findUniqueOrThrow({ where: { uuid: camera.uuid } })).name).toBe(camera.name);

      const unknownDefault = await patch(camera.uuid, { default_stream_type: 'mobile' });
      expect(unknownDefault.status).toBe(422);
      expect(unknownDefault.body.errors.default_stream_type[0]).toContain('(high, low)');

      const both = await patch(camera.uuid, {
        streams: [{ type: 'high', name: 'only-hd' }],
        default_stream_type: 'high',
      });
      expect(both.status).toBe(200);
      expect(both.body).toMatchObject({ default_stream_type: 'high', streams: [{ type: 'high', name: 'only-hd' }] });
    });

    it('makes concurrent updates of one camera take turns, so a default never names a stream another update removed', async () => {
      const camera = await aCamera(t.prisma, { defaultStreamType: 'high' });
      // Slows the stream replacement down, so that the second update arrives while the first is open.
      await t.prisma.$executeRawUnsafe(
        'CREATE FUNCTION slow_streams() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.3); RETURN NEW; END $$ LANGUAGE plpgsql',
      );
      await t.prisma.$executeRawUnsafe(
        'CREATE TRIGGER slow_streams BEFORE INSERT ON camera_streams FOR EACH ROW EXECUTE FUNCTION slow_streams()',
      );
      try {
        const dropLow = patch(camera.uuid, { streams: [{ type: 'high', name: 'hd' }] }).then((res) => res);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const useLow = await patch(camera.uuid, { default_stream_type: 'low' });
        expect((await dropLow).status).toBe(200);
        expect(useLow.status).toBe(422);
      } finally {
        await t.prisma.$executeRawUnsafe('DROP TRIGGER slow_streams ON camera_streams');
        await t.prisma.$executeRawUnsafe('DROP FUNCTION slow_streams()');
      }
      const row = await t.prisma.camera.findUniqueOrThrow({ where: { uuid: camera.uuid }, include: { streams: true } });
      expect(row.defaultStreamType).toBe('high');
      expect(row.streams.map((stream) => stream.type)).toEqual(['high']);
    });

    it('answers 422 for an unknown media server, a uuid change, an unknown field or repeated stream types', async () => {
      const camera = await aCamera(t.prisma);
      for (const [body, field] of [
        [{ media_server_id: randomUUID() }, 'media_server_id'],
        [{ uuid: randomUUID() }, 'uuid'],
        [{ foo: 'bar' }, 'foo'],
        [
          {
            streams: [
              { type: 'a', name: 'a' },
              { type: 'a', name: 'b' },
            ],
          },
          'streams',
        ],
        [{ streams: [] }, 'streams'],
        [{ streams: null }, 'streams'],
        [{ name: null }, 'name'],
        [{ archive_retention_days: null }, 'archive_retention_days'],
      ] as const) {
        const res = await patch(camera.uuid, body);
        expect(res.status).toBe(422);
        expect(Object.keys(res.body.errors)).toEqual([field]);
      }
      expect(await streamsInDb(camera.uuid)).toHaveLength(2);
    });

    it('moves a camera to another media server', async () => {
      const camera = await aCamera(t.prisma);
      const other = await aMediaServer(t.prisma);
      const res = await patch(camera.uuid, { media_server_id: other.id });
      expect(res.status).toBe(200);
      expect(res.body.media_server_id).toBe(other.id);
    });

    it('answers 404 for an unknown camera', async () => {
      const res = await patch(randomUUID(), { name: 'x' });
      expect(res.status).toBe(404);
      expect(res.body.message).toMatch(/not found\.$/);
    });
  });

  describe('DELETE', () => {
    it('deletes the camera with its streams and grants', async () => {
      const camera = await aCamera(t.prisma);
      const user = await t.prisma.user.create({ data: { name: 'cam-delete-user' } });
      await t.prisma.accessGrant.create({ data: { userId: user.id, cameraUuid: camera.uuid } });

      const res = await t.http().delete(`${CAMERAS}/${camera.uuid}`).set(admin);
      expect(res.status).toBe(204);
      expect(res.text).toBe('');
      expect(await t.prisma.camera.findUnique({ where: { uuid: camera.uuid } })).toBeNull();
      expect(await t.prisma.cameraStream.count({ where: { cameraUuid: camera.uuid } })).toBe(0);
      expect(await t.prisma.accessGrant.count({ where: { cameraUuid: camera.uuid } })).toBe(0);

      const again = await t.http().delete(`${CAMERAS}/${camera.uuid}`).set(admin);
      expect(again.status).toBe(404);
    });
  });
});
