import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseTarget } from './database-target';

export interface OpenDatabase {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Releases what the factory holds open (pool or embedded instance). */
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    // One pool shared by the client and the migration engine, ended exactly once by close().
    // allowExitOnIdle: one-shot scripts (migrate, seed) end even if an error skips close().
    const pool = new Pool({ connectionString: target.url, max: target.poolSize, allowExitOnIdle: true });
    return { factory: new PrismaPg(pool), close: () => pool.end() };
  }
  const pglite = await openPGlite(target.dataDir);
  return { factory: new AwaitedScriptPGlite(pglite), close: () => pglite.close() };
}

async function openPGlite(dataDir: string): Promise<PGlite> {
  try {
    const db = new PGlite(dataDir === 'memory://' ? undefined : dataDir);
    await db.waitReady;
    return db;
  } catch (error) {
    throw new Error(
      `The embedded database in ${dataDir} could not be opened (${(error as Error).message}). ` +
        'It may have been written by another PGlite major version; this camlinks uses PGlite 0.5 ' +
        '(PostgreSQL 18 data). Move the directory aside to start fresh, or set DATABASE_URL.',
      { cause: error },
    );
  }
}

/**
 * pglite-prisma-adapter 0.7 fires `exec` in executeScript without awaiting it, so a failing
 * migration would be recorded as applied. This factory hands out adapters that await it.
 */
class AwaitedScriptPGlite extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect(): Promise<SqlDriverAdapter> {
    return this.awaitScripts(await super.connect(), this.pglite);
  }

  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = new PGlite();
    const adapter = await new PrismaPGlite(shadow).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return this.awaitScripts(adapter, shadow);
  }

  private awaitScripts(adapter: SqlDriverAdapter, db: PGlite): SqlDriverAdapter {
    const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await db.exec(script);
      } catch (error) {
        onError(error);
      }
    };
    return adapter;
  }
}
