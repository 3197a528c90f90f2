import { createServer } from 'node:net';
import { StartupError } from '../common/startup-error';
import type { AppConfig } from '../config/app-config';

/**
 * Binds PORT for a moment and lets it go: whether camlinks can listen is known before the
 * database is opened and migrated, not after. (A process that takes the port in between is
 * caught by listenError at the real bind.)
 */
export async function checkPortFree(config: Pick<AppConfig, 'host' | 'port'>): Promise<void> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  }).catch((error: NodeJS.ErrnoException) => Promise.reject(listenError(error, config)));
  await new Promise((resolve) => server.close(resolve));
}

/** A failed bind as one line naming the variable to change; any other error as it is. */
export function listenError(error: NodeJS.ErrnoException, config: Pick<AppConfig, 'host' | 'port'>): Error {
  const where = `PORT ${config.port} on HOST ${config.host}`;
  if (error.code === 'EADDRINUSE')
    return new StartupError(`${where} is in use by another process: stop it, or set PORT to a free port.`);
  if (error.code === 'EACCES')
    return new StartupError(`${where} needs privileges this process lacks: set PORT to 1024 or above.`);
  if (error.code === 'EADDRNOTAVAIL')
    return new StartupError(
      `HOST ${config.host} is not an address of this machine: set HOST (0.0.0.0 listens on all).`,
    );
  return error;
}
