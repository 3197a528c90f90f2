import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { IssuedLinksRepository } from '../src/links/issued-links.repository';
import { PARTITION_DAYS_AHEAD, RetentionService } from '../src/retention/retention.service';
import { aLinkRow } from './support/builders';
import { createTestApp, type TestApp } from './support/test-app';
import { DAY_MS } from '../src/common/timestamps';

const NOW = new Date();
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const NOTHING = {
  links: 0,
  revocationRules: 0,
  issuedUnderEnds: 0,
  linkCountBuckets: 0,
  auditEvents: 0,
  hourlyStats: 0,
  appliedFlushes: 0,
};

describe(`retention (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LINK_RETENTION_DAYS: '90', AUDIT_RETENTION_DAYS: '365' });
  });
  afterAll(() => t.close());

  /** Links with these expiries (days ago, negative: in the future); returns their ids. */
  async function linksExpired(...days: number[]): Promise<string[]> {
    const links = days.map((ago) => aLinkRow(new Date(daysAgo(ago).getTime() - 60_000), daysAgo(ago)));
    await t.prisma.issuedLink.createMany({ data: links });
    return links.map((link) => link.id);
  }

  async function auditEventsFrom(...days: number[]): Promise<string[]> {
    const events = days.map((ago) => ({
      id: randomUUID(),
      occurredAt: daysAgo(ago),
      actor: 'admin-token:test',
      action: 'POST /api/v1/admin/cameras',
      objectType: 'cameras',
      outcome: 'success',
      statusCode: 201,
    }));
    await t.prisma.auditEvent.createMany({ data: events });
    return events.map((event) => event.id);
  }

  it('purges, in batches, links expired longer than LINK_RETENTION_DAYS and audit events older than AUDIT_RETENTION_DAYS', async () => {
    const oldLinks = await linksExpired(91, 95, 120, 400, 1000);
    const keptLinks = await linksExpired(89, 10, 0, -1);
    const oldEvents = await auditEventsFrom(366, 400, 2000);
    const keptEvents = await auditEventsFrom(364, 1);
    await t.prisma.hourlyStat.createMany({
      data: [32, 31.5, 30, 1].map((days) => ({
        hour: new Date(NOW.getTime() - days * 86_400_000),
        metric: 'issued',
        count: 1,
      })),
    });

    const keptFlush = randomUUID();
    await t.prisma.appliedFlush.createMany({
      data: [
        { id: randomUUID(), appliedAt: daysAgo(31) },
        { id: keptFlush, appliedAt: daysAgo(29) },
      ],
    });

    // Ends of what links were issued under: kept while a link issued before one can be unexpired
    // (LINK_TTL_MAX, a day here, and LATE_COMMIT_MS).
    const end = (endedAt: Date) => ({ scope: 'camera', cameraUuid: randomUUID(), endedAt });
    const keptEnd = end(new Date(daysAgo(1).getTime() + 60_000));
    await t.prisma.issuedUnderEnd.createMany({
      data: [end(daysAgo(2)), end(new Date(daysAgo(1).getTime() - 61_000)), keptEnd],
    });

    // A batch of 2: the purge goes round until a batch comes back short.
    expect(await t.app.get(RetentionService).purge(NOW, 2)).toEqual({
      links: oldLinks.length,
      revocationRules: 0,
      issuedUnderEnds: 2,
      // The kept links that expired 89 and 10 days ago: each its own day of issue.
      linkCountBuckets: 2,
      auditEvents: oldEvents.length,
      hourlyStats: 2,
      appliedFlushes: 1,
    });

    const remainingLinks = (await t.prisma.issuedLink.findMany({ select: { id: true } })).map((row) => row.id);
    expect(remainingLinks.sort()).toEqual([...keptLinks].sort());
    const remainingEvents = (await t.prisma.auditEvent.findMany({ select: { id: true } })).map((row) => row.id);
    expect(remainingEvents.sort()).toEqual([...keptEvents].sort());
    expect(await t.prisma.hourlyStat.count()).toBe(2);
    expect(await t.prisma.appliedFlush.findMany({ select: { id: true } })).toEqual([{ id: keptFlush }]);
    expect(await t.prisma.issuedUnderEnd.findMany({ select: { cameraUuid: true } })).toEqual([
      { cameraUuid: keptEnd.cameraUuid },
    ]);
    expect(await t.app.get(RetentionService).purge(NOW, 2)).toEqual(NOTHING);
  });

  it('drops the day partitions whose links all expired longer ago, with their sessions, deleting no link', async () => {
    const links = t.app.get(IssuedLinksRepository);
    const dayOf = (at: Date) => new Date(at.toISOString().slice(0, 10));
    const partitionOf = (at: Date) => `issued_links_p${at.toISOString().slice(0, 10).replaceAll('-', '')}`;
    const [old, longTtl] = [dayOf(daysAgo(100)), dayOf(daysAgo(95))];
    await links.createPartitions(old, old, 1000);
    await links.createPartitions(longTtl, longTtl, 1000);
    const link = (issuedAt: Date, expiresAt: Date) => aLinkRow(issuedAt, expiresAt, { kind: 'live', source: 'hls' });
    const hour = 3_600_000;
    const expired = [
      link(new Date(old.getTime() + hour), new Date(old.getTime() + 2 * hour)),
      link(old, new Date(old.getTime() + hour)),
    ];
    // Issued with a TTL longer than today's maximum: its partition waits for it.
    const lasting = link(new Date(longTtl.getTime() + hour), daysAgo(80));
    const recent = link(NOW, new Date(NOW.getTime() + 60_000));
    await t.prisma.issuedLink.createMany({ data: [...expired, lasting, recent] });
    const session = (of: { id: string; issuedAt: Date }) => ({
      linkId: of.id,
      mediaServerKind: 'nginx',
      protocol: 'hls',
      startedAt: of.issuedAt,
      lastSeenAt: of.issuedAt,
    });
    await t.prisma.viewingSession.createMany({ data: [session(expired[0]), session(recent)] });
    const partitions = async () =>
      (
        await t.prisma.$queryRaw<{ name: string }[]>`
          SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'issued_links'::regclass`
      ).map((row) => row.name);
    expect(await partitions()).toEqual(expect.arrayContaining([partitionOf(old), partitionOf(longTtl)]));

    t.queries.reset();
    expect((await t.app.get(RetentionService).purge(NOW, 2)).links).toBe(expired.length);

    // Dropped whole: no DELETE of a link (but the DEFAULT partition's purge, which names the
    // partitioned table for its triggers and selects from issued_links_default: none of these).
    const deletes = t.queries.matching(/DELETE\s+FROM\s+"?issued_links\b/i);
    expect(deletes.filter((sql) => !sql.includes('FROM issued_links_default'))).toEqual([]);
    expect(t.queries.matching(/DROP TABLE issued_links_p/)).toEqual([`DROP TABLE ${partitionOf(old)}`]);
    const left = await partitions();
    expect(left).not.toContain(partitionOf(old));
    expect(left).toEqual(expect.arrayContaining([partitionOf(longTtl), partitionOf(NOW)]));
    const ids = (await t.prisma.issuedLink.findMany({ select: { id: true } })).map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([lasting.id, recent.id]));
    expect(ids).not.toEqual(expect.arrayContaining([expired[0].id]));
    expect(ids).not.toEqual(expect.arrayContaining([expired[1].id]));
    expect((await t.prisma.viewingSession.findMany()).map((row) => row.linkId)).toEqual([recent.id]);
  });

  it('deletes finished bulk revocations older than LINK_RETENTION_DAYS once no link they select is unmarked, keeping their audit events', async () => {
    const rule = (cutOff: Date, cameraUuid: string) => ({
      id: randomUUID(),
      cameraUuid,
      cutOff,
      revokedBy: 'bootstrap',
      revokedByAdminId: randomUUID(),
      finishedAt: cutOff,
    });
    // A link issued before the cut-off with a long TTL, committed after its rule's marking: only the rule refuses it.
    const straggler = aLinkRow(daysAgo(92), daysAgo(89));
    const [done, refusing, recent] = [
      rule(daysAgo(100), randomUUID()),
      rule(daysAgo(91), straggler.cameraUuid),
      rule(daysAgo(10), randomUUID()),
    ];
    await t.prisma.revocationRule.createMany({ data: [done, refusing, recent] });
    await t.prisma.issuedLink.create({ data: straggler });
    const events = await auditEventsFrom(100);
    await t.prisma.auditEvent.update({ where: { id: events[0] }, data: { objectId: done.id } });
    const rules = async () => (await t.prisma.revocationRule.findMany({ select: { id: true } })).map((row) => row.id);
    const retention = t.app.get(RetentionService);

    expect((await retention.purge(NOW, 2)).revocationRules).toBe(1);
    expect((await rules()).sort()).toEqual([refusing.id, recent.id].sort());
    expect(await t.prisma.auditEvent.count({ where: { objectId: done.id } })).toBe(1);

    await t.prisma.issuedLink.updateMany({ where: { id: straggler.id }, data: { revokedAt: refusing.cutOff } });
    expect((await retention.purge(NOW, 2)).revocationRules).toBe(1);
    expect(await rules()).toEqual([recent.id]);
  });

  it('makes the partitions of the next week, once', async () => {
    const retention = t.app.get(RetentionService);
    const inAMonth = new Date(NOW.getTime() + 30 * DAY_MS);
    expect(await retention.createPartitions(inAMonth)).toBe(PARTITION_DAYS_AHEAD + 2);
    expect(await retention.createPartitions(inAMonth)).toBe(0);
  });

  it('makes missing partitions ahead when the app starts', async () => {
    const ahead = `issued_links_p${new Date(Date.now() + 5 * DAY_MS).toISOString().slice(0, 10).replaceAll('-', '')}`;
    await t.prisma.$executeRawUnsafe(`DROP TABLE ${ahead}`);
    await t.app.get(RetentionService).onApplicationBootstrap();
    const [{ made }] = await t.prisma.$queryRaw<{ made: boolean }[]>`SELECT to_regclass(${ahead}) IS NOT NULL AS made`;
    expect(made).toBe(true);
  });

  it('runs every hour', () => {
    expect(t.app.get(SchedulerRegistry).getCronJob('retention').cronTime.source).toBe('0 0-23/1 * * *');
  });
});

describe(`retention of 0 days (${process.env.TEST_DB})`, () => {
  it('keeps everything', async () => {
    const t = await createTestApp({ LINK_RETENTION_DAYS: '0', AUDIT_RETENTION_DAYS: '0' });
    try {
      await t.prisma.auditEvent.create({
        data: {
          occurredAt: daysAgo(5000),
          actor: 'admin-token:test',
          action: 'DELETE /x',
          objectType: 'x',
          outcome: 'success',
          statusCode: 200,
        },
      });
      expect(await t.app.get(RetentionService).purge(NOW, 2)).toEqual(NOTHING);
      expect(await t.prisma.auditEvent.count()).toBe(1);
    } finally {
      await t.close();
    }
  });
});
