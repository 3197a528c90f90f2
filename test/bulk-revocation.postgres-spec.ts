import { Client } from 'pg';
import { aGateCamera, type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'bulk-revocation-admin-0123456789abcdef';
const COPIES = 12_000;

/**
 * A bulk revocation larger than REVOKE_AT_ONCE_MAX is a rule in force from its answer on, on
 * every instance, before its rows are marked; one instance then marks them in batches.
 */
describe('bulk revocation by a rule, marked in batches', () => {
  let dbName: string;
  let a: Instance;
  let b: Instance;
  let db: Client;
  let cameraUuid: string;
  let integrationToken: string;
  let links: { url: string; id: string }[];

  // Untyped on purpose: response shapes are asserted by the HTTP suites.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const body = async (response: Promise<Response>): Promise<any> => (await response).json();
  const post = (instance: Instance, path: string, sent: object, token = ADMIN) =>
    instance.call(path, { method: 'POST', body: JSON.stringify(sent) }, token);
  const get = (instance: Instance, path: string) => body(instance.call(path, {}, ADMIN));
  const issue = async () => {
    const [link] = await body(
      post(a, '/api/v1/cameras/preview', { cameras: [{ uuid: cameraUuid }], source: 'jpg' }, integrationToken),
    );
    return link.url as string;
  };

  beforeAll(async () => {
    dbName = await cloneTemplate();
    const env = { DATABASE_URL: databaseUrl(dbName), ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
    db = new Client({ connectionString: databaseUrl(dbName) });
    await db.connect();

    ({ cameraUuid, integrationToken } = await aGateCamera(a, ADMIN));
    const urls = [await issue(), await issue(), await issue()];
    const listed = await get(a, `/api/v1/admin/links?camera_uuid=${cameraUuid}`);
    links = urls.map((url) => ({
      url,
      id: listed.data.find((link: { token_prefix: string }) => url.includes(link.token_prefix)).id,
    }));
    const columns = (
      await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'issued_links' AND column_name NOT IN ('id', 'token_hash') ORDER BY ordinal_position`,
      )
    ).rows.map((row) => `"${row.column_name}"`);
    await db.query(
      `INSERT INTO issued_links (id, token_hash, ${columns.join(', ')})
       SELECT gen_random_uuid(), encode(sha256(convert_to('copy-' || i, 'UTF8')), 'hex'), ${columns.map((c) => `l.${c}`).join(', ')}
         FROM issued_links l, generate_series(1, $2::int) i WHERE l.id = $1`,
      [links[0].id, COPIES],
    );
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all([a?.stop(), b?.stop()]);
    if (dbName) await dropDatabase(dbName);
  });

  const cacheEntries = async (instance: Instance) => {
    const text = await (await fetch(`${instance.url}/metrics`)).text();
    return Number(/^camlinks_cache_entries (\d+)$/m.exec(text)![1]);
  };

  it('refuses every selected link on both instances from its 202 on, before the rows are marked; then marks them all', async () => {
    // Warm links of another camera: the rule does not select them, and no cache drops them.
    const camera = await get(a, `/api/v1/admin/cameras/${cameraUuid}`);
    const other = await body(
      post(a, '/api/v1/admin/cameras', {
        name: 'Dock',
        media_server_id: camera.media_server_id,
        streams: [{ type: 'high', name: 'dock-hd' }],
        default_stream_type: 'high',
      }),
    );
    const warm: string[] = [];
    for (let i = 0; i < 10; i++) {
      const [link] = await body(
        post(a, '/api/v1/cameras/preview', { cameras: [{ uuid: other.uuid }], source: 'jpg' }, integrationToken),
      );
      warm.push(link.url);
    }
    for (const instance of [a, b])
      for (const url of [...links.map((link) => link.url), ...warm]) expect(await instance.mediaAuth(url)).toBe(204);
    const entriesBefore = [await cacheEntries(a), await cacheEntries(b)];

    const linkNotifications: string[] = [];
    db.on('notification', ({ payload }) => payload?.includes('"issued_links"') && linkNotifications.push(payload));
    await db.query('LISTEN camlinks_changes');
    // Hold the real links' rows: the job cannot mark them until this transaction ends.
    await db.query('BEGIN');
    await db.query('SELECT id FROM issued_links WHERE id = ANY($1::uuid[]) FOR UPDATE', [links.map((l) => l.id)]);
    const response = await post(a, '/api/v1/admin/links/revoke', { camera_uuid: cameraUuid, reason: 'storm' });
    const answeredAt = Date.now();
    expect(response.status).toBe(202);
    const revocation = (await response.json()) as { id: string; revoked_at: string };
    expect(revocation).toMatchObject({ state: 'marking', marked: 0, camera_uuid: cameraUuid, reason: 'storm' });

    for (const link of links) expect(await a.mediaAuth(link.url)).toBe(403);
    for (const link of links) {
      let status = await b.mediaAuth(link.url);
      while (status !== 403 && Date.now() - answeredAt < 1000) status = await b.mediaAuth(link.url);
      expect(status).toBe(403);
    }
    // Not marked yet, and yet listed as revoked on both instances: the one status rule reads the rule.
    const unmarked = await new Client({ connectionString: databaseUrl(dbName) });
    await unmarked.connect();
    const { rows } = await unmarked.query('SELECT revoked_at FROM issued_links WHERE id = ANY($1::uuid[])', [
      links.map((l) => l.id),
    ]);
    await unmarked.end();
    expect(rows).toEqual(links.map(() => ({ revoked_at: null })));
    for (const instance of [a, b])
      expect((await get(instance, `/api/v1/admin/links/${links[0].id}`)).status).toBe('revoked');
    // A link issued after the revocation is not selected by it.
    const later = await issue();
    expect(await b.mediaAuth(later)).toBe(204);

    await db.query('COMMIT');
    let progress = await get(b, `/api/v1/admin/revocations/${revocation.id}`);
    const deadline = Date.now() + 30_000;
    while (progress.state !== 'done' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress = await get(b, `/api/v1/admin/revocations/${revocation.id}`);
    }
    expect(progress).toMatchObject({ state: 'done', marked: COPIES + links.length });
    const marked = await db.query<{ revoked_at: Date; revoked_by: string; revoked_reason: string; n: number }>(
      `SELECT revoked_at, revoked_by, revoked_reason, count(*)::int AS n FROM issued_links
        WHERE camera_uuid = $1 AND revoked_at IS NOT NULL GROUP BY 1, 2, 3`,
      [cameraUuid],
    );
    expect(marked.rows).toEqual([
      {
        revoked_at: new Date(revocation.revoked_at),
        revoked_by: 'bootstrap',
        revoked_reason: 'storm',
        n: COPIES + links.length,
      },
    ]);
    for (const instance of [a, b]) for (const link of links) expect(await instance.mediaAuth(link.url)).toBe(403);
    expect(await a.mediaAuth(later)).toBe(204);
    // Marking gave the rows the state the rule had given them: no batch emptied the caches.
    expect(linkNotifications).toEqual([]);
    // The rule and its end dropped only the states of the links it selects (read again above, as
    // refused): every other camera's warm link is still cached (emptied caches would hold ~5).
    expect(await b.mediaAuth(later)).toBe(204);
    const kept = async () => [(await cacheEntries(a)) - entriesBefore[0], (await cacheEntries(b)) - entriesBefore[1]];
    expect(Math.min(...(await kept()))).toBeGreaterThanOrEqual(0);
    for (const instance of [a, b]) for (const url of warm) expect(await instance.mediaAuth(url)).toBe(204);
    expect(Math.min(...(await kept()))).toBeGreaterThanOrEqual(0);

    const audit = await get(
      a,
      `/api/v1/admin/audit-events?action=${encodeURIComponent('POST /api/v1/admin/links/revoke')}`,
    );
    expect(audit.data.map((event: { details: object }) => event.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ revocation_id: revocation.id }),
        expect.objectContaining({ revocation_id: revocation.id, revoked: COPIES + links.length, finished: true }),
      ]),
    );
  });

  it('keeps refusing a selected link whose transaction commits after the marking is done', async () => {
    const camera = await body(
      post(a, '/api/v1/admin/cameras', {
        name: 'Gatehouse',
        media_server_id: (await get(a, `/api/v1/admin/cameras/${cameraUuid}`)).media_server_id,
        streams: [{ type: 'high', name: 'gatehouse-hd' }],
        default_stream_type: 'high',
      }),
    );
    const [late] = await body(
      post(a, '/api/v1/cameras/preview', { cameras: [{ uuid: camera.uuid }], source: 'jpg' }, integrationToken),
    );
    const [{ id: lateId }] = (await get(a, `/api/v1/admin/links?camera_uuid=${camera.uuid}`)).data;
    await db.query(
      `INSERT INTO issued_links SELECT (jsonb_populate_record(null::issued_links,
         to_jsonb(l) || jsonb_build_object('id', gen_random_uuid(), 'token_hash', md5('late-' || i) || md5(i::text)))).*
         FROM issued_links l, generate_series(1, 1100) i WHERE l.camera_uuid = $1`,
      [camera.uuid],
    );
    // The link issued before the revocation, its insert committed only after the marking is done
    // (a slow request; here its row is taken out meanwhile: an open insert would hold the
    // overview's counters the marking updates too).
    const { rows } = await db.query<{ row: object }>(
      'DELETE FROM issued_links WHERE id = $1 RETURNING row_to_json(issued_links) AS row',
      [lateId],
    );
    expect(rows).toHaveLength(1);
    const response = await post(a, '/api/v1/admin/links/revoke', { camera_uuid: camera.uuid });
    expect(response.status).toBe(202);
    const revocation = (await response.json()) as { id: string };
    let progress = await get(b, `/api/v1/admin/revocations/${revocation.id}`);
    for (const deadline = Date.now() + 30_000; progress.state !== 'done' && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress = await get(b, `/api/v1/admin/revocations/${revocation.id}`);
    }
    expect(progress).toMatchObject({ state: 'done', marked: 1100 });
    await db.query('INSERT INTO issued_links SELECT (json_populate_record(null::issued_links, $1::json)).*', [
      rows[0].row,
    ]);

    for (const instance of [a, b]) expect(await instance.mediaAuth(late.url)).toBe(403);
    const listed = await get(a, `/api/v1/admin/links?camera_uuid=${camera.uuid}&status=active`);
    expect(listed.data).toEqual([]);
  });

  it('revokes up to 1,000 links in the request itself (200 and the count)', async () => {
    const camera = await body(
      post(a, '/api/v1/admin/cameras', {
        name: 'Yard',
        media_server_id: (await get(a, `/api/v1/admin/cameras/${cameraUuid}`)).media_server_id,
        streams: [{ type: 'high', name: 'yard-hd' }],
        default_stream_type: 'high',
      }),
    );
    const [link] = await body(
      post(a, '/api/v1/cameras/preview', { cameras: [{ uuid: camera.uuid }], source: 'jpg' }, integrationToken),
    );
    const response = await post(a, '/api/v1/admin/links/revoke', { camera_uuid: camera.uuid });
    expect([response.status, await response.json()]).toEqual([200, { count: 1 }]);
    expect(await a.mediaAuth(link.url)).toBe(403);
  });
});
