import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from '../src/database/migrations/schema-engine';
import { anEmptyDatabase, type EmptyDatabase } from './support/test-database';

const onPostgres = process.env.TEST_DB !== 'embedded';
const FUNCTION_MIGRATION = {
  '99990101000000_function':
    'CREATE FUNCTION "test_answer"() RETURNS int AS $$\nBEGIN\n  RETURN 42;\nEND\n$$ LANGUAGE plpgsql;\n',
};

/**
 * One database migrated over time, as `npm run db:migrate` (PostgreSQL) or start-up (embedded)
 * would: a fresh, empty one, not the test template, so the first run applies everything.
 */
describe(`applyMigrations (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  let empty: EmptyDatabase;

  /** The committed migrations plus `extra` ones, as a migrations folder of its own. */
  async function migrationsWith(extra: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(empty.tempDir, 'migrations-'));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    for (const [name, sql] of Object.entries(extra)) {
      await mkdir(join(dir, name));
      await writeFile(join(dir, name, 'migration.sql'), sql);
    }
    return dir;
  }

  const query = <T extends unknown[]>(sql: string) => empty.query<T>(sql);

  const migrationRows = () =>
    query<[string, boolean]>(
      'SELECT migration_name, finished_at IS NOT NULL FROM _prisma_migrations ORDER BY migration_name',
    );

  beforeAll(async () => {
    empty = await anEmptyDatabase('migrations');
  });
  afterAll(() => empty?.close());

  it('applies every committed migration and records each as finished', async () => {
    const committed = (await readMigrations()).migrationDirectories.map((migration) => migration.path);
    expect(committed.length).toBeGreaterThan(0);
    expect(await applyMigrations(empty.db.factory)).toEqual(committed);
    expect(await migrationRows()).toEqual(committed.map((name) => [name, true]));
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(empty.db.factory)).toEqual([]);
  });

  it('sends a migration whole, so a function body may contain `;`', async () => {
    const dir = await migrationsWith(FUNCTION_MIGRATION);
    expect(await applyMigrations(empty.db.factory, dir)).toEqual(['99990101000000_function']);
    expect(await query('SELECT "test_answer"()')).toEqual([[42]]);
  });

  // pglite-prisma-adapter 0.7 did not await scripts: this migration used to be recorded as applied.
  it('rejects a broken migration, keeps none of it and does not record it as applied', async () => {
    const dir = await migrationsWith({
      ...FUNCTION_MIGRATION,
      '99990101000001_broken': 'CREATE TABLE "half_done" ("id" int);\nINSERT INTO "no_such_table" VALUES (1);\n',
    });
    await expect(applyMigrations(empty.db.factory, dir)).rejects.toThrow(/no_such_table/);
    expect(await migrationRows()).toContainEqual(['99990101000001_broken', false]);
    expect(await query(`SELECT to_regclass('half_done') IS NULL`)).toEqual([[true]]);
  });
});
