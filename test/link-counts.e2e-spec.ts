import { LinkCountsRepository } from '../src/links/link-counts.repository';
import { RetentionService } from '../src/retention/retention.service';
import { aLinkRow } from './support/builders';
import { createTestApp, type TestApp } from './support/test-app';

/** A minute boundary, so that the tests can put links on either side of "now" within one minute. */
const T0 = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/**
 * The overview's counts come from link_counts, kept by the triggers on issued_links: after every
 * kind of write they must equal a full count of the table, at any moment, the one in the middle
 * of a minute whose links are partly expired included.
 */
describe(`link counts (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let overview: LinkCountsRepository;

  beforeAll(async () => {
    t = await createTestApp({ LINK_RETENTION_DAYS: '30' });
    overview = t.app.get(LinkCountsRepository);
  });
  afterAll(() => t.close());
  beforeEach(() => t.prisma.$executeRaw`DELETE FROM issued_links`);

  /** Links issued at `issuedAt` seconds from T0 with these lifetimes (seconds); returns their ids. */
  async function issue(issuedAt: number, ...ttls: number[]): Promise<string[]> {
    const links = ttls.map((ttl) => aLinkRow(at(issuedAt), at(issuedAt + ttl)));
    await t.prisma.issuedLink.createMany({ data: links });
    return links.map((link) => link.id);
  }

  /** The counts as the overview showed them before link_counts: every row counted. */
  async function counted(now: Date) {
    const [row] = await t.prisma.$queryRaw<{ total: bigint; active: bigint; revoked: bigint }[]>`
      SELECT count(*) AS total, count(*) FILTER (WHERE revoked_at IS NULL AND expires_at > ${now}::timestamptz) AS active,
             count(revoked_at) AS revoked FROM issued_links`;
    const [total, active, revoked] = [Number(row.total), Number(row.active), Number(row.revoked)];
    return { active, revoked, expired: total - active - revoked };
  }

  /** The overview's counts equal a full count at each of these moments (seconds from T0). */
  async function expectExactAt(...moments: number[]) {
    for (const moment of moments) {
      const now = at(moment);
      expect({ moment, ...(await overview.countByState(now)) }).toEqual({ moment, ...(await counted(now)) });
    }
  }

  it('counts links as they are issued, one by one and in bulk, and as they expire within a minute', async () => {
    await issue(-3600, 60, 3600, 3610, 3630, 7200);
    await issue(0, 10, 30, 50, 70, 3600);
    const [single] = await issue(5, 20);
    expect(single).toBeDefined();
    // Every second of the minute where the links above expire, and around it.
    await expectExactAt(-1, 0, 1, 9, 10, 11, 25, 29, 30, 31, 49, 50, 51, 59, 60, 61, 70, 71, 3600, 3601, 7201);
    expect(await overview.countByState(at(20))).toEqual({ active: 7, expired: 4, revoked: 0 });
  });

  it('counts a single and a bulk revocation, a changed expiry and a deleted link', async () => {
    const [one, ...many] = await issue(0, 20, 40, 40, 3600, 3600, 60);
    await t.prisma.issuedLink.updateMany({ where: { id: one }, data: { revokedAt: at(1) } });
    await expectExactAt(0, 30, 45);
    await t.prisma.issuedLink.updateMany({ where: { id: { in: many.slice(0, 3) } }, data: { revokedAt: at(2) } });
    await expectExactAt(0, 30, 45, 3601);
    // The usage flush's kind of update changes no count.
    await t.prisma.issuedLink.updateMany({ data: { useCount: { increment: 1 } } });
    await expectExactAt(0, 30);
    // As test suites age a link: its expiry moves to another bucket.
    await t.prisma.issuedLink.updateMany({ where: { id: many[4] }, data: { expiresAt: at(-1000) } });
    await expectExactAt(0, 30, 59, 61);
    // Revoked again (un-revoked first) and deleted.
    await t.prisma.issuedLink.updateMany({ where: { id: one }, data: { revokedAt: null } });
    await expectExactAt(0, 25);
    await t.prisma.issuedLink.deleteMany({ where: { id: many[3] } });
    await expectExactAt(0, 30, 3601);
    expect(await t.prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM link_counts WHERE links = 0`).toEqual([
      { n: 0n },
    ]);
  });

  it('counts a retention purge and a truncate', async () => {
    await issue(-40 * 86_400, 60, 60, 120);
    await issue(-20 * 86_400, 60);
    await issue(0, 30, 90);
    // Retention also folds the buckets expired by its moment: the counts stay exact from then on.
    await t.app.get(RetentionService).purge(at(0), 2);
    expect(await t.prisma.issuedLink.count()).toBe(3);
    await expectExactAt(0, 31, 100);
    await t.prisma.$executeRawUnsafe('TRUNCATE issued_links CASCADE');
    await expectExactAt(0);
    expect(await t.prisma.linkCount.count()).toBe(0);
  });

  it('folds the buckets that expired into a row per day of issue, and the counts stay exact', async () => {
    const [early, , late] = await issue(-3 * 86_400, 60, 120, 3 * 86_400 + 30);
    await issue(-2 * 86_400 - 7200, 10, 3600, 7300, 7500);
    const [revoked] = await issue(-600, 30, 300, 900, 3600);
    await t.prisma.issuedLink.updateMany({ where: { id: revoked }, data: { revokedAt: at(-590) } });
    await issue(0, 20, 90);
    const rows = () => t.prisma.linkCount.count();
    // What folding at a moment of minute T0 leaves: a row per day of issue with links expired
    // before T0's minute, and the buckets of T0's minute and after as they were.
    const [{ days, ahead }] = await t.prisma.$queryRaw<{ days: number; ahead: number }[]>`
      SELECT count(DISTINCT date_trunc('day', issued_at, 'UTC')) FILTER (WHERE expires_at < ${T0})::int AS days,
             count(DISTINCT (date_trunc('minute', expires_at, 'UTC'), date_trunc('day', issued_at, 'UTC')))
               FILTER (WHERE expires_at >= ${T0})::int AS ahead
        FROM issued_links`;
    expect(ahead).toBe(5);

    expect(await overview.foldExpired(at(40))).toBe(8);
    await expectExactAt(40, 59, 60, 100, 301, 3601);
    expect(await rows()).toBe(days + ahead);
    expect(await overview.foldExpired(at(40))).toBe(0);

    // A link of a folded bucket changed (revoked after it expired), and one deleted: its own
    // minute's bucket again until the next fold takes it in.
    await t.prisma.issuedLink.updateMany({ where: { id: early }, data: { revokedAt: at(-3 * 86_400 + 30) } });
    await t.prisma.issuedLink.deleteMany({ where: { id: late } });
    await expectExactAt(40, 3601);
    expect(await overview.foldExpired(at(50))).toBe(1);
    await expectExactAt(50, 3601);
    expect(await rows()).toBe(days + ahead - 1);
  });

  it('folds nothing that expired within the last minute: an instance whose clock is behind still counts it', async () => {
    await overview.foldExpired(at(40)); // what the other tests' deletes left
    await issue(-30, 20); // expired at -10 s, in the minute before T0's
    expect(await overview.foldExpired(at(40))).toBe(0);
    // An instance 30 s behind: the link still active by its clock.
    await expectExactAt(-15, 10);
    expect(await overview.foldExpired(at(60))).toBe(1);
    await expectExactAt(60);
  });

  it('loses no count when many statements write the same buckets at once', async () => {
    // Each statement writes the same five buckets in its own order; on PostgreSQL they run on
    // several connections at once and wait for each other's rows.
    const ttls = [60, 120, 180, 240, 300];
    const writes = Array.from({ length: 24 }, (_, i) => {
      const mine = [...ttls.slice(i % 5), ...ttls.slice(0, i % 5)];
      return i % 3 === 2
        ? t.prisma.issuedLink.updateMany({ where: { ttl: mine[0] }, data: { revokedAt: at(1) } })
        : issue(0, ...(i % 2 ? mine : mine.reverse()));
    });
    await Promise.all(writes);
    await expectExactAt(0, 61, 299);
  });
});
