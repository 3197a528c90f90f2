import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS_DIR, readMigrations } from '../../src/database/migrations/schema-engine';
import { openDatabase, type OpenDatabase } from '../../src/database/open-database';

/** The PostgreSQL server the tests use; CI and developer machines run one on 127.0.0.1. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB_ENV = 'CAMLINKS_TEMPLATE_DB';
/** A migrated embedded database, dumped once per run (a tar file), that each embedded test app loads into memory. */
export const PGLITE_TEMPLATE_ENV = 'CAMLINKS_PGLITE_TEMPLATE';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(purpose: string): string {
  return `camlinks_${purpose}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A fresh database for one test file, cloned from the migrated template (fast, and no truncating). */
export async function cloneTemplate(): Promise<string> {
  const template = process.env[TEMPLATE_DB_ENV];
  if (!template)
    throw new Error(`${TEMPLATE_DB_ENV} is not set: run the e2e tests through jest (test/support/global-setup.ts)`);
  const name = uniqueDatabaseName('test');
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

export interface EmptyDatabase {
  db: OpenDatabase;
  /** A connection of its own, for statements the test writes. */
  adapter: SqlDriverAdapter;
  /** A temporary folder of the test's own (migration folders), removed by close(). */
  tempDir: string;
  run(sql: string): Promise<number>;
  query<T extends unknown[] = unknown[]>(sql: string): Promise<T[]>;
  /**
   * The committed migrations before the one whose folder `migration` matches (`dir`), and those
   * up to it (`through`), as folders of the test's own: a migration test applies the first, writes
   * the data the migration meets, then applies the second (that migration alone, not the later
   * ones, which may need what it makes). `name` is that migration's folder.
   */
  migrationsBefore(migration: RegExp): Promise<{ name: string; dir: string; through: string }>;
  close(): Promise<void>;
}

/**
 * An empty, unmigrated database (a new PostgreSQL database, or an in-memory PGlite, by TEST_DB),
 * not the test template: for tests of the migrations themselves.
 */
export async function anEmptyDatabase(purpose: string): Promise<EmptyDatabase> {
  const tempDir = await mkdtemp(join(tmpdir(), `camlinks-${purpose}-`));
  const dbName = process.env.TEST_DB !== 'embedded' ? uniqueDatabaseName(purpose) : undefined;
  if (dbName) await adminQuery(`CREATE DATABASE "${dbName}"`);
  const db = await openDatabase(
    dbName ? { kind: 'postgres', url: databaseUrl(dbName), poolSize: 2 } : { kind: 'embedded', dataDir: 'memory://' },
  );
  const adapter = await db.factory.connect();
  return {
    db,
    adapter,
    tempDir,
    run: (sql) => adapter.executeRaw({ sql, args: [], argTypes: [] }),
    query: async <T extends unknown[]>(sql: string) =>
      (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows as T[],
    async migrationsBefore(migration) {
      const name = (await readMigrations()).migrationDirectories.find((m) => migration.test(m.path))!.path;
      // Folders are named by their time, so those that sort before it came before it.
      const upTo = async (folder: string, last: string) => {
        const dir = join(tempDir, folder);
        const migrationOf = (source: string) => relative(MIGRATIONS_DIR, source).split(sep)[0];
        const isLater = (source: string) => /^\d{14}_/.test(migrationOf(source)) && migrationOf(source) > last;
        await cp(MIGRATIONS_DIR, dir, { recursive: true, filter: (source) => !isLater(source) });
        return dir;
      };
      const dir = await upTo('before', name);
      await rm(join(dir, name), { recursive: true });
      return { name, dir, through: await upTo('through', name) };
    },
    async close() {
      await adapter.dispose();
      await db.close();
      if (dbName) await dropDatabase(dbName);
      await rm(tempDir, { recursive: true, force: true });
    },
  };
}
