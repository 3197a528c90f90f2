import type { AppConfig } from '../config/app-config';
import { HourlyStats, hourOf } from './hourly-stats';
import type { HourlyCount, HourlyStatsRepository } from './hourly-stats.repository';

const config = { verification: { usageFlushMs: 60_000 } } as AppConfig;

/** A repository that records what it is given, and fails while `failing` is set. */
function fakeRepository() {
  const written: HourlyCount[][] = [];
  const repository = {
    failing: false,
    written,
    add: (counts: HourlyCount[]) => (repository.failing ? Promise.reject(new Error('database down')) : Promise.resolve(void written.push(counts))),
  };
  return repository;
}

describe('HourlyStats', () => {
  const at = (iso: string) => new Date(iso);

  it('adds counts of the same hour and metric together, one row per hour and metric per flush', async () => {
    const repository = fakeRepository();
    const stats = new HourlyStats(repository as unknown as HourlyStatsRepository, config);
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

  it('keeps what a failed flush could not write, and adds it to what came since', async () => {
    const repository = fakeRepository();
    const stats = new HourlyStats(repository as unknown as HourlyStatsRepository, config);
    stats.linksIssued(4, at('2026-11-26T10:05:00Z'));
    repository.failing = true;
    await stats.flush();
    stats.linksIssued(1, at('2026-11-26T10:06:00Z'));
    repository.failing = false;
    await stats.flush();
    expect(repository.written).toEqual([[{ hour: at('2026-11-26T10:00:00Z'), metric: 'issued', count: 5 }]]);
  });

  it('names the hour by its start, in UTC', () => {
    expect(hourOf(at('2026-11-26T23:59:59.999Z'))).toEqual(at('2026-11-26T23:00:00Z'));
  });
});
