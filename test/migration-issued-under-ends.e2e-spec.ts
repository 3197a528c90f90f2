import { applyMigrations } from '../src/database/migrations/schema-engine';
import { anEmptyDatabase, type EmptyDatabase } from './support/test-database';

const onPostgres = process.env.TEST_DB !== 'embedded';
const MIGRATION = /_issued_under_ends$/;
const ENDS = `SELECT scope, camera_uuid::text, stream_name, user_id::text, integration_id::text, token_id::text
                FROM issued_under_ends ORDER BY scope, camera_uuid, stream_name, user_id, token_id`;

const CAMERA = '00000000-0000-4000-8000-00000000000c';
const GONE_CAMERA = '00000000-0000-4000-8000-0000000000dc';
const USER = '00000000-0000-4000-8000-000000000001';
const INTEGRATION = '00000000-0000-4000-8000-00000000000a';
const TOKEN = '00000000-0000-4000-8000-0000000000a1';
const GONE_TOKEN = '00000000-0000-4000-8000-0000000000a2';

/**
 * The migration that records the ends of what links were issued under, on a database that
 * already has links: what has ended before it is found from the unexpired links, and from then
 * on the triggers record each end as it happens, and nothing else.
 */
describe(`the issued-under ends migration on existing data (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  let empty: EmptyDatabase;
  const run = (sql: string) => empty.run(sql);
  const query = (sql: string) => empty.query(sql);

  beforeAll(async () => {
    empty = await anEmptyDatabase('issuedunderends');
  });
  afterAll(() => empty?.close());

  it('records what ended for the unexpired links, then each end as its row changes', async () => {
    const { name: ends, dir: before, through } = await empty.migrationsBefore(MIGRATION);
    await applyMigrations(empty.db.factory, before);
    await run(
      `INSERT INTO media_servers (id, name, base_url, updated_at) VALUES (gen_random_uuid(), 'ms', 'https://ms', now())`,
    );
    await run(`INSERT INTO cameras (uuid, name, media_server_id, default_stream_type, updated_at)
               SELECT '${CAMERA}', 'gate', id, 'high', now() FROM media_servers`);
    await run(`INSERT INTO camera_streams (id, camera_uuid, media_server_id, type, name)
               SELECT gen_random_uuid(), uuid, media_server_id, 'high', 'gate-hd' FROM cameras`);
    await run(`INSERT INTO users (id, name, updated_at) VALUES ('${USER}', 'ann', now())`);
    await run(`INSERT INTO integrations (id, name, updated_at) VALUES ('${INTEGRATION}', 'billing', now())`);
    await run(`INSERT INTO integration_tokens (id, integration_id, token_hash, token_prefix, revoked_at)
               VALUES ('${TOKEN}', '${INTEGRATION}', 'h1', 'cli_1', now())`);
    const link = (camera: string, stream: string, expires: string, more = '') =>
      run(`INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at,
                                     camera_generation, integration_id, integration_token_id ${more ? ', revoked_at' : ''})
           SELECT gen_random_uuid(), md5(random()::text), 'cll_x', '${camera}', 'high', '${stream}', 'preview', 'jpg', 60, now(), ${expires},
                  COALESCE((SELECT generation FROM cameras WHERE uuid = '${camera}'), 0), '${INTEGRATION}', '${GONE_TOKEN}' ${more}`);
    // Unexpired: its camera is gone (and so its stream), and its token is gone.
    await link(GONE_CAMERA, 'old-hd', `now() + interval '1 hour'`);
    // Unexpired: its camera stands but its stream was renamed.
    await link(CAMERA, 'gate-old', `now() + interval '1 hour'`);
    // Expired or revoked: nothing of theirs counts.
    await link('00000000-0000-4000-8000-0000000000ee', 'x', `now() - interval '1 second'`);
    await link('00000000-0000-4000-8000-0000000000ef', 'y', `now() + interval '1 hour'`, `, now()`);

    expect(await applyMigrations(empty.db.factory, through)).toEqual([ends]);
    expect(await query(ENDS)).toEqual([
      ['camera', GONE_CAMERA, null, null, null, null],
      ['integration_token', null, null, null, INTEGRATION, GONE_TOKEN],
      ['stream', CAMERA, 'gate-old', null, null, null],
      ['stream', GONE_CAMERA, 'old-hd', null, null, null],
    ]);

    await run('DELETE FROM issued_under_ends');
    // Changes that end nothing: a name, blocking (the listing reads blocked cameras themselves),
    // a token's expiry, an unrevoked token revoked again.
    await run(`UPDATE cameras SET name = 'gate 2', blocked = true`);
    await run(`UPDATE camera_streams SET type = 'main'`);
    // Streams replaced by the same names in one transaction (an admin's update of a camera's streams).
    await run(`DO $$ BEGIN
                 DELETE FROM camera_streams;
                 INSERT INTO camera_streams (id, camera_uuid, media_server_id, type, name)
                   SELECT gen_random_uuid(), uuid, media_server_id, 'main', 'gate-hd' FROM cameras;
               END $$`);
    await run(`UPDATE integration_tokens SET expires_at = now(), revoked_at = now()`);
    await run(
      `INSERT INTO access_grants (id, user_id, camera_uuid) VALUES (gen_random_uuid(), '${USER}', '${CAMERA}')`,
    );
    await run(
      `INSERT INTO user_tokens (id, user_id, token_hash, token_prefix) VALUES ('${GONE_TOKEN}', '${USER}', 'h2', 'clu_1')`,
    );
    expect(await query(ENDS)).toEqual([]);

    // Each end, as it happens.
    await run(`UPDATE user_tokens SET revoked_at = now()`);
    await run(`UPDATE access_grants SET generation = generation + 1000`);
    await run(`UPDATE camera_streams SET name = 'gate-new'`);
    await run(`UPDATE cameras SET generation = generation + 1000`);
    await run(`DELETE FROM integration_tokens`);
    expect(await query(ENDS)).toEqual([
      ['camera', CAMERA, null, null, null, null],
      ['grant', CAMERA, null, USER, null, null],
      ['integration_token', null, null, null, INTEGRATION, TOKEN],
      ['stream', CAMERA, 'gate-hd', null, null, null],
      ['user_token', null, null, USER, null, GONE_TOKEN],
    ]);
    await run('DELETE FROM issued_under_ends');
    // A camera deleted takes its streams and grants with it: each ends.
    await run(`DELETE FROM cameras`);
    expect(await query(ENDS)).toEqual([
      ['camera', CAMERA, null, null, null, null],
      ['grant', CAMERA, null, USER, null, null],
      ['stream', CAMERA, 'gate-new', null, null, null],
    ]);
  });
});
