import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyMigrations } from '../src/database/migrations/schema-engine';
import { anEmptyDatabase, type EmptyDatabase } from './support/test-database';

const onPostgres = process.env.TEST_DB !== 'embedded';
const MIGRATION = /_partition_issued_links$/;

/** A trigger another migration made on issued_links before this one (as keyed invalidation or link counts do). */
const EARLIER_TRIGGER = `
CREATE TABLE "link_inserts" ("token_hash" TEXT NOT NULL);
CREATE FUNCTION "log_link_insert"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "link_inserts" VALUES (NEW."token_hash");
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER "issued_links_logged" AFTER INSERT ON "issued_links" FOR EACH ROW EXECUTE FUNCTION "log_link_insert"();`;

/**
 * The migration that partitions issued_links by issue day, on a database that already has links
 * and viewing sessions: every row stays as it was, every trigger on the old table is on the new
 * one and fires, and each day the links were issued on has its partition.
 */
describe(`the issued_links partitioning migration on existing data (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  let empty: EmptyDatabase;
  const run = (sql: string) => empty.run(sql);
  const query = <T extends unknown[]>(sql: string) => empty.query<T>(sql);
  const LINKS = `SELECT row_to_json(l)::text FROM issued_links l ORDER BY token_hash`;

  beforeAll(async () => {
    empty = await anEmptyDatabase('partitions');
  });
  afterAll(() => empty?.close());

  it('keeps every link, session and trigger, in a partition per issue day', async () => {
    const { name: partitioning, dir: before, through } = await empty.migrationsBefore(MIGRATION);
    await mkdir(join(before, '20261207140000_earlier_trigger'));
    await writeFile(join(before, '20261207140000_earlier_trigger', 'migration.sql'), EARLIER_TRIGGER);
    await applyMigrations(empty.db.factory, before);

    const link = (hash: string, issued: string) =>
      run(`INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at, camera_generation, use_count, revoked_at)
           VALUES (gen_random_uuid(), '${hash}', 'cll_x', gen_random_uuid(), 'high', 'gate-hd', 'preview', 'jpg', 60, ${issued}, ${issued} + interval '1 minute', 1, 3,
                   ${hash === 'revoked' ? 'now()' : 'NULL'})`);
    await link('forty-days-ago', `now() - interval '40 days'`);
    await link('yesterday', `now() - interval '1 day'`);
    await link('revoked', `now()`);
    await link('now', `now()`);
    await run(`INSERT INTO viewing_sessions (id, link_id, media_server_kind, protocol, started_at, last_seen_at)
               SELECT gen_random_uuid(), id, 'nginx', 'hls', issued_at, issued_at FROM issued_links`);
    const links = await query(LINKS);
    const sessions = await query(`SELECT row_to_json(s)::text FROM viewing_sessions s ORDER BY id`);
    const triggers = await query(
      `SELECT tgname::text FROM pg_trigger WHERE tgrelid = 'issued_links'::regclass AND NOT tgisinternal ORDER BY tgname`,
    );
    expect(triggers.flat()).toEqual([
      'issued_links_counted_delete',
      'issued_links_counted_insert',
      'issued_links_counted_truncate',
      'issued_links_counted_update',
      'issued_links_logged',
      'issued_links_revoked',
      'issued_links_truncated',
    ]);

    expect(await applyMigrations(empty.db.factory, through)).toEqual([partitioning]);

    expect(await query(`SELECT relkind::text FROM pg_class WHERE relname = 'issued_links'`)).toEqual([['p']]);
    expect(await query(LINKS)).toEqual(links);
    expect(await query(`SELECT row_to_json(s)::text FROM viewing_sessions s ORDER BY id`)).toEqual(sessions);
    expect(
      await query(
        `SELECT tgname::text FROM pg_trigger WHERE tgrelid = 'issued_links'::regclass AND NOT tgisinternal ORDER BY tgname`,
      ),
    ).toEqual(triggers);
    // Each link sits in the partition of its UTC issue day; today's and the next week's exist.
    expect(
      await query(`SELECT token_hash, tableoid::regclass::text = 'issued_links_p' || to_char(issued_at AT TIME ZONE 'UTC', 'YYYYMMDD')
                     FROM issued_links ORDER BY token_hash`),
    ).toEqual([
      ['forty-days-ago', true],
      ['now', true],
      ['revoked', true],
      ['yesterday', true],
    ]);
    const [[ahead]] = await query<[number]>(`SELECT count(*)::int FROM generate_series(0, 7) AS d
      WHERE to_regclass('issued_links_p' || to_char((now() AT TIME ZONE 'UTC')::date + d, 'YYYYMMDD')) IS NOT NULL`);
    expect(ahead).toBe(8);

    // The earlier migration's trigger fires on the partitioned table, and did not for the copy
    // (a counter kept by a trigger counts each link once).
    await link('after', `now()`);
    expect((await query(`SELECT token_hash FROM link_inserts`)).flat()).toEqual([
      'forty-days-ago',
      'yesterday',
      'revoked',
      'now',
      'after',
    ]);
  });

  it('keeps a token hash unique within its day, so overall (a token names its day)', async () => {
    await expect(
      run(`INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at, camera_generation)
           VALUES (gen_random_uuid(), 'now', 'cll_x', gen_random_uuid(), 'high', 'gate-hd', 'preview', 'jpg', 60, now(), now() + interval '1 minute', 1)`),
    ).rejects.toThrow(/unique|duplicate/i);
  });
});
