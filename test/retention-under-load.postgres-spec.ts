import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { DAY_MS } from '../src/common/timestamps';
import { IssuedLinksRepository } from '../src/links/issued-links.repository';
import { RetentionService } from '../src/retention/retention.service';
import { aLinkRow } from './support/builders';
import { createTestApp, type TestApp } from './support/test-app';

/** Longer than the 1 s the drop once waited for its lock in one go, and failed after. */
const HELD_MS = 2000;
/**
 * A lookup queued behind a waiting DETACH waits at most its lock wait (150 ms), behind the
 * making of partitions a few hundred; this leaves room for a busy machine, and none for waiting
 * out the holder.
 */
const SLOWEST_LOOKUP_MS = 1000;

/**
 * Making and dropping a partition takes an ACCESS EXCLUSIVE lock on issued_links, and queries
 * queue behind it while it waits. With instances serving verification and a transaction holding
 * the table, retention still drops the partition (it waits briefly, and tries again) and the
 * lookups beside it are never held up for long.
 */
describe('retention while issued_links is in use', () => {
  let t: TestApp;
  let holder: Client;
  let verifier: Client;

  beforeAll(async () => {
    t = await createTestApp({ LINK_RETENTION_DAYS: '30' });
    const url = t.config.database.kind === 'postgres' ? t.config.database.url : '';
    [holder, verifier] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
    await Promise.all([holder.connect(), verifier.connect()]);
  });
  afterAll(async () => {
    await Promise.all([holder.end(), verifier.end()]);
    await t.close();
  });

  /**
   * Runs `work` while a transaction of another connection reads issued_links for HELD_MS, and a
   * third connection looks a link up by token, as verification does, one query after another.
   * Returns what `work` returned and the slowest lookup.
   */
  async function whileInUse<T>(work: () => Promise<T>): Promise<{ result: T; slowestLookupMs: number }> {
    const [link] = await t.prisma.issuedLink.findMany({ where: { issuedAt: { gte: new Date(Date.now() - DAY_MS) } } });
    await holder.query('BEGIN');
    await holder.query('SELECT count(*) FROM issued_links');
    const released = sleep(HELD_MS).then(() => holder.query('COMMIT'));
    // A plain query (the simple protocol: one message, so the statement's start is before its
    // locks), timed by the server from its start, lock waits included: not by this process,
    // whose event loop the app under test shares.
    const [from, to] = [link.issuedAt.getTime() - DAY_MS, link.issuedAt.getTime() + DAY_MS].map((at) =>
      new Date(at).toISOString(),
    );
    const lookup = `SELECT (extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000)::float8 AS ms FROM issued_links
                     WHERE token_hash = '${link.tokenHash}' AND issued_at >= '${from}' AND issued_at < '${to}'`;
    let done = false;
    let slowestLookupMs = 0;
    const lookups = (async () => {
      while (!done) {
        const { rows } = await verifier.query<{ ms: number }>(lookup);
        slowestLookupMs = Math.max(slowestLookupMs, rows[0].ms);
        await sleep(10);
      }
    })();
    try {
      return { result: await work(), slowestLookupMs };
    } finally {
      done = true;
      await Promise.all([released, lookups]);
    }
  }

  const partitions = async () =>
    (
      await t.prisma.$queryRaw<{ name: string }[]>`
        SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'issued_links'::regclass`
    ).map((row) => row.name);
  const partitionOf = (at: Date) => `issued_links_p${at.toISOString().slice(0, 10).replaceAll('-', '')}`;

  it('drops an expired partition though a transaction holds the table longer than one lock wait', async () => {
    const old = new Date(new Date(Date.now() - 40 * DAY_MS).toISOString().slice(0, 10));
    await t.app.get(IssuedLinksRepository).createPartitions(old, old, 1000);
    const expired = aLinkRow(old, new Date(old.getTime() + 3_600_000));
    const recent = aLinkRow(new Date(), new Date(Date.now() + 60_000));
    await t.prisma.issuedLink.createMany({ data: [expired, recent] });

    const { result, slowestLookupMs } = await whileInUse(() => t.app.get(RetentionService).purge(new Date()));

    expect(result.links).toBe(1);
    expect(await partitions()).not.toContain(partitionOf(old));
    expect(slowestLookupMs).toBeLessThan(SLOWEST_LOOKUP_MS);
  });

  it('makes partitions ahead though a transaction holds the table, without holding up lookups', async () => {
    const inTwoMonths = new Date(Date.now() + 60 * DAY_MS);

    const { result, slowestLookupMs } = await whileInUse(() =>
      t.app.get(RetentionService).createPartitions(inTwoMonths),
    );

    expect(result).toBeGreaterThan(0);
    expect(await partitions()).toContain(partitionOf(inTwoMonths));
    expect(slowestLookupMs).toBeLessThan(SLOWEST_LOOKUP_MS);
  });
});
