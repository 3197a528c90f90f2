import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { Client, Pool } from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { DatabaseTarget } from '../config/database-target';
import { BoundedPool, endWithin, KEEPALIVE_MS } from './bounded-pool';
import { lockDataDir } from './data-dir-lock';

export type Unlisten = () => Promise<void>;

export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
}

/** A statement of a hot path, with the name it is prepared under (once per connection) on PostgreSQL. */
export interface NamedStatement {
  name: string;
  text: string;
}

/**
 * The hot paths' way to the database, around Prisma: its JavaScript runtime costs more CPU per
 * statement than the driver does (docs/BENCHMARKS.md). Parameters are bound, never spliced;
 * rows come back with the driver's types (timestamptz as Date, json parsed).
 */
export interface DirectSql {
  query<R>(statement: NamedStatement, values: unknown[]): Promise<R[]>;
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
      sql: { query: async (statement, values) => (await pool.query({ ...statement, values })).rows },
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
    // PGlite has one connection and prepares nothing by name; its query() is the extended protocol with bound parameters.
    sql: { query: async <R>(statement: NamedStatement, values: unknown[]) => (await pglite.query<R>(statement.text, values)).rows },
    listen: async (channel, onMessage) => pglite.listen(channel, onMessage),
    close: () => pglite.close(),
  };
}

/** What the listener's connection is called in pg_stat_activity (and how a test proxy recognises it). */
export const LISTENER_APPLICATION_NAME = 'camlinks-listener';
/** A connection attempt or LISTEN that takes longer has failed (and is retried). */
const LISTENER_CONNECT_TIMEOUT_MS = 5_000;
/** How long closing waits for the server to acknowledge; a connection nobody answers on is dropped. */
const LISTENER_CLOSE_GRACE_MS = 1_000;

/** What the leader's lock connection is called in pg_stat_activity. */
export const LOCK_APPLICATION_NAME = 'camlinks-leader';
/** How often the lock's connection proves it is alive: a dead one means the lock is gone too. */
const LOCK_KEEPALIVE_MS = 2_000;

/**
 * A connection of its own, outside the pool, that stays open while idle (TCP keepalive) and tells
 * `onLost` once when it drops; `close` ends it without telling.
 */
async function dedicatedConnection(url: string, applicationName: string, onLost: (error: Error) => void): Promise<{ client: Client; close: Unlisten }> {
  const client = new Client({
    connectionString: url,
    application_name: applicationName,
    keepAlive: true,
    // The heartbeat (DatabaseChanges) is what notices a dead listener within seconds; keepalive keeps it open.
    keepAliveInitialDelayMillis: KEEPALIVE_MS,
    connectionTimeoutMillis: LISTENER_CONNECT_TIMEOUT_MS,
    query_timeout: LISTENER_CONNECT_TIMEOUT_MS,
  });
  let closing = false;
  const close = async () => {
    closing = true;
    await endWithin(client, LISTENER_CLOSE_GRACE_MS);
  };
  const lost = (error: Error) => {
    if (closing) return;
    void close();
    onLost(error);
  };
  client.on('error', lost);
  client.on('end', () => lost(new Error('connection ended')));
  try {
    await client.connect();
  } catch (error) {
    await close(); // the caller retries; onLost must not schedule a second retry
    throw error;
  }
  return { client, close };
}

async function listenOnPostgres(url: string, channel: string, onMessage: (payload: string) => void, onLost: (error: Error) => void): Promise<Unlisten> {
  const { client, close } = await dedicatedConnection(url, LISTENER_APPLICATION_NAME, onLost);
  client.on('notification', (message) => message.channel === channel && onMessage(message.payload ?? ''));
  try {
    await client.query(`LISTEN "${channel}"`);
  } catch (error) {
    await close();
    throw error;
  }
  return close;
}

/**
 * One advisory lock, tried for on one connection kept between tries (an instance that waits for
 * the lock does not open a connection per try). The lock lives as long as that connection: when
 * the holder dies (even by SIGKILL) PostgreSQL ends it and releases the lock, so another
 * instance takes it at its next try.
 */
class AdvisoryLockOnPostgres {
  private connection?: Promise<{ client: Client; close: Unlisten }>;
  private keepalive?: NodeJS.Timeout;
  private held = false;

  constructor(
    private readonly url: string,
    private readonly key: number,
  ) {}

