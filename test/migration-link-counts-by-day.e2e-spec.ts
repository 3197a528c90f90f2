import { applyMigrations } from '../src/database/migrations/schema-engine';
import { anEmptyDatabase, type EmptyDatabase } from './support/test-database';

const onPostgres = process.env.TEST_DB !== 'embedded';
const MIGRATION = /_link_counts_by_issue_day$/;

/** link_counts as the migration leaves it, counted from the links: the buckets expired folded into their day. */
const RECOUNTED = `SELECT CASE WHEN expires_at < date_trunc('minute', now(), 'UTC') THEN date_trunc('day', issued_at, 'UTC')
                          ELSE date_trunc('minute', expires_at, 'UTC') END AS e, date_trunc('day', issued_at, 'UTC') AS d,
                          count(*)::int AS links, count(revoked_at)::int AS revoked
                     FROM issued_links GROUP BY 1, 2 ORDER BY 1, 2`;
const BY_DAY = 'SELECT issued_day, sum(links)::int, sum(revoked)::int FROM link_counts GROUP BY 1 ORDER BY 1';
const RECOUNTED_BY_DAY = `SELECT date_trunc('day', issued_at, 'UTC'), count(*)::int, count(revoked_at)::int
                            FROM issued_links GROUP BY 1 ORDER BY 1`;

/**
 * The migration that counts links by day of issue instead of minute, on a database that already
 * has them: the minutes of a day merge into its buckets, and the triggers go on counting.
 */
describe(`the link counts by day migration on existing data (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  let empty: EmptyDatabase;
  const run = (sql: string) => empty.run(sql);
  const query = (sql: string) => empty.query(sql);

  beforeAll(async () => {
    empty = await anEmptyDatabase('countsbyday');
  });
  afterAll(() => empty?.close());

  it('merges the minutes of each day of issue into its buckets, folds those expired, and counts what comes after', async () => {
    const { name: byDay, dir: before, through } = await empty.migrationsBefore(MIGRATION);
    await applyMigrations(empty.db.factory, before);

    const links = (issued: string, ttls: number[], revoked = false) =>
      run(`INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at, revoked_at, camera_generation)
           SELECT gen_random_uuid(), md5(random()::text), 'cll_x', gen_random_uuid(), 'high', 'gate-hd', 'preview', 'jpg', ttl,
                  '${issued}'::timestamptz, '${issued}'::timestamptz + ttl * interval '1 second', ${revoked ? `'${issued}'::timestamptz` : 'NULL'}, 0
             FROM unnest(ARRAY[${ttls.join(',')}]) ttl`);
    // Minutes of one day that expire in the same minute merge; another day's stay apart.
    await links('2026-11-02T10:00:05Z', [3600, 3600, 60]);
    await links('2026-11-02T10:01:20Z', [3520, 7200], true);
    await links('2026-11-02T23:59:30Z', [60]);
    await links('2026-11-03T00:00:10Z', [20]);
    const now = new Date().toISOString();
    await links(now, [3600, 3600, 7200]);
    const minutes = await query('SELECT count(*)::int FROM link_counts');

    expect(await applyMigrations(empty.db.factory, through)).toEqual([byDay]);
    const buckets = await query(
      'SELECT expires_minute, issued_day, links::int, revoked::int FROM link_counts ORDER BY 1, 2',
    );
    expect(buckets.length).toBeLessThan(minutes[0][0] as number);
    expect(buckets).toEqual(await query(RECOUNTED));

    await links('2026-11-02T10:00:30Z', [3600, 30]);
    await links(now, [60]);
    await run(`UPDATE issued_links SET revoked_at = expires_at WHERE ttl = 60`);
    await run(`DELETE FROM issued_links WHERE ttl = 20`);
    expect(await query(BY_DAY)).toEqual(await query(RECOUNTED_BY_DAY));
  });
});
