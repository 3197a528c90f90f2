import { hashToken } from '../src/auth/tokens';
import { type UsageDelta, VerificationRepository } from '../src/verification/verification.repository';
import { randomUUID } from 'node:crypto';
import { type SessionSighting, ViewingSessionsRepository } from '../src/sessions/viewing-sessions.repository';
import { HourlyStatsRepository } from '../src/stats/hourly-stats.repository';
import { aCamera, anIntegration, bearer, camerasOnOneServer } from './support/builders';
import { createTestApp, type TestApp } from './support/test-app';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 12, minute));

/**
 * Two instances verify the same link and flush their counters in either order: the stored
 * usage must be the same both ways, each field from the event it describes.
 */
describe(`usage flushed by several instances (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function aLink(): Promise<string> {
    const camera = await aCamera(t.prisma);
    const { token } = await anIntegration(t.prisma);
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(token))
      .send({ cameras: [{ uuid: camera.uuid }] });
    const link = new URL(res.body[0].url).searchParams.get('token')!;
    const { id, issuedAt } = await t.prisma.issuedLink.findFirstOrThrow({ where: { tokenHash: hashToken(link) } });
    issuedAtOf.set(id, issuedAt);
    return id;
  }
  const issuedAtOf = new Map<string, Date>();

  const delta = (linkId: string, fields: Partial<UsageDelta>): UsageDelta => ({
    linkId,
    linkIssuedAt: issuedAtOf.get(linkId)!,
    uses: 0,
    denied: 0,
    firstUsedAt: null,
    lastUsedAt: null,
    lastIp: null,
    lastDeniedAt: null,
    lastDeniedReason: null,
    ...fields,
  });
  // Instance A saw the first use and the last refusal; instance B the last use.
  const fromA = (id: string) =>
    delta(id, {
      uses: 2,
      firstUsedAt: at(0),
      lastUsedAt: at(5),
      lastIp: '192.0.2.1',
      denied: 1,
      lastDeniedAt: at(9),
      lastDeniedReason: 'wrong_resource',
    });
  const fromB = (id: string) =>
    delta(id, {
      uses: 1,
      firstUsedAt: at(3),
      lastUsedAt: at(7),
      lastIp: '198.51.100.2',
      denied: 2,
      lastDeniedAt: at(4),
      lastDeniedReason: 'expired',
    });
  const usage = (id: string) =>
    t.prisma.issuedLink.findFirstOrThrow({
      where: { id },
      select: {
        useCount: true,
        firstUsedAt: true,
        lastUsedAt: true,
        lastIp: true,
        deniedCount: true,
        lastDeniedAt: true,
        lastDeniedReason: true,
      },
    });

  it('merges the first use as LEAST, the last as GREATEST, with the IP of the newest use and the reason of the newest refusal', async () => {
    const repository = t.app.get(VerificationRepository);
    const [ab, ba] = [await aLink(), await aLink()];
    await repository.addUsage([fromA(ab)]);
    await repository.addUsage([fromB(ab)]);
    await repository.addUsage([fromB(ba)]);
    await repository.addUsage([fromA(ba)]);
    const expected = {
      useCount: 3,
      firstUsedAt: at(0),
      lastUsedAt: at(7),
      lastIp: '198.51.100.2',
      deniedCount: 3,
      lastDeniedAt: at(9),
      lastDeniedReason: 'wrong_resource',
    };
    expect(await usage(ab)).toEqual(expected);
    expect(await usage(ba)).toEqual(expected);
  });

  it('keeps what it knows when a newer flush knows less: refusals only, or uses without an IP', async () => {
    const repository = t.app.get(VerificationRepository);
    const id = await aLink();
    await repository.addUsage([fromA(id)]);
    await repository.addUsage([delta(id, { denied: 1, lastDeniedAt: at(1), lastDeniedReason: 'expired' })]);
    await repository.addUsage([delta(id, { uses: 1, firstUsedAt: at(8), lastUsedAt: at(8) })]);
    expect(await usage(id)).toEqual({
      useCount: 3,
      firstUsedAt: at(0),
      lastUsedAt: at(8),
      lastIp: '192.0.2.1',
      deniedCount: 2,
      lastDeniedAt: at(9),
      lastDeniedReason: 'wrong_resource',
    });
  });

  /** `count` links issued in one request (one per camera). */
  async function links(count: number): Promise<string[]> {
    const cameras = await camerasOnOneServer(t.prisma, count);
    const { token } = await anIntegration(t.prisma);
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(token))
      .send({ cameras: cameras.map(({ uuid }) => ({ uuid })) });
    const hashes = (res.body as { url: string }[]).map(({ url }) => hashToken(new URL(url).searchParams.get('token')!));
    const rows = await t.prisma.issuedLink.findMany({ where: { tokenHash: { in: hashes } } });
    for (const { id, issuedAt } of rows) issuedAtOf.set(id, issuedAt);
    return rows.map(({ id }) => id);
  }

  /** The same items in another order (deterministic: rotated, and reversed every other time). */
  const reordered = <T>(items: T[], n: number) => {
    const rotated = [...items.slice(n % items.length), ...items.slice(0, n % items.length)];
    return n % 2 ? rotated.reverse() : rotated;
  };
  const OVERLAPPING = 200;

  it('adds overlapping flushes that share links in any order without a deadlock (40P01), none lost', async () => {
    const repository = t.app.get(VerificationRepository);
    const ids = await links(30);
    const flushes = Array.from({ length: OVERLAPPING }, (_, n) =>
      repository.addUsage(reordered(ids, n).map((id) => delta(id, { uses: 1 }))),
    );
    const failed = (await Promise.allSettled(flushes)).filter((result) => result.status === 'rejected');
    expect(failed.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
    const counts = await t.prisma.issuedLink.findMany({ where: { id: { in: ids } }, select: { useCount: true } });
    expect(counts.map(({ useCount }) => useCount)).toEqual(ids.map(() => OVERLAPPING));
  });

  it('adds usage while sessions of the same links are recorded, in any order, without a deadlock', async () => {
    const usageRepository = t.app.get(VerificationRepository);
    const sessionsRepository = t.app.get(ViewingSessionsRepository);
    const ids = await links(30);
    const issuedAt = new Map(
      (await t.prisma.issuedLink.findMany({ where: { id: { in: ids } } })).map((link) => [link.id, link.issuedAt]),
    );
    // Found in the soak while a session's row key-share-locked its link (a foreign key, before
    // issued_links was partitioned): usage flushes then deadlocked each other.
    const sighting = (linkId: string): SessionSighting => ({
      id: randomUUID(),
      linkId,
      linkIssuedAt: issuedAt.get(linkId)!,
      mediaServerId: randomUUID(),
      mediaServerKind: 'nginx',
      mediaServerSessionId: null,
      protocol: 'hls',
      viewerIp: null,
      userAgent: null,
      firstSeenAt: at(0),
      lastSeenAt: at(1),
    });
    const flushes = Array.from({ length: OVERLAPPING }, (_, n) =>
      n % 2
        ? usageRepository.addUsage(reordered(ids, n).map((id) => delta(id, { uses: 1 })))
        : sessionsRepository.recordBatch(reordered(ids, n).map(sighting)),
    );
    const failed = (await Promise.allSettled(flushes)).filter((result) => result.status === 'rejected');
    expect(failed.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
    const counts = await t.prisma.issuedLink.findMany({ where: { id: { in: ids } }, select: { useCount: true } });
    expect(counts.map(({ useCount }) => useCount)).toEqual(ids.map(() => OVERLAPPING / 2));
  });

  it('adds overlapping hourly counts that share rows in any order without a deadlock', async () => {
    const repository = t.app.get(HourlyStatsRepository);
    const hour = new Date(Date.UTC(2026, 10, 1, 3));
    const metrics = Array.from({ length: 30 }, (_, n) => `test:overlap-${n}`);
    const flushes = Array.from({ length: OVERLAPPING }, (_, n) =>
      repository.add(reordered(metrics, n).map((metric) => ({ hour, metric, count: 1 }))),
    );
    const failed = (await Promise.allSettled(flushes)).filter((result) => result.status === 'rejected');
    expect(failed.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
    const rows = await t.prisma.hourlyStat.findMany({ where: { hour, metric: { in: metrics } } });
    expect(rows.map(({ count }) => count)).toEqual(metrics.map(() => OVERLAPPING));
  });

  it('adds a batch written with an id once, however often it is written (a retried shutdown flush, a spool entry)', async () => {
    const usageRepository = t.app.get(VerificationRepository);
    const statsRepository = t.app.get(HourlyStatsRepository);
    const [id] = await links(1);
    const hour = new Date(Date.UTC(2026, 10, 2, 3));
    const [usageBatch, statsBatch] = [randomUUID(), randomUUID()];
    for (let time = 0; time < 3; time++) {
      await usageRepository.addUsage([delta(id, { uses: 5 })], usageBatch);
      await statsRepository.add([{ hour, metric: 'test:once', count: 5 }], statsBatch);
    }
    await usageRepository.addUsage([delta(id, { uses: 1 })]); // without an id: always added
    expect((await usage(id)).useCount).toBe(6);
    expect(await t.prisma.hourlyStat.findMany({ where: { hour }, select: { count: true } })).toEqual([{ count: 5 }]);
  });

  it('adds a batch spooled before links were partitioned, which has no issue times', async () => {
    const [id] = await links(1);
    const { linkIssuedAt: _, ...spooled } = delta(id, { uses: 3 });
    await t.app.get(VerificationRepository).addUsage([spooled as UsageDelta]);
    expect((await usage(id)).useCount).toBe(3);
  });
});