  async tryLock(onLost: (error: Error) => void): Promise<Unlisten | null> {
    // Told once, and only of a lock that was held: the connection's own error and a failed
    // keepalive may both report the one loss.
    const lose = (error: Error) => {
      clearInterval(this.keepalive);
      this.connection = undefined;
      if (this.held) onLost(error);
      this.held = false;
    };
    this.connection ??= dedicatedConnection(this.url, LOCK_APPLICATION_NAME, lose);
    const connection = this.connection;
    const { client, close } = await connection.catch((error: Error) => {
      this.connection = undefined;
      throw error;
    });
    const release = async () => {
      this.held = false;
      clearInterval(this.keepalive);
      if (this.connection === connection) this.connection = undefined;
      await close();
    };
    try {
      this.held = (await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1) AS held', [this.key])).rows[0].held;
    } catch (error) {
      await release();
      throw error;
    }
    if (!this.held) return null;
    this.keepalive = setInterval(() => {
      client.query('SELECT 1').catch((error: Error) => {
        lose(error);
        void release();
      });
    }, LOCK_KEEPALIVE_MS);
    this.keepalive.unref();
    return release;
  }

  /** Ends the connection, held or waiting (at shutdown: a waiting one would keep the process alive). */
  async close(): Promise<void> {
    this.held = false;
    clearInterval(this.keepalive);
    const connection = this.connection;
    this.connection = undefined;
    await (await connection?.catch(() => undefined))?.close();
  }
}

/**
 * PostgreSQL inside PGlite would take 160 MB of shared buffers, all of it resident: camlinks'
 * embedded database is small and its files sit in the OS page cache anyway. (Measured: RSS at
 * rest 296 → 187 MB for the database alone; docs/BENCHMARKS.md.)
 */
export const PGLITE_OPTIONS = { postgresqlconf: ['shared_buffers=16MB'] };

async function openPGlite(dataDir: string): Promise<PGlite> {
  try {
    if (dataDir !== 'memory://') {
      process.umask(0o077);
      if (!existsSync(join(dataDir, 'PG_VERSION'))) await createCluster(dataDir);
      await chmod(dataDir, 0o700);
    }
    const db = new PGlite(dataDir === 'memory://' ? undefined : dataDir, PGLITE_OPTIONS);
    await db.waitReady;
    if (dataDir !== 'memory://') await ownerOnly(dataDir);
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
 * A new data folder is created (initdb) in a short-lived child process: PGlite 0.5 keeps the
 * ~450 MB of WebAssembly memory its initdb used alive in the process that ran it, which made
 * the first start of camlinks hold ~900 MB at its peak and ~470 MB at rest.
 */
async function createCluster(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const script = `process.umask(0o077);
const { PGlite } = require(${JSON.stringify(require.resolve('@electric-sql/pglite'))});
const db = new PGlite(process.argv[1], ${JSON.stringify(PGLITE_OPTIONS)});
db.waitReady.then(() => db.close()).catch((error) => { console.error(error.message); process.exit(1); });`;
  await promisify(execFile)(process.execPath, ['-e', script, dataDir]).catch((error: Error & { stderr?: string }) => {
    throw new Error(`initdb failed: ${error.stderr?.trim() || error.message}`, { cause: error });
  });
}

/**
 * The data folder is 0700 (with the umask at 077) before PGlite opens it, and its files are made
 * 0600 once it is open: PGlite's file system sets the modes of what it writes itself (a new
 * cluster's files 0666, the relation cache 0644) whatever the umask, and folders made by older
 * versions of camlinks are world-readable. A few ms at each start.
 */
async function ownerOnly(dataDir: string): Promise<void> {
  for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
    await chmod(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o700 : 0o600);
  }
}

/**
 * Migration scripts must run as one unit. The stock adapters fall short: adapter-pg splits a
 * script at every `;` (breaking `$$` function bodies) and pglite-prisma-adapter 0.7 does not
 * await it (a failing migration would be recorded as applied). Sent whole, over the simple
 * query protocol, a script runs in one implicit transaction: all of it or none.
 */
function runScriptsWhole<T extends SqlDriverAdapter>(adapter: T, run: (script: string) => Promise<unknown>): T {
  const onError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      onError(error);
    }
  };
  return adapter;
}

class WholeScriptPg extends PrismaPg {
  constructor(private readonly pool: Pool) {
    super(pool);
  }

  override async connect() {
    return runScriptsWhole(await super.connect(), (script) => this.pool.query(script));
  }
}

class WholeScriptPGlite extends PrismaPGlite {
  constructor(private readonly pglite: PGlite) {
    super(pglite);
  }

  override async connect(): Promise<SqlDriverAdapter> {
    return runScriptsWhole(await super.connect(), (script) => this.pglite.exec(script));
  }

  override async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadow = new PGlite();
    const adapter = await new PrismaPGlite(shadow).connect();
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await shadow.close();
    };
    return runScriptsWhole(adapter, (script) => shadow.exec(script));
  }
}
