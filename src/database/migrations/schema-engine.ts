import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';

/**
 * Prisma's own migration engine, compiled to WebAssembly. The Prisma CLI would download a
 * native engine at every start, which this project must not depend on; the WASM build keeps
 * the same `_prisma_migrations` bookkeeping as `prisma migrate deploy`.
 */
export const PRISMA_DIR = join(__dirname, '..', '..', '..', 'prisma');
export const SCHEMA_PATH = join(PRISMA_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = join(PRISMA_DIR, 'migrations');
const LOCKFILE = 'migration_lock.toml';
const NO_FILTERS = { externalTables: [], externalEnums: [] };
/** What the engine writes, instead of nothing, when there is nothing to migrate. */
const EMPTY_DIFF = '-- This is an empty migration.';

// lib.dom is not loaded (this is a server), so the one WebAssembly call used is typed here.
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WasmApi };

type Glue = typeof import('@prisma/schema-engine-wasm/schema_engine_bg') & Record<string, unknown>;
let gluePromise: Promise<Glue> | undefined;

/** Instantiates the WASM module once per process, without --experimental-wasm-modules. */
function loadGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS glue file loaded by path, not an ES module
    const glue = require('@prisma/schema-engine-wasm/schema_engine_bg') as Glue;
    const wasmPath = join(
      dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
      'schema_engine_bg.wasm',
    );
    const imports: Record<string, unknown> = { ...glue };
    // The engine arms timers (a 10 s idle timeout) that would keep one-shot scripts alive.
    for (const name of Object.keys(glue).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
      const arm = glue[name] as (...args: unknown[]) => NodeJS.Timeout;
      imports[name] = (...args: unknown[]) => arm(...args).unref();
    }
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { './schema_engine_bg.js': imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return gluePromise;
}

/**
 * Lets go of the engine: a server that migrated at start has no more use for it, and its
 * WebAssembly instance would otherwise stay in memory for the life of the process.
 */
export function releaseEngine(): void {
  gluePromise = undefined;
  delete require.cache[require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')];
}

/** The migrations in `dir` that `applied` (the names recorded in _prisma_migrations) lacks. */
export async function pendingMigrations(applied: string[], dir = MIGRATIONS_DIR): Promise<string[]> {
  const { migrationDirectories } = await readMigrations(dir);
  return migrationDirectories.map((migration) => migration.path).filter((name) => !applied.includes(name));
}

async function withEngine<T>(
  factory: SqlMigrationAwareDriverAdapterFactory,
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const glue = await loadGlue();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await glue.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

/** Reads prisma/migrations the way the Prisma CLI does: one folder per migration, in name order. */
export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockfile = await readFile(join(dir, LOCKFILE), 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: lockfile },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      folders.map(async (folder) => ({
        path: folder,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok' as const, value: await readFile(join(dir, folder, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

/** Applies pending migrations; returns the names applied. Fails, and records nothing, on a broken one. */
export function applyMigrations(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir = MIGRATIONS_DIR,
): Promise<string[]> {
  return withEngine(factory, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await readMigrations(dir),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  });
}

/**
 * SQL that takes a database migrated with `dir` to the current schema.prisma; empty when they
 * agree. The factory must be able to replay migrations in a shadow database (PGlite can).
 */
export function diffMigrationsToSchema(
  factory: SqlMigrationAwareDriverAdapterFactory,
  dir = MIGRATIONS_DIR,
): Promise<string> {
  return withEngine(factory, async (engine) => {
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrations(dir)) },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    const sql = result.stdout ?? '';
    return sql.trim() === EMPTY_DIFF ? '' : sql;
  });
}

export const LOCKFILE_CONTENT =
  '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n';
export const LOCKFILE_NAME = LOCKFILE;
