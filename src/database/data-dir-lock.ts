import { hostname } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { StartupError } from '../common/startup-error';

/** Inside the data folder, so that whoever may write the folder may lock it (a container's volume). */
const LOCK_DIR = 'camlinks.lock';
/** Who holds the lock: `<pid> <hostname>`, for the message the next process shows. */
const HOLDER_FILE = 'camlinks.pid';
/**
 * The holder refreshes the lock every STALE_MS / 2; a lock not refreshed for STALE_MS is free.
 * That is how a crashed holder's lock (SIGKILL, power cut) is taken over, after at most this
 * long. Longer than any pause of the event loop under load, which would otherwise lose it.
 */
const STALE_MS = 10_000;

/**
 * One camlinks process per embedded data folder. PGlite keeps the database in the process's
 * memory and writes it back as it goes: two processes on one folder each see only their own
 * writes, and one side's are lost at the next start. The lock is a directory created atomically
 * (proper-lockfile) and kept fresh while the process lives; it is removed at exit, and a
 * crashed process's is taken over once stale. Returns the release.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const holderFile = join(dataDir, HOLDER_FILE);
  const options = {
    lockfilePath: join(dataDir, LOCK_DIR),
    stale: STALE_MS,
    realpath: false,
    onCompromised: lostLock(dataDir),
  };
  let release: () => Promise<void>;
  try {
    release = await lock(dataDir, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    const holder = await readHolder(holderFile);
    if (holder?.alive !== false) throw inUse(dataDir, holder?.description);
    // Its holder is gone without removing it: wait until it is stale (at most STALE_MS), then take it.
    release = await lock(dataDir, {
      ...options,
      retries: { retries: Math.ceil((STALE_MS * 1.5) / 1000), minTimeout: 1000, maxTimeout: 1000 },
    }).catch((again: NodeJS.ErrnoException) => {
      throw again.code === 'ELOCKED' ? inUse(dataDir, holder.description) : again;
    });
  }
  await writeFile(holderFile, `${process.pid} ${hostname()}\n`, { mode: 0o600 });
  return async () => {
    await rm(holderFile, { force: true });
    await release();
  };
}

function inUse(dataDir: string, holder = 'another process'): StartupError {
  return new StartupError(
    `DATA_DIR ${dataDir} is in use by ${holder}: one camlinks process per data folder (two would each lose the other's writes). Stop it, or give this one another DATA_DIR.`,
  );
}

/** What the holder file says; `alive: false` only when it names a process of this host that no longer runs. */
async function readHolder(path: string): Promise<{ description: string; alive: boolean | undefined } | undefined> {
  const [pid, host] = (await readFile(path, 'utf8').catch(() => '')).trim().split(' ');
  if (!pid) return undefined;
  const description = `camlinks pid ${pid}${host && host !== hostname() ? ` on ${host}` : ''}`;
  if (host !== hostname()) return { description, alive: undefined };
  // Our own pid: a previous run in a container that restarted, where every run is pid 1.
  if (Number(pid) === process.pid) return { description, alive: false };
  try {
    process.kill(Number(pid), 0);
    return { description, alive: true };
  } catch (error) {
    return { description, alive: (error as NodeJS.ErrnoException).code === 'EPERM' };
  }
}

/** The lock was lost (its directory removed or taken over): another process may be writing; stop. */
function lostLock(dataDir: string) {
  return (error: Error) => {
    console.error(
      `camlinks: the lock on DATA_DIR ${dataDir} was lost (${error.message}); stopping so that two processes never write it.`,
    );
    process.exit(1);
  };
}
