import { applyMigrations } from '../src/database/migrations/schema-engine';
import { anEmptyDatabase, type EmptyDatabase } from './support/test-database';

const onPostgres = process.env.TEST_DB !== 'embedded';
const MIGRATION = /_link_lifecycle$/;

/**
 * The migration that gives links their generations, on a database that already has links: the
 * ones that can still open take the generations of their camera and grant, so they keep opening.
 */
describe(`the link generations migration on existing data (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  let empty: EmptyDatabase;
  const run = (sql: string) => empty.run(sql);
  const query = (sql: string) => empty.query(sql);

  beforeAll(async () => {
    empty = await anEmptyDatabase('generations');
  });
  afterAll(() => empty?.close());

  it('backfills the generations of links that can still open, and only those', async () => {
    const { name: lifecycle, dir: before, through } = await empty.migrationsBefore(MIGRATION);
    await applyMigrations(empty.db.factory, before);

    const camera = '11111111-1111-4111-8111-111111111111';
    const user = '22222222-2222-4222-8222-222222222222';
    await run(
      `INSERT INTO media_servers (id, name, base_url, updated_at) VALUES ('33333333-3333-4333-8333-333333333333', 'edge', 'http://m', now())`,
    );
    await run(`INSERT INTO cameras (uuid, name, media_server_id, default_stream_type, updated_at)
               VALUES ('${camera}', 'Gate', '33333333-3333-4333-8333-333333333333', 'high', now())`);
    await run(`INSERT INTO users (id, name, updated_at) VALUES ('${user}', 'ann', now())`);
    await run(
      `INSERT INTO access_grants (id, user_id, camera_uuid) VALUES (gen_random_uuid(), '${user}', '${camera}')`,
    );
    const link = (name: string, cameraUuid: string, userId: string | null, expires: string) =>
      run(`INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, stream_type, stream_name, kind, source, ttl, issued_at, expires_at, user_id)
           VALUES (gen_random_uuid(), '${name}', 'cll_x', '${cameraUuid}', 'high', 'gate-hd', 'preview', 'jpg', 60, now(), ${expires}, ${userId ? `'${userId}'` : 'NULL'})`);
    await link('live-user', camera, user, `now() + interval '1 hour'`);
    await link('live-integration', camera, null, `now() + interval '1 hour'`);
    await link('expired', camera, user, `now() - interval '1 hour'`);
    await link('camera-gone', '44444444-4444-4444-8444-444444444444', null, `now() + interval '1 hour'`);

    expect(await applyMigrations(empty.db.factory, through)).toEqual([lifecycle]);
    const [[cameraGeneration]] = await query(`SELECT generation FROM cameras`);
    const [[grantGeneration]] = await query(`SELECT generation FROM access_grants`);
    expect(
      await query(`SELECT token_hash, camera_generation, grant_generation FROM issued_links ORDER BY token_hash`),
    ).toEqual([
      ['camera-gone', 0, null],
      ['expired', 0, null],
      ['live-integration', cameraGeneration, null],
      ['live-user', cameraGeneration, grantGeneration],
    ]);
  });
});
