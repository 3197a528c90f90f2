import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Pool } from 'pg';
import type { DatabaseTarget } from '../config/database-target';
import { BoundedPool } from './bounded-pool';
import { AdvisoryLockOnPostgres, listenOnPostgres, type Unlisten } from './change-listener-connection';
import { lockDataDir } from './data-dir-lock';
import { type DirectSql, directSqlOnPGlite, directSqlOnPool } from './direct-sql';
import { openPGlite } from './embedded-database';
import { WholeScriptPg, WholeScriptPGlite } from './migration-adapters';

export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
}

export interface OpenDatabase {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The same database as `factory`, through the driver itself (the pool, or the PGlite instance). */
  sql: DirectSql;
  /**
   * LISTENs on a channel. On PostgreSQL this holds a connection of its own; `onLost` fires
   * if it drops, after which the caller listens again.
   */
  listen(channel: string, onMessage: (payload: string) => void, onLost: (error: Error) => void): Promise<Unlisten>;
  /**
   * Notifies a channel over the pool, so that a listener can prove it still hears it. Only on
   * PostgreSQL: the embedded database delivers notifications inside the process, where nothing
   * can silently stop them.
   */
  notify?(channel: string, payload: string): Promise<void>;
  /**
   * Takes a session-level advisory lock on a connection of its own, kept alive (PostgreSQL only:
   * on the embedded database there is one process, which always holds it). Resolves to its
   * release when taken, null when another connection holds it (the connection stays open for the
   * next try); `onLost` fires when the connection, and with it the lock, is gone.
   */
  tryAdvisoryLock?(key: number, onLost: (error: Error) => void): Promise<Unlisten | null>;
  /** Releases what the factory holds open (pool or embedded instance). */
  close(): Promise<void>;
  /** How busy the connection pool is, for metrics; only PostgreSQL has a pool. */
  poolState?(): PoolState;
}

export async function openDatabase(target: DatabaseTarget): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    // One pool shared by the client and the migration engine, ended exactly once by close().
    // allowExitOnIdle: one-shot scripts (migrate, seed) end even if an error skips close().
    const config = { connectionString: target.url, max: target.poolSize, allowExitOnIdle: true };
    const pool = target.timeouts ? new BoundedPool(config, target.timeouts) : new Pool(config);
    // An idle connection dropped by the server (restart, failover, terminate) must not crash
    // the process: the pool discards it and the next query opens a new one. Prisma's own
    // listener goes away with $disconnect, so this one stays for the pool's whole life.
    pool.on('error', () => undefined);
    const locks: Record<number, AdvisoryLockOnPostgres> = {};
    return {
      factory: new WholeScriptPg(pool),
      sql: directSqlOnPool(pool),
      listen: (...args) => listenOnPostgres(target.url, ...args),
      tryAdvisoryLock: (key, onLost) => {
        const lock = (locks[key] ??= new AdvisoryLockOnPostgres(target.url, key));
        return lock.tryLock(onLost);
      },
      notify: async (channel, payload) => void (await pool.query('SELECT pg_notify($1, $2)', [channel, payload])),
      close: async () => {
        await Promise.all(Object.values(locks).map((lock) => lock.close()));
        await pool.end();
      },
      poolState: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    };
  }
  if (target.dataDir === 'memory://') return embeddedDatabase(await openPGlite(target.dataDir));
  const unlock = await lockDataDir(target.dataDir);
  let pglite: PGlite;
  try {
    pglite = await openPGlite(target.dataDir);
  } catch (error) {
    await unlock();
    throw error;
  }
  const database = embeddedDatabase(pglite);
  return { ...database, close: () => database.close().finally(unlock) };
}

/** An open PGlite as camlinks uses it (the tests open theirs from a migrated template). */
export function embeddedDatabase(pglite: PGlite): OpenDatabase {
  return {
    factory: new WholeScriptPGlite(pglite),
    sql: directSqlOnPGlite(pglite),
    listen: async (channel, onMessage) => pglite.listen(channel, onMessage),
    close: () => pglite.close(),
  };
}
