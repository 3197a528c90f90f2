import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { Shutdown } from '../config/config.module';
import { PeriodicFlush } from './periodic-flush';

/** A database that adds a batch once per id, and can lose its answer after the commit. */
class Counts extends PeriodicFlush<number> {
  pending = 0;
  total = 0;
  readonly applied = new Set<string>();
  loseNextAnswer = false;
  refuseNext = false;
  down = false;

  constructor(spoolDir: string | null = null) {
    const config = { spoolDir, database: { kind: 'postgres', url: 'postgresql://db/x', poolSize: 1 } };
    super({ name: 'test', intervalMs: 60_000, config: config as unknown as AppConfig, shutdown: new Shutdown(1_000) });
  }

  count(n: number): void {
    this.pending += n;
  }

  protected take(): number[] {
    const batch = this.pending ? [this.pending] : [];
    this.pending = 0;
    return batch;
  }

  protected async write(batch: number[], id: string): Promise<void> {
    if (this.refuseNext || this.down) {
      this.refuseNext = false;
      throw new Error('connection refused');
    }
    if (!this.applied.has(id)) {
      this.applied.add(id);
      this.total += batch.reduce((sum, n) => sum + n, 0);
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new Error('no answer within 2500 ms');
    }
  }
}

describe('PeriodicFlush', () => {
  it('writes a batch whose answer was lost again under its id, so it counts once', async () => {
    const counts = new Counts();
    counts.count(3);
    counts.loseNextAnswer = true;
    expect(await counts.flush()).toBe(false);
    counts.count(2);
    expect(await counts.flush()).toBe(true); // the lost batch again, then what was counted since
    expect(counts.total).toBe(5);
  });

  it('keeps a batch the database refused, and what was counted since, for the next flushes', async () => {
    const counts = new Counts();
    counts.count(3);
    counts.refuseNext = true;
    expect(await counts.flush()).toBe(false);
    counts.count(4);
    expect(await counts.flush()).toBe(true);
    expect(counts.total).toBe(7);
  });

  it('on a stop, writes the failed batch and what was counted since', async () => {
    const counts = new Counts();
    counts.count(3);
    counts.loseNextAnswer = true;
    await counts.flush();
    counts.count(1);
    await counts.beforeApplicationShutdown();
    expect(counts.total).toBe(4);
  });

  describe('with a spool', () => {
    let dir: string;
    beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'camlinks-flush-'))));
    afterEach(() => rm(dir, { recursive: true, force: true }));

    it('spools what an outage does not take at once, so a crash then loses only what came after', async () => {
      const crashed = new Counts(dir);
      crashed.down = true;
      crashed.count(3);
      expect(await crashed.flush()).toBe(false);
      crashed.count(4);
      expect(await crashed.flush()).toBe(false);
      expect(await readdir(dir)).toHaveLength(2);
      crashed.count(5); // never flushed: what a crash loses, one interval

      const next = new Counts(dir);
      next.count(1);
      expect(await next.flush()).toBe(true);
      expect(next.total).toBe(3 + 4 + 1);
      expect(await readdir(dir)).toEqual([]);
    });

    it('writes a spooled batch whose answer was lost once, under its id', async () => {
      const counts = new Counts(dir);
      counts.count(3);
      counts.refuseNext = true;
      expect(await counts.flush()).toBe(false);
      counts.loseNextAnswer = true;
      expect(await counts.flush()).toBe(false); // added, but the answer was lost: the file stays
      expect(await readdir(dir)).toHaveLength(1);
      expect(await counts.flush()).toBe(true);
      expect(counts.total).toBe(3);
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
