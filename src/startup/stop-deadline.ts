import { Logger } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/** What a stop may overrun SHUTDOWN_TIMEOUT_MS by before it is cut short (logging, closing the database). */
const GRACE_MS = 5_000;

/**
 * Nest's shutdown hooks end the process by re-sending the signal once they are done. While
 * they wait on unref'd timers only (a flush retrying on a database that is down), Node would
 * find nothing left to do and exit with code 0 first, before the counters were written. A
 * referenced timer from the signal on holds the process until the hooks finish, and ends a
 * stop that hangs past its deadline.
 */
export function holdUntilStopped(config: AppConfig): void {
  const hold = (signal: NodeJS.Signals) => {
    setTimeout(() => {
      new Logger('camlinks').error(
        `The stop on ${signal} took longer than SHUTDOWN_TIMEOUT_MS (${config.http.shutdownTimeoutMs} ms): exiting`,
      );
      process.exit(1);
    }, config.http.shutdownTimeoutMs + GRACE_MS);
  };
  // once: the signal Nest re-sends when it is done must find no listener, and end the process.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => hold(signal));
}
