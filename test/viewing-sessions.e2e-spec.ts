import { randomUUID } from 'node:crypto';
import { type SessionSighting, ViewingSessionsRepository } from '../src/sessions/viewing-sessions.repository';
import { aCamera, aLinkRow } from './support/builders';
import { createTestApp, type TestApp } from './support/test-app';

const T0 = new Date('2026-12-01T10:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** The one repository of viewing sessions, against the real database. */
describe(`viewing sessions repository (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let sessions: ViewingSessionsRepository;
  let mediaServerId: string;
  let cameraUuid: string;

  beforeAll(async () => {
    t = await createTestApp();
    sessions = t.app.get(ViewingSessionsRepository);
    const camera = await aCamera(t.prisma);
    [mediaServerId, cameraUuid] = [camera.mediaServerId, camera.uuid];
  });
  afterAll(() => t.close());

  async function aLink(userId: string | null = null): Promise<string> {
    const row = aLinkRow(T0, at(600), { cameraUuid, kind: 'live', source: 'hls', userId });
    await t.prisma.issuedLink.create({ data: row });
    return row.id;
  }

  const sighting = (linkId: string, overrides: Partial<SessionSighting> = {}): SessionSighting => ({
    id: randomUUID(),
    linkId,
    linkIssuedAt: T0,
    mediaServerId,
    mediaServerKind: 'mediamtx',
    mediaServerSessionId: randomUUID(),
    protocol: 'rtsp',
    viewerIp: '203.0.113.7',
    userAgent: null,
    firstSeenAt: at(0),
    lastSeenAt: at(0),
    ...overrides,
  });

  const rowsOf = (linkId: string) =>
    t.prisma.viewingSession.findMany({ where: { linkId }, orderBy: { startedAt: 'asc' } });

  it('keeps one row per media-server session however often it is sighted, spanning every sighting', async () => {
    const linkId = await aLink();
    const first = sighting(linkId, { firstSeenAt: at(5), lastSeenAt: at(5) });
    await sessions.recordBatch([first]);
    await sessions.recordBatch([
      { ...first, id: randomUUID(), firstSeenAt: at(1), lastSeenAt: at(9), userAgent: 'VLC/3' },
    ]);
    await sessions.recordBatch([{ ...first, id: randomUUID(), firstSeenAt: at(3), lastSeenAt: at(4) }]);
    const rows = await rowsOf(linkId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      mediaServerSessionId: first.mediaServerSessionId,
      protocol: 'rtsp',
      startedAt: at(1),
      lastSeenAt: at(9),
      userAgent: 'VLC/3',
      endedAt: null,
    });
  });

  it('records a batch spooled before links were partitioned, which has no issue times', async () => {
    const linkId = await aLink();
    const { linkIssuedAt: _, ...spooled } = sighting(linkId);
    await sessions.recordBatch([spooled as SessionSighting]);
    expect(await rowsOf(linkId)).toHaveLength(1);
  });

  it('starts a new row when an ended media-server session is allowed again, and drops sightings from before its end', async () => {
    const linkId = await aLink();
    const first = sighting(linkId, { mediaServerKind: 'flussonic', protocol: 'hls' });
    await sessions.recordBatch([first]);
    const [row] = await rowsOf(linkId);
    expect(await sessions.markEnded([row.id], 'ended_by_admin', at(20))).toEqual([row.id]);
    await sessions.recordBatch([{ ...first, lastSeenAt: at(15) }]);
    expect(await rowsOf(linkId)).toHaveLength(1);
    await sessions.recordBatch([{ ...first, firstSeenAt: at(30), lastSeenAt: at(30) }]);
    const rows = await rowsOf(linkId);
    expect(rows.map((r) => [r.endReason, r.startedAt])).toEqual([
      ['ended_by_admin', at(0)],
      [null, at(30)],
    ]);
  });

  it('updates an unnamed session by its id, and reports the ones that ended so the recorder starts anew', async () => {
    const linkId = await aLink();
    const nginx = sighting(linkId, { mediaServerKind: 'nginx', mediaServerSessionId: null, protocol: 'hls' });
    expect(await sessions.recordBatch([nginx])).toEqual([]);
    expect(await sessions.recordBatch([{ ...nginx, lastSeenAt: at(30) }])).toEqual([]);
    expect((await rowsOf(linkId))[0].lastSeenAt).toEqual(at(30));
    await sessions.markEnded([nginx.id], 'ended_by_admin', at(31));
    expect(await sessions.recordBatch([{ ...nginx, lastSeenAt: at(40) }])).toEqual([nginx.id]);
    expect((await rowsOf(linkId))[0]).toMatchObject({ lastSeenAt: at(30), endReason: 'ended_by_admin' });
  });

  it('records a batch whose link or media server was deleted since, as the foreign keys would have left it', async () => {
    const [kept, deleted] = [await aLink(), await aLink()];
    const goneServer = await aCamera(t.prisma);
    const unnamedOfDeleted = sighting(deleted, { mediaServerKind: 'nginx', mediaServerSessionId: null });
    const ofGoneServer = sighting(kept, { mediaServerId: goneServer.mediaServerId });
    await t.prisma.issuedLink.deleteMany({ where: { id: deleted } });
    await t.prisma.camera.delete({ where: { uuid: goneServer.uuid } });
    await t.prisma.mediaServer.delete({ where: { id: goneServer.mediaServerId } });
    // The unnamed sighting of the deleted link is reported ended: the recorder forgets it.
    expect(await sessions.recordBatch([sighting(kept), sighting(deleted), unnamedOfDeleted, ofGoneServer])).toEqual([
      unnamedOfDeleted.id,
    ]);
    expect(await rowsOf(deleted)).toEqual([]);
    expect((await rowsOf(kept)).map((row) => row.mediaServerId).sort()).toEqual([mediaServerId, null].sort());
  });

  it('leaves ended MediaMTX sessions pending for the kicker, and records what a kick came to', async () => {
    const linkId = await aLink();
    const mediamtx = sighting(linkId);
    const nginx = sighting(linkId, { mediaServerKind: 'nginx', mediaServerSessionId: null });
    await sessions.recordBatch([mediamtx, nginx]);
    const open = (await sessions.listOpen()).filter((s) => s.linkId === linkId);
    expect(open).toHaveLength(2);
    expect(
      await sessions.markEnded(
        open.map((s) => s.id),
        'revoked',
        at(50),
      ),
    ).toHaveLength(2);
    expect(
      await sessions.markEnded(
        open.map((s) => s.id),
        'expired',
        at(60),
      ),
    ).toEqual([]);
    const rows = await rowsOf(linkId);
    const kicked = rows.find((r) => r.mediaServerKind === 'mediamtx')!;
    expect(rows.map((r) => [r.mediaServerKind, r.endReason, r.kickState]).sort()).toEqual([
      ['mediamtx', 'revoked', 'pending'],
      ['nginx', 'revoked', null],
    ]);
    await sessions.recordKickOutcome(kicked.id, 'failed', at(51), 'x'.repeat(5000));
    await sessions.recordKickOutcome(kicked.id, 'gone', at(52));
    expect(await t.prisma.viewingSession.findUnique({ where: { id: kicked.id } })).toMatchObject({
      kickState: 'gone',
      kickAttempts: 2,
      kickedAt: at(52),
      kickError: null,
    });
  });

  it('closes sessions unseen for longer than their kind allows, as ended when last seen', async () => {
    const linkId = await aLink();
    await sessions.recordBatch([
      sighting(linkId, { mediaServerKind: 'nginx', mediaServerSessionId: null, lastSeenAt: at(10) }),
      sighting(linkId, { mediaServerKind: 'flussonic', lastSeenAt: at(10) }),
      sighting(linkId, { mediaServerKind: 'mediamtx', lastSeenAt: at(10) }),
    ]);
    await sessions.closeIdle({ unnamed: at(11), flussonic: at(11), mediamtx: at(10) });
    const rows = await rowsOf(linkId);
    expect(rows.map((r) => [r.mediaServerKind, r.endReason, r.endedAt]).sort()).toEqual([
      ['flussonic', 'idle', at(10)],
      ['mediamtx', null, null],
      ['nginx', 'idle', at(10)],
    ]);
  });

  it('lists newest first, filtered and keyset paged, and goes with its link', async () => {
    const user = await t.prisma.user.create({ data: { name: `viewer-${randomUUID()}` } });
    const linkId = await aLink(user.id);
    await sessions.recordBatch(
      [0, 1, 2].map((s) => sighting(linkId, { firstSeenAt: at(100 + s), lastSeenAt: at(100 + s) })),
    );
    const [newest] = await sessions.list({ userId: user.id }, undefined, 1);
    await sessions.markEnded([newest.id], 'ended_by_admin', at(200));
    const active = await sessions.list({ userId: user.id, active: true, mediaServerId, cameraUuid }, undefined, 10);
    expect(active.map((s) => s.startedAt)).toEqual([at(101), at(100)]);
    const page2 = await sessions.listByLink(linkId, { at: newest.startedAt, id: newest.id }, 10);
    expect(page2.map((s) => s.startedAt)).toEqual([at(101), at(100)]);
    expect(await sessions.findById(newest.id)).toMatchObject({
      linkId,
      cameraUuid,
      userId: user.id,
      endReason: 'ended_by_admin',
    });
  });
});
