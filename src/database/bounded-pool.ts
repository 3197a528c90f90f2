import { Logger } from '@nestjs/common';
import { Client, type ClientConfig, Pool, type PoolClient, type PoolConfig } from 'pg';
import type { PoolTimeouts } from '../config/database-target';

/**
 * TCP keepalive after this much silence, on every connection: the operating system's default
 * (2 hours) would let a middlebox forget an idle connection long before the first probe.
 */
export const KEEPALIVE_MS = 10_000;
/**
 * A statement not answered this long after the server should have cancelled it means the server
 * is not answering at all (stalled, frozen, blackholed): its connection is dropped.
 */
const ANSWER_GRACE_MS = 500;
/** While the circuit is open, how often a fresh connection tries `SELECT 1`. */
const PROBE_INTERVAL_MS = 250;

/**
 * What a caller gets when PostgreSQL does not answer in time, or the circuit is open: shaped as a
 * socket timeout, which Prisma's adapter reports as `SocketTimeout` and the global filter as 503.
 */
export function notAnswering(message: string): Error {
  return Object.assign(new Error(message), { code: 'ETIMEDOUT', syscall: 'read', errno: -110 });
}

/**
 * Open while PostgreSQL is not answering: new work fails at once instead of queueing behind
 * connections nobody answers on, and work already waiting for a connection is released. A
 * fresh connection probes every PROBE_INTERVAL_MS; the first answer closes the circuit.
 */
export class PoolCircuit {
  private readonly logger = new Logger('DatabasePool');
  private reason?: Error;
  private readonly waiters = new Set<(error: Error) => void>();
  private stopped = false;

  constructor(private readonly probe: () => Promise<void>) {}

  /** The error new work fails with while the circuit is open. */
  get openError(): Error | undefined {
    return this.reason;
  }

  /** Calls `release` if the circuit opens before the returned function is called. */
  whileWaiting(release: (error: Error) => void): () => boolean {
    this.waiters.add(release);
    return () => this.waiters.delete(release);
  }

  trip(cause: Error): void {
    if (this.reason || this.stopped) return;
    const reason = notAnswering(`The database is not answering (${cause.message}).`);
    this.reason = reason;
    for (const release of this.waiters) release(reason);
    this.waiters.clear();
    this.logger.warn(`Circuit open: ${cause.message}; new work fails at once until PostgreSQL answers`);
    void this.probeUntilAnswered();
  }

  stop(): void {
    this.stopped = true;
  }

  private async probeUntilAnswered(): Promise<void> {
    while (!this.stopped) {
      if (
        await this.probe().then(
          () => true,
          () => false,
        )
      ) {
        this.reason = undefined;
        this.logger.log('Circuit closed: PostgreSQL answers again');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS).unref());
    }
  }
}

/** Ends a client, dropping its socket if the server does not acknowledge within `graceMs`. */
export async function endWithin(client: Client, graceMs: number): Promise<void> {
  const drop = setTimeout(() => client.connection.stream.destroy(), graceMs);
  await client.end().catch(() => undefined);
  clearTimeout(drop);
}

/** Errors of getting a connection that say the server is not there or not answering. */
function isUnanswered(error: Error): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'ETIMEDOUT' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    /connection timeout|Connection terminated/i.test(error.message)
  );
}

/**
 * The pool every query of camlinks goes through on PostgreSQL (Prisma's and DirectSql's): each
 * wait is bounded. A new connection takes at most `connectMs`; the server cancels a statement
 * after `statementMs`; a statement still unanswered `ANSWER_GRACE_MS` later loses its
 * connection (the server is gone) and opens the circuit, which also releases the work waiting
 * for a connection. Connections have TCP keepalive.
 */
export class BoundedPool extends Pool {
  readonly circuit: PoolCircuit;

  constructor(config: PoolConfig & { connectionString: string }, timeouts: PoolTimeouts) {
    const circuit = new PoolCircuit(() => probe(config.connectionString, timeouts));
    super({
      ...config,
      Client: boundedClient(timeouts, (error) => circuit.trip(error)),
      statement_timeout: timeouts.statementMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: KEEPALIVE_MS,
    });
    this.circuit = circuit;
  }

