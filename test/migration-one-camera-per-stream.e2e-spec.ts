import { applyMigrations } from '../src/database/migrations/schema-engine';
import { anEmptyDatabase, type EmptyDatabase } from './support/test-database';

const onPostgres = process.env.TEST_DB !== 'embedded';
const MIGRATION = /_one_camera_per_stream$/;
const SERVER = '33333333-3333-4333-8333-333333333333';
const OTHER_SERVER = '44444444-4444-4444-8444-444444444444';
const GATE = '11111111-1111-4111-8111-111111111111';
const ALIAS = '22222222-2222-4222-8222-222222222222';
const ELSEWHERE = '55555555-5555-4555-8555-555555555555';

/**
 * The migration that makes a stream name unique per media server, on a database that already
 * has an alias (issue 19.3): it names the cameras and the stream, keeps nothing, and goes
 * through once the alias is gone, as docs/PRODUCTION.md says.
 */
describe(`the one-camera-per-stream migration on existing data (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  let empty: EmptyDatabase;
  const run = (sql: string) => empty.run(sql);
  const query = (sql: string) => empty.query(sql);

  beforeAll(async () => {
    empty = await anEmptyDatabase('streams');
  });
  afterAll(() => empty?.close());

  it('refuses duplicates, naming cameras and stream; after the documented fix it applies, and the database enforces it', async () => {
    const { name: migration, dir: before, through } = await empty.migrationsBefore(MIGRATION);
    await applyMigrations(empty.db.factory, before);

    await run(
      `INSERT INTO media_servers (id, name, base_url, updated_at) VALUES ('${SERVER}', 'edge', 'http://m', now()), ('${OTHER_SERVER}', 'edge-2', 'http://n', now())`,
    );
    const camera = async (uuid: string, name: string, server: string, streams: [string, string][]) => {
      await run(
        `INSERT INTO cameras (uuid, name, media_server_id, default_stream_type, updated_at) VALUES ('${uuid}', '${name}', '${server}', 'high', now())`,
      );
      for (const [type, stream] of streams) {
        await run(
          `INSERT INTO camera_streams (id, camera_uuid, type, name) VALUES (gen_random_uuid(), '${uuid}', '${type}', '${stream}')`,
        );
      }
    };
    await camera(GATE, 'Gate', SERVER, [
      ['high', 'gate-hd'],
      ['low', 'gate-sd'],
    ]);
    await camera(ALIAS, 'Gate again', SERVER, [['high', 'GATE-hd']]);
    await camera(ELSEWHERE, 'Gate elsewhere', OTHER_SERVER, [['high', 'gate-hd']]); // another server: no duplicate

    await expect(applyMigrations(empty.db.factory, through)).rejects.toThrow(
      new RegExp(
        `One camera per stream: these cameras share a stream on one media server .*media server ${SERVER}, stream 'GATE-hd': cameras ${GATE} \\(Gate, high 'gate-hd'\\), ${ALIAS} \\(Gate again, high 'GATE-hd'\\)\\. .*docs/PRODUCTION\\.md`,
      ),
    );
    expect(
      await query(
        `SELECT count(*)::int FROM information_schema.columns WHERE table_name = 'camera_streams' AND column_name = 'name_key'`,
      ),
    ).toEqual([[0]]);

    // The fix of docs/PRODUCTION.md: give the alias a stream of its own, forget the failed attempt, migrate again.
    await run(`UPDATE camera_streams SET name = 'gate-2-hd' WHERE camera_uuid = '${ALIAS}'`);
    await run(`DELETE FROM _prisma_migrations WHERE migration_name = '${migration}' AND finished_at IS NULL`);
    expect(await applyMigrations(empty.db.factory, through)).toEqual([migration]);
    expect(
      await query(
        `SELECT camera_uuid::text, media_server_id::text, name_key FROM camera_streams ORDER BY camera_uuid, type`,
      ),
    ).toEqual([
      [GATE, SERVER, 'gate-hd'],
      [GATE, SERVER, 'gate-sd'],
      [ALIAS, SERVER, 'gate-2-hd'],
      [ELSEWHERE, OTHER_SERVER, 'gate-hd'],
    ]);
    // Enforced below the admin API: an alias written straight to the database, or brought by a move.
    await expect(
      run(
        `INSERT INTO camera_streams (id, camera_uuid, media_server_id, type, name) VALUES (gen_random_uuid(), '${ALIAS}', '${SERVER}', 'low', 'Gate-HD')`,
      ),
    ).rejects.toThrow();
    await expect(run(`UPDATE cameras SET media_server_id = '${SERVER}' WHERE uuid = '${ELSEWHERE}'`)).rejects.toThrow();
  });
});
