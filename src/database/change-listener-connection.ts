import { Client } from 'pg';
import { endWithin, KEEPALIVE_MS } from './bounded-pool';

export type Unlisten = () => Promise<void>;

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
async function dedicatedConnection(
  url: string,
  applicationName: string,
  onLost: (error: Error) => void,
): Promise<{ client: Client; close: Unlisten }> {
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

export async function listenOnPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onLost: (error: Error) => void,
): Promise<Unlisten> {
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
export class AdvisoryLockOnPostgres {
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
      this.held = (
        await client.query<{ held: boolean }>('SELECT pg_try_advisory_lock($1) AS held', [this.key])
      ).rows[0].held;
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
