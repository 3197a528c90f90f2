import { Client } from 'pg';
import { aGateCamera, type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'keyed-invalidation-admin-0123456789abcdef';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const NOTIFY_LIMIT = 8000;
const WARM = 20;

/**
 * A revocation names the links it revoked (prisma/migrations/*_keyed_link_invalidation), and every
 * instance drops only their cached states; a revocation too large to name empties the caches,
 * with a payload under NOTIFY's limit whatever its size.
 */
describe('keyed invalidation of link states', () => {
  let dbName: string;
  let a: Instance;
  let b: Instance;
  let db: Client;
  let cameraUuid: string;
  let links: { url: string; id: string }[];
  const notifications: string[] = [];

  // Untyped on purpose: response shapes are asserted by the HTTP suites.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = async (response: Promise<Response>): Promise<any> => (await response).json();
  const post = (instance: Instance, path: string, sent: object, token = ADMIN) =>
    instance.call(path, { method: 'POST', body: JSON.stringify(sent) }, token);
  const cacheEntries = async (instance: Instance) => {
    const text = await (await fetch(`${instance.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('camlinks_cache_entries '));
    return Number(line!.split(' ')[1]);
  };
  /** The change notifications of issued_links that `statement` sends (heard on the same connection's commit). */
  const notifiedBy = async (statement: string, values: unknown[] = []) => {
    notifications.length = 0;
    await db.query(statement, values);
    await db.query('SELECT 1'); // notifications of the committed statement arrive before this answer
    return notifications.map((payload) => JSON.parse(payload) as { table: string; keys?: string[] });
  };

  beforeAll(async () => {
    dbName = await cloneTemplate();
    const env = { DATABASE_URL: databaseUrl(dbName), ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    db = new Client({ connectionString: databaseUrl(dbName) });
    await db.connect();
    db.on('notification', (message) => {
      // Only link revocations: heartbeats and the instances' own writes (viewing sessions) say nothing here.
      if (message.payload && (JSON.parse(message.payload) as { table?: string }).table === 'issued_links')
        notifications.push(message.payload);
    });
    await db.query('LISTEN camlinks_changes');

    const gate = await aGateCamera(a, ADMIN);
    cameraUuid = gate.cameraUuid;
    const issued: string[] = [];
    for (let i = 0; i < WARM; i++) {
      const [link] = await body(
        post(a, '/api/v1/cameras/preview', { cameras: [{ uuid: cameraUuid }], source: 'jpg' }, gate.integrationToken),
      );
      issued.push(link.url);
    }
    const listed = await body(a.call(`/api/v1/admin/links?camera_uuid=${cameraUuid}&limit=100`, {}, ADMIN));
    const idByPrefix = new Map<string, string>(
      listed.data.map((link: { id: string; token_prefix: string }) => [link.token_prefix, link.id]),
    );
    links = issued.map((url) => {
      const token = /cll_[A-Za-z0-9_-]+/.exec(url)![0];
      const id = [...idByPrefix].find(([prefix]) => token.startsWith(prefix))![1];
      return { url, id };
    });
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    if (dbName) await dropDatabase(dbName);
  });

  it('a single revocation keeps every other warm entry on both instances; the revoked link is refused at once', async () => {
    for (const instance of [a, b]) for (const link of links) expect(await instance.mediaAuth(link.url)).toBe(204);
    const before = [await cacheEntries(a), await cacheEntries(b)];
    expect(before[1]).toBeGreaterThanOrEqual(WARM);

    const [revoked, ...others] = links;
    const revokedAt = Date.now();
    expect((await post(a, `/api/v1/admin/links/${revoked.id}/revoke`, { reason: 'keyed' })).status).toBe(200);
    expect(await a.mediaAuth(revoked.url)).toBe(403); // this instance forgot it before answering
    let status = await b.mediaAuth(revoked.url);
    while (status !== 403 && Date.now() - revokedAt < 1000) status = await b.mediaAuth(revoked.url);
    expect(status).toBe(403);

    // The revoked link's state is back (as revoked); nothing else was dropped.
    expect([await cacheEntries(a), await cacheEntries(b)]).toEqual(before);
    for (const instance of [a, b]) for (const link of others) expect(await instance.mediaAuth(link.url)).toBe(204);
    expect([await cacheEntries(a), await cacheEntries(b)]).toEqual(before);
  });

  it('names the token hashes of up to 100 revoked links, and only of links whose revocation changed', async () => {
    const [one] = await notifiedBy(`UPDATE issued_links SET revoked_at = now() WHERE id = $1 RETURNING token_hash`, [
      links[1].id,
    ]);
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM issued_links WHERE id = $1', [
      links[1].id,
    ]);
    expect(one).toMatchObject({ table: 'issued_links', keys: [rows[0].token_hash] });
    // Usage counters and an update that revokes nothing new notify nothing.
    expect(
      await notifiedBy('UPDATE issued_links SET use_count = use_count + 1 WHERE camera_uuid = $1', [cameraUuid]),
    ).toEqual([]);
    expect(
      await notifiedBy('UPDATE issued_links SET revoked_at = revoked_at WHERE camera_uuid = $1', [cameraUuid]),
    ).toEqual([]);
  });

  /** `count` copies of a warm link's row under new token hashes (`label` and a number), revocable by that label. */
  const copies = async (label: string, count: number) => {
    const columns = (
      await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'issued_links' AND column_name NOT IN ('id', 'token_hash') ORDER BY ordinal_position`,
      )
    ).rows.map((row) => `"${row.column_name}"`);
    await db.query(
      `INSERT INTO issued_links (id, token_hash, ${columns.join(', ')})
       SELECT gen_random_uuid(), encode(sha256(convert_to($2 || i, 'UTF8')), 'hex'), ${columns.map((c) => `l.${c}`).join(', ')}
         FROM issued_links l, generate_series(1, $3::int) i WHERE l.id = $1`,
      [links[2].id, label, count],
    );
  };
  const revokeCopies = (label: string) =>
    notifiedBy(
      `UPDATE issued_links SET revoked_at = now(), revoked_reason = $1
        WHERE token_hash IN (SELECT encode(sha256(convert_to($1 || i, 'UTF8')), 'hex') FROM generate_series(1, 10000) i)`,
      [label],
    );

  it('a revocation of 100 links names them all, of 101 or 10,000 names none, each under the payload limit', async () => {
    for (const [label, count] of [
      ['hundred-', 100],
      ['hundred-one-', 101],
      ['ten-thousand-', 10_000],
    ] as const) {
      await copies(label, count);
      const [change, ...more] = await revokeCopies(label);
      expect(more).toEqual([]);
      expect(change.table).toBe('issued_links');
      expect(change.keys?.length).toBe(count === 100 ? 100 : undefined);
      expect(Buffer.byteLength(notifications[0])).toBeLessThan(NOTIFY_LIMIT);
    }
    const { rows } = await db.query<{ revoked: number }>(
      `SELECT count(*)::int AS revoked FROM issued_links WHERE revoked_reason = 'ten-thousand-' AND revoked_at IS NOT NULL`,
    );
    expect(rows[0].revoked).toBe(10_000);
  });

  it('a revocation too large to name empties the link states of both instances', async () => {
    const warm = links.slice(3);
    for (const instance of [a, b]) for (const link of warm) expect(await instance.mediaAuth(link.url)).toBe(204);
    expect(await cacheEntries(b)).toBeGreaterThanOrEqual(warm.length);
    await copies('large-', 200);
    const changedAt = Date.now();
    await revokeCopies('large-');
    for (const instance of [a, b]) {
      let entries = await cacheEntries(instance);
      while (entries >= warm.length && Date.now() - changedAt < 1000) entries = await cacheEntries(instance);
      expect(entries).toBeLessThan(warm.length);
    }
  });
});
