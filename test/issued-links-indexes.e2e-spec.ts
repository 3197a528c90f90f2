import { randomUUID } from 'node:crypto';
import { DAY_MS } from '../src/common/timestamps';
import { createTestApp, type TestApp } from './support/test-app';

/** Every index on issued_links serves a query that exists, and each of those queries can use its index. */
describe(`issued_links indexes (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  const today = `${new Date().toISOString().slice(0, 10)}T00:00:00Z`;
  const tomorrow = `${new Date(Date.now() + DAY_MS).toISOString().slice(0, 10)}T00:00:00Z`;
  const longAgo = '2000-01-01T00:00:00Z';

  beforeAll(async () => {
    t = await createTestApp();
    // A day's links, and some of a day without a partition (in DEFAULT), analyzed: with none, the
    // token lookup's plan is a toss-up between the token hash and the issue time (both match one
    // row of nothing), and the purge's between the issue time and the camera's index, which ends
    // in it too (both read all of nothing); with some, the hash and the issue time are the ones.
    await t.prisma
      .$executeRawUnsafe(`INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at, camera_generation)
      SELECT gen_random_uuid(), md5(n::text), 'cll_x', gen_random_uuid(), 'high', 'gate-hd', 'preview', 'jpg', 60,
             CASE WHEN n <= 1000 THEN '${longAgo}'::timestamptz ELSE '${today}'::timestamptz END + n * interval '1 second', '${tomorrow}'::timestamptz, 1
        FROM generate_series(1, 2000) AS n`);
    await t.prisma.$executeRawUnsafe('ANALYZE issued_links');
  });
  afterAll(() => t.close());

  const id = randomUUID();
  /** The queries (as the repositories send them, parameters inlined) and the index each is meant to use. */
  const SERVED: [string, string][] = [
    [
      'issued_links_token_hash_key',
      `SELECT id FROM issued_links l WHERE l.token_hash = 'x' AND l.issued_at >= '${today}' AND l.issued_at < '${tomorrow}'`,
    ],
    ['issued_links_token_hash_key', `SELECT id FROM issued_links l WHERE l.token_hash = 'x'`],
    ['issued_links_pkey', `UPDATE issued_links SET use_count = use_count + 1 WHERE id = '${id}'::uuid`],
    ['issued_links_issued_at_id_idx', 'SELECT id FROM issued_links l ORDER BY l.issued_at DESC, l.id DESC LIMIT 50'],
    [
      'issued_links_issued_at_id_idx',
      `SELECT id FROM issued_links l WHERE l.issued_at >= now() - interval '1 day' AND l.issued_at < now()`,
    ],
    [
      'issued_links_issued_at_id_idx',
      `SELECT id FROM issued_links_default WHERE issued_at < '${longAgo}'::timestamptz + interval '1 minute' AND expires_at < '${longAgo}'::timestamptz + interval '1 minute' LIMIT 100 FOR UPDATE SKIP LOCKED`,
    ],
    [
      'issued_links_camera_uuid_issued_at_id_idx',
      `SELECT id FROM issued_links l WHERE l.camera_uuid = '${id}'::uuid AND (l.issued_at, l.id) < ('${tomorrow}'::timestamptz, '${id}'::uuid) ORDER BY l.issued_at DESC, l.id DESC LIMIT 50`,
    ],
    [
      'issued_links_user_id_issued_at_id_idx',
      `SELECT id FROM issued_links l WHERE l.user_id = '${id}'::uuid AND (l.issued_at, l.id) < ('${tomorrow}'::timestamptz, '${id}'::uuid) ORDER BY l.issued_at DESC, l.id DESC LIMIT 50`,
    ],
    [
      'issued_links_integration_id_issued_at_id_idx',
      `SELECT id FROM issued_links l WHERE l.integration_id = '${id}'::uuid AND (l.issued_at, l.id) < ('${tomorrow}'::timestamptz, '${id}'::uuid) ORDER BY l.issued_at DESC, l.id DESC LIMIT 50`,
    ],
    [
      'issued_links_user_id_issued_at_id_idx',
      `UPDATE issued_links SET revoked_at = now() WHERE user_id = '${id}'::uuid AND revoked_at IS NULL`,
    ],
    [
      'issued_links_integration_id_issued_at_id_idx',
      `UPDATE issued_links SET revoked_at = now() WHERE integration_id = '${id}'::uuid AND revoked_at IS NULL`,
    ],
    // The console's: a pasted token (its display prefix), the start of one, the revoked links newest first, and their count.
    ['issued_links_token_prefix_idx', `SELECT id FROM issued_links l WHERE l.token_prefix = 'cll_AbCdEfGh'`],
    ['issued_links_token_prefix_idx', `SELECT id FROM issued_links l WHERE l.token_prefix LIKE 'cll_AbC%'`],
    [
      'issued_links_revoked_issued_at_id_idx',
      'SELECT id FROM issued_links l WHERE l.revoked_at IS NOT NULL ORDER BY l.issued_at DESC, l.id DESC LIMIT 50',
    ],
    ['issued_links_revoked_issued_at_id_idx', 'SELECT count(*) FROM issued_links WHERE revoked_at IS NOT NULL'],
    [
      'issued_links_unrevoked_expires_at_idx',
      `SELECT id FROM issued_links l WHERE l.revoked_at IS NULL AND l.expires_at > now() AND l.issued_at > now() - interval '1 day'`,
    ],
    // The overview's links that expire within the current minute (LinkCountsRepository.countByState).
    [
      'issued_links_unrevoked_expires_at_idx',
      `SELECT count(*) FROM issued_links WHERE revoked_at IS NULL AND expires_at > now() AND expires_at < date_trunc('minute', now()) + interval '1 minute'`,
    ],
  ];

  it('has exactly the indexes that serve a query (a new one must name its query here and in its migration)', async () => {
    // The partitioned table's own indexes (each partition has its copy), and the token hash's,
    // which each partition has as its own (unique in the partition: PostgreSQL allows no unique
    // index on the whole table without issued_at).
    const rows = await t.prisma.$queryRawUnsafe<{ indexname: string }[]>(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'issued_links'
       UNION SELECT 'issued_links_token_hash_key' WHERE NOT EXISTS (
         SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'issued_links'::regclass AND NOT EXISTS (
            SELECT 1 FROM pg_index x WHERE x.indrelid = c.oid AND x.indisunique AND x.indexrelid::regclass::text = c.relname || '_token_hash_key'))
       ORDER BY indexname`,
    );
    expect(rows.map((row) => row.indexname)).toEqual([...new Set(SERVED.map(([index]) => index))].sort());
  });

  it('keeps links without a user or an integration out of those indexes', async () => {
    const rows = await t.prisma.$queryRawUnsafe<{ indexdef: string }[]>(
      `SELECT indexdef FROM pg_indexes WHERE indexname IN ('issued_links_user_id_issued_at_id_idx', 'issued_links_integration_id_issued_at_id_idx') ORDER BY indexname`,
    );
    expect(rows.map((row) => row.indexdef)).toEqual([
      expect.stringMatching(/WHERE \(integration_id IS NOT NULL\)$/),
      expect.stringMatching(/WHERE \(user_id IS NOT NULL\)$/),
    ]);
  });

  it('pages a bulk revocation by integration after its cursor within the integration index', async () => {
    // The marking job's batch (IssuedLinksRepository.markForRule): the cursor's row comparison is
    // an index condition of the integration's index, not a filter over every link after the cursor.
    const plan = await explain(
      `SELECT l.id, l.issued_at FROM issued_links l
        WHERE TRUE AND l.integration_id = '${id}'::uuid AND l.issued_at <= now()
          AND (l.issued_at, l.id) > ('${today}'::timestamptz, '${id}'::uuid)
        ORDER BY l.issued_at, l.id LIMIT 5000`,
    );
    expect(plan).toMatch(
      /Index (Only )?Scan using issued_links_(p\d{8}|default)_integration_id_issued_at_id_idx\b.*\n\s+Index Cond: \(\(integration_id = [^\n]*ROW\(issued_at, id\) > ROW\(/,
    );
    expect(plan).not.toMatch(/Filter: [^\n]*ROW\(issued_at, id\)/);
  });

  /** The query's plan, with sequential scans forbidden: on a near-empty table the planner would rightly scan it. */
  async function explain(query: string): Promise<string> {
    const plan = await t.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${query}`);
    });
    return plan.map((row) => row['QUERY PLAN']).join('\n');
  }

  it.each(SERVED)('%s serves %s', async (index, query) => {
    const plan = await explain(query);
    // Partitions name their copy of an index after themselves (issued_links_p20261207_pkey), or
    // after its columns when that name is taken (issued_links_p20261207_issued_at_id_idx1).
    const copies = await t.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass($1)`,
      index,
    );
    const ofPartition = [
      index.replace(/^issued_links_/, 'issued_links_(p\\d{8}|default)_'),
      ...copies.map((c) => c.name),
    ];
    expect(plan).toMatch(new RegExp(`(using|Bitmap Index Scan on) (${ofPartition.join('|')})\\b`));
  });
});