  override connect(): Promise<PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<PoolClient> | void {
    const acquired = this.acquire();
    if (!callback) return acquired;
    acquired.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  override async end(): Promise<void> {
    this.circuit.stop();
    await super.end();
  }

  private acquire(): Promise<PoolClient> {
    const open = this.circuit.openError;
    if (open) return Promise.reject(open);
    return new Promise((resolve, reject) => {
      const stopWaiting = this.circuit.whileWaiting(reject);
      super.connect().then(
        // Released by the circuit meanwhile: the connection goes back to the pool.
        (client) => (stopWaiting() ? resolve(client) : client.release()),
        (error: Error) => {
          if (!stopWaiting()) return;
          if (isUnanswered(error)) this.circuit.trip(error);
          // A bare pg error ("Connection terminated due to connection timeout") would be a 500 through Prisma.
          reject((error as { code?: string }).code ? error : notAnswering(error.message));
        },
      );
    });
  }
}

type Callback = (...results: unknown[]) => void;

/**
 * pg's own query_timeout gives up on a statement but keeps its connection, which stays stuck
 * behind it: here the connection is destroyed, failing the statement (and any queued behind it)
 * with a socket timeout, and the pool replaces it.
 */
function boundedClient(timeouts: PoolTimeouts, onUnanswered: (error: Error) => void): typeof Client {
  const answerMs = timeouts.statementMs + ANSWER_GRACE_MS;
  return class BoundedClient extends Client {
    // Here rather than on the pool, where it would also bound the wait for a free connection:
    // a healthy database under a burst may keep the pool busy longer, and the circuit releases
    // those waiting as soon as it opens.
    constructor(config: ClientConfig) {
      super({ ...config, connectionTimeoutMillis: timeouts.connectMs });
      // pg hears a connection's errors only while it is idle in the pool: one that PostgreSQL
      // ends while a holder has it (a restart during a transaction) would emit an unheard
      // 'error' and end the process. The holder learns of it from its next statement, and the
      // pool drops the dead connection when it comes back.
      this.on('error', () => undefined);
    }

    /**
     * Connects with JIT off, before the pool hands the connection out. PostgreSQL does not
     * interrupt a JIT compilation, so a plan estimated costly enough to compile ran past the
     * statement timeout: a link-state lookup by 1,000 ids over every partition spent 5.2 s
     * compiling (23 ms without), and opened the circuit. camlinks' statements are short index
     * reads and writes. A SET, not a startup option, which DATABASE_URL's own would replace.
     */
    override connect(...args: unknown[]): never {
      const ready = (super.connect() as unknown as Promise<unknown>).then(
        () => this.query('SET jit = off') as Promise<unknown>,
      );
      const callback = args[0] as Callback | undefined;
      if (!callback) return ready.then(() => this) as never;
      ready.then(
        () => callback(null, this),
        (error: unknown) => callback(error),
      );
      return undefined as never;
    }

    // pg's overloads (promise, callback, submittable) are kept as they are: only timed.
    override query(...args: unknown[]): never {
      const timer = setTimeout(() => {
        const error = notAnswering(`no answer within ${answerMs} ms`);
        onUnanswered(error);
        this.connection.stream.destroy(error);
      }, answerMs);
      const stop = () => clearTimeout(timer);
      const at = args.findIndex((arg) => typeof arg === 'function');
      if (at >= 0) {
        const callback = args[at] as Callback;
        args[at] = (...results: unknown[]) => {
          stop();
          callback(...results);
        };
      }
      const result = (super.query as (...a: unknown[]) => unknown)(...args);
      if (result instanceof Promise) result.then(stop, stop);
      else if (at < 0) stop(); // a submittable (a cursor, a stream): not bounded here
      return result as never;
    }
  } as typeof Client;
}

/** One fresh connection's `SELECT 1`, bounded like the pool's. */
async function probe(connectionString: string, timeouts: PoolTimeouts): Promise<void> {
  const config: ClientConfig = {
    connectionString,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.statementMs,
  };
  const client = new Client(config);
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await endWithin(client, timeouts.connectMs);
  }
}
