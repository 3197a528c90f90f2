import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { CREDENTIAL_TABLES, FIND_INTEGRATION_TOKEN, FIND_USER_TOKEN } from '../src/auth/credentials.repository';
import { CAMERA_FACTS_TABLES, FIND_CAMERAS, FIND_GRANTS, GRANT_TABLES } from '../src/integration/cameras.repository';
import type { NamedStatement } from '../src/database/direct-sql';
import { tablesReadBy } from '../src/database/database-changes';
import {
  FIND_LINK_STATE,
  FIND_LINK_STATES_BY_ID,
  FIND_MEDIA_SERVER_BY_SECRET,
  FIND_MEDIA_SERVER_WITHOUT_SECRET,
  issueDayBounds,
  LINK_STATE_TABLES,
  MEDIA_SERVER_SECRET_TABLES,
} from '../src/verification/verification.repository';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

/** PostgreSQL's trigger type bits (pg_trigger.tgtype). */
const ON = { INSERT: 4, DELETE: 8, UPDATE: 16, TRUNCATE: 32 } as const;

/**
 * A cache is emptied only by changes of the tables it says it reads (database-changes.ts). Here
 * PostgreSQL itself says which tables each cached statement reads (its plan), and that each of
 * those tables notifies every change: a statement that reads one more table, or a table without
 * its trigger, would let a cached answer outlive a change for up to a minute.
 */
describe('what each cache reads, and that all of it notifies', () => {
  let dbName: string;
  let db: Client;

  beforeAll(async () => {
    dbName = await cloneTemplate();
    db = new Client({ connectionString: databaseUrl(dbName) });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    if (dbName) await dropDatabase(dbName);
  });

  const relationsIn = (plan: unknown): string[] => {
    if (Array.isArray(plan)) return plan.flatMap(relationsIn);
    if (typeof plan !== 'object' || plan === null) return [];
    const own = (plan as Record<string, unknown>)['Relation Name'];
    return [...(typeof own === 'string' ? [own] : []), ...Object.values(plan).flatMap(relationsIn)];
  };
  const tablesPlanned = async (statement: NamedStatement, values: unknown[]) => {
    const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(
      `EXPLAIN (VERBOSE, FORMAT JSON) ${statement.text}`,
      values,
    );
    // A partition read stands for its table (issued_links): that is what notifies and is heard.
    const { rows: tables } = await db.query<{ table: string }>(
      `SELECT DISTINCT COALESCE(pg_partition_root(name::regclass)::text, name) AS table FROM unnest($1::text[]) AS name`,
      [relationsIn(rows[0]['QUERY PLAN'])],
    );
    return tables.map((row) => row.table).sort();
  };
  const uuid = '00000000-0000-4000-8000-000000000000';
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');

  it.each([
    ['camera facts', FIND_CAMERAS, [[uuid]], CAMERA_FACTS_TABLES],
    ['grants', FIND_GRANTS, [uuid, [uuid]], GRANT_TABLES],
    ['link states', FIND_LINK_STATE, ['hash', ...issueDayBounds(new Date('2026-12-07T00:00:00Z'))], LINK_STATE_TABLES],
    ['link states of tokens without a day', FIND_LINK_STATE, ['hash', ...issueDayBounds(undefined)], LINK_STATE_TABLES],
    ['media servers by secret', FIND_MEDIA_SERVER_BY_SECRET, ['hash'], MEDIA_SERVER_SECRET_TABLES],
    ['integration credentials', FIND_INTEGRATION_TOKEN, ['hash'], tablesReadBy(FIND_INTEGRATION_TOKEN.text)],
    ['user credentials', FIND_USER_TOKEN, ['hash'], tablesReadBy(FIND_USER_TOKEN.text)],
    ['media servers without a secret', FIND_MEDIA_SERVER_WITHOUT_SECRET, [], MEDIA_SERVER_SECRET_TABLES],
  ])('%s: the tables the plan reads are the tables the cache hears', async (_, statement, values, tables) => {
    expect(await tablesPlanned(statement, values)).toEqual([...tables].sort());
  });

  it('looks a link up with one index scan of one partition, its day', async () => {
    const day = new Date(new Date().toISOString().slice(0, 10));
    const partition = `issued_links_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
    // A day's worth of links, analyzed: the plan the lookup gets once a partition has rows.
    await db.query(
      `INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at, camera_generation)
      SELECT gen_random_uuid(), md5(n::text), 'cll_x', gen_random_uuid(), 'high', 'gate-hd', 'preview', 'jpg', 60, $1::timestamptz + n * interval '1 second', $1::timestamptz + interval '1 day', 1
        FROM generate_series(1, 2000) AS n`,
      [day],
    );
    await db.query(`ANALYZE issued_links`);
    const scans = async (statement: NamedStatement, values: unknown[]) => {
      const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${statement.text}`, values);
      const found: { relation: string; index: unknown; type: unknown }[] = [];
      const walk = (plan: unknown): void => {
        if (Array.isArray(plan)) return plan.forEach(walk);
        if (typeof plan !== 'object' || plan === null) return;
        const node = plan as Record<string, unknown>;
        const relation = node['Relation Name'];
        if (typeof relation === 'string' && relation.startsWith('issued_links'))
          found.push({ relation, index: node['Index Name'], type: node['Node Type'] });
        Object.values(node).forEach(walk);
      };
      walk(rows[0]['QUERY PLAN']);
      return found;
    };
    expect(await scans(FIND_LINK_STATE, [md5('7'), ...issueDayBounds(day)])).toEqual([
      { relation: partition, index: `${partition}_token_hash_key`, type: 'Index Scan' },
    ]);
    // The kicker's lookup by id, between the issue times it knows: that day's partition alone.
    const { rows } = await db.query<{ id: string }>('SELECT id FROM issued_links WHERE issued_at >= $1 LIMIT 3', [day]);
    const bounds = [day, new Date(day.getTime() + 3_600_000)];
    const byId = await scans(FIND_LINK_STATES_BY_ID, [rows.map((row) => row.id), ...bounds]);
    expect(byId.map((scan) => scan.relation)).toEqual([partition]);
  });

  it('notifies every insert, update, delete and truncate of those tables (issued links: revocations and truncates)', async () => {
    const { rows } = await db.query<{ table: string; type: number }>(`
      SELECT c.relname AS table, t.tgtype AS type
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE p.proname IN ('camlinks_notify_change', 'camlinks_notify_links_changed', 'camlinks_notify_revocation_rule')`);
    const notified = (table: string) =>
      rows.filter((row) => row.table === table).reduce((bits, row) => bits | row.type, 0);
    const read = new Set([
      ...CAMERA_FACTS_TABLES,
      ...GRANT_TABLES,
      ...LINK_STATE_TABLES,
      ...MEDIA_SERVER_SECRET_TABLES,
      ...CREDENTIAL_TABLES,
    ]);
    for (const table of read) {
      // A link's row changes only when it is revoked (usage counters are not what a decision
      // reads); a new link's token was never looked up, and one deleted by retention had expired.
      const expected =
        table === 'issued_links' ? ON.UPDATE | ON.TRUNCATE : ON.INSERT | ON.UPDATE | ON.DELETE | ON.TRUNCATE;
      expect({ table, notified: notified(table) & expected }).toEqual({ table, notified: expected });
    }
  });
});
