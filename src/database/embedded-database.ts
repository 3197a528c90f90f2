import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';

/**
 * PostgreSQL inside PGlite would take 160 MB of shared buffers, all of it resident: camlinks'
 * embedded database is small and its files sit in the OS page cache anyway. (Measured: RSS at
 * rest 296 → 187 MB for the database alone; docs/BENCHMARKS.md.)
 */
export const PGLITE_OPTIONS = { postgresqlconf: ['shared_buffers=16MB'] };

export async function openPGlite(dataDir: string): Promise<PGlite> {
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
