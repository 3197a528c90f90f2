import { SchedulerRegistry } from '@nestjs/schedule';
import { randomBytes, randomUUID } from 'node:crypto';
import { RetentionService } from '../src/retention/retention.service';
import { createTestApp, type TestApp } from './support/test-app';
import { DAY_MS } from '../src/common/timestamps';

const NOW = new Date();
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const NOTHING = { links: 0, auditEvents: 0, hourlyStats: 0, appliedFlushes: 0 };

describe(`retention (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ LINK_RETENTION_DAYS: '90', AUDIT_RETENTION_DAYS: '365' });
  });
  afterAll(() => t.close());

  /** Links with these expiries (days ago, negative: in the future); returns their ids. */
  async function linksExpired(...days: number[]): Promise<string[]> {
    const links = days.map((ago) => ({
      id: randomUUID(),
      tokenHash: randomBytes(32).toString('hex'),
      tokenPrefix: 'cll_test',
      cameraUuid: randomUUID(),
      cameraGeneration: 0,
      streamType: 'high',
      streamName: 'gate-hd',
      kind: 'preview' as const,
      source: 'jpg',
      ttl: 60,
      issuedAt: new Date(daysAgo(ago).getTime() - 60_000),
      expiresAt: daysAgo(ago),
    }));
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

    // A batch of 2: the purge goes round until a batch comes back short.
    expect(await t.app.get(RetentionService).purge(NOW, 2)).toEqual({
      links: oldLinks.length,
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
    expect(await t.app.get(RetentionService).purge(NOW, 2)).toEqual(NOTHING);
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
