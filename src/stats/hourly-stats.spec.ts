import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { Shutdown } from '../config/config.module';
import { HourlyStats, hourOf } from './hourly-stats';
import type { HourlyCount, HourlyStatsRepository } from './hourly-stats.repository';

const config = {
  verification: { usageFlushMs: 60_000 },
  spoolDir: null,
  database: { kind: 'embedded', dataDir: 'memory://' },
} as AppConfig;

/**
 * A repository that records what it is given (and the batch id), fails while `failing` is set
 * (or for the next `failures` calls), takes `delayMs` per call, and counts calls running at once.
 */
function fakeRepository() {
  const written: HourlyCount[][] = [];
  const ids: (string | null)[] = [];
  const repository = {
    failing: false,
    failures: 0,
    delayMs: 0,
    running: 0,
    mostAtOnce: 0,
    written,
    ids,
    add: async (counts: HourlyCount[], id: string | null = null) => {
      repository.mostAtOnce = Math.max(repository.mostAtOnce, ++repository.running);
      await new Promise((resolve) => setTimeout(resolve, repository.delayMs));
      repository.running--;
      if (repository.failing || repository.failures-- > 0) throw new Error('database down');
      written.push(counts);
      ids.push(id);
    },
  };
  return repository;
}

describe('HourlyStats', () => {
  const at = (iso: string) => new Date(iso);

  it('adds counts of the same hour and metric together, one row per hour and metric per flush', async () => {
    const repository = fakeRepository();
    const stats = new HourlyStats(repository as unknown as HourlyStatsRepository, config, new Shutdown(10_000));
    stats.linksIssued(3, at('2026-11-26T10:05:00Z'));
    stats.linksIssued(2, at('2026-11-26T10:59:59Z'));
    stats.linksIssued(1, at('2026-11-26T11:00:00Z'));
    stats.decision(null, at('2026-11-26T10:10:00Z'));
    stats.decision('expired', at('2026-11-26T10:10:00Z'));
    stats.decision('expired', at('2026-11-26T10:20:00Z'));
    await stats.flush();
    expect(repository.written).toHaveLength(1);
    expect(repository.written[0]).toEqual(
      expect.arrayContaining([
        { hour: at('2026-11-26T10:00:00Z'), metric: 'issued', count: 5 },
        { hour: at('2026-11-26T11:00:00Z'), metric: 'issued', count: 1 },
        { hour: at('2026-11-26T10:00:00Z'), metric: 'allowed', count: 1 },
        { hour: at('2026-11-26T10:00:00Z'), metric: 'refused:expired', count: 2 },
      ]),
    );
    expect(repository.written[0]).toHaveLength(4);
    await stats.flush();
    expect(repository.written).toHaveLength(1); // nothing pending: no statement
  });

  it('writes a failed batch again under its id, then what came since', async () => {
    const repository = fakeRepository();
    const stats = new HourlyStats(repository as unknown as HourlyStatsRepository, config, new Shutdown(10_000));
    stats.linksIssued(4, at('2026-11-26T10:05:00Z'));
    repository.failing = true;
    await stats.flush();
    stats.linksIssued(1, at('2026-11-26T10:06:00Z'));
    repository.failing = false;
    await stats.flush();
    expect(repository.written).toEqual([
      [{ hour: at('2026-11-26T10:00:00Z'), metric: 'issued', count: 4 }],
      [{ hour: at('2026-11-26T10:00:00Z'), metric: 'issued', count: 1 }],
    ]);
    expect(new Set(repository.ids).size).toBe(2);
  });

  it('never runs two flushes at once: a flush asked for while one runs waits for it', async () => {
    const repository = fakeRepository();
    repository.delayMs = 50;
    const stats = new HourlyStats(repository as unknown as HourlyStatsRepository, config, new Shutdown(10_000));
    stats.linksIssued(1, at('2026-11-26T10:05:00Z'));
    const first = stats.flush();
    await new Promise((resolve) => setTimeout(resolve, 10)); // the first is writing now
    stats.linksIssued(1, at('2026-11-26T10:06:00Z'));
    await Promise.all([first, stats.flush()]);
    expect(repository.mostAtOnce).toBe(1);
    expect(repository.written).toHaveLength(2);
  });

  it('on a stop, retries the last flush under one id until the database takes it', async () => {
    const repository = fakeRepository();
    const stats = new HourlyStats(repository as unknown as HourlyStatsRepository, config, new Shutdown(10_000));
    stats.linksIssued(3, at('2026-11-26T10:05:00Z'));
    repository.failures = 2;
    await stats.beforeApplicationShutdown();
    expect(repository.written).toEqual([[{ hour: at('2026-11-26T10:00:00Z'), metric: 'issued', count: 3 }]]);
    expect(repository.ids).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
  });

  it('spools what a stop could not write by its deadline, and adds it first at the next start, under the same id', async () => {
    const spoolDir = await mkdtemp(join(tmpdir(), 'camlinks-spool-'));
    try {
      const withSpool = { ...config, spoolDir } as AppConfig;
      const down = fakeRepository();
      down.failing = true;
      const stopping = new HourlyStats(down as unknown as HourlyStatsRepository, withSpool, new Shutdown(1_000));
      stopping.linksIssued(3, at('2026-11-26T10:05:00Z'));
      await stopping.beforeApplicationShutdown();
      const spooled = await readdir(spoolDir);
      expect(spooled).toEqual([expect.stringMatching(/^hourly-stats-\d+-[0-9a-f-]{36}\.json$/)]);

      const up = fakeRepository();
      const started = new HourlyStats(up as unknown as HourlyStatsRepository, withSpool, new Shutdown(10_000));
      started.linksIssued(1, at('2026-11-26T11:00:00Z'));
      await started.flush();
      expect(up.written).toEqual([
        [{ hour: at('2026-11-26T10:00:00Z'), metric: 'issued', count: 3 }],
        [{ hour: at('2026-11-26T11:00:00Z'), metric: 'issued', count: 1 }],
      ]);
      expect(up.ids).toEqual([spooled[0].slice(-'.json'.length - 36, -'.json'.length), expect.any(String)]);
      expect(await readdir(spoolDir)).toEqual([]);
    } finally {
      await rm(spoolDir, { recursive: true, force: true });
    }
  });

  it('names the hour by its start, in UTC', () => {
    expect(hourOf(at('2026-11-26T23:59:59.999Z'))).toEqual(at('2026-11-26T23:00:00Z'));
  });
});
