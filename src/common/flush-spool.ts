import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** A batch of counters a stop could not write, kept for the next start. */
export interface SpoolEntry<Item> {
  /** The batch's flush id: the database adds it once (applied_flushes), however often it is written. */
  id: string;
  /** Which database it belongs to (describeTarget): an entry is never added to another one. */
  database: string;
  items: Item[];
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
/** Times went out as ISO strings; they come back as Dates, as the counters hold them. */
const reviveTimes = (_key: string, value: unknown) =>
  typeof value === 'string' && ISO_TIME.test(value) ? new Date(value) : value;

/**
 * A folder of spooled batches, one file per batch (`<name>-<time>-<id>.json`), each written to a
 * temporary name, fsynced, then renamed into place and the folder fsynced: a file either is
 * whole or does not exist. Files are removed once the database has the batch.
 */
export class FlushSpool<Item> {
  constructor(
    private readonly dir: string,
    private readonly name: string,
    private readonly database: string,
  ) {}

  async append(id: string, items: Item[]): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, `${this.name}-${Date.now()}-${id}.json`);
    const temporary = `${file}.${randomUUID()}.tmp`;
    const entry: SpoolEntry<Item> = { id, database: this.database, items };
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(entry));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    const folder = await open(this.dir, 'r');
    await folder.sync().finally(() => folder.close());
  }

  /** Entries of this spool's database, oldest first, each with its removal. */
  async entries(): Promise<(SpoolEntry<Item> & { remove(): Promise<void> })[]> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? [] : Promise.reject(error),
    );
    const mine = names.filter((file) => file.startsWith(`${this.name}-`) && file.endsWith('.json')).sort();
    const entries = await Promise.all(
      mine.map(async (file) => {
        const path = join(this.dir, file);
        const entry = JSON.parse(await readFile(path, 'utf8'), reviveTimes) as SpoolEntry<Item>;
        return { ...entry, remove: () => unlink(path) };
      }),
    );
    return entries.filter((entry) => entry.database === this.database);
  }
}
