import type { AppConfig } from '../config/app-config';
import type { LinkCountsRepository } from '../links/link-counts.repository';
import type { HourlyStatsRepository } from '../stats/hourly-stats.repository';
import type { OverviewRepository } from './overview.repository';
import { OverviewService } from './overview.service';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000);

/** The service over fakes: the busiest ranking's readings are counted, and each can be made to fail. */
function anOverview(busiestMaxAgeMs: number) {
  const readings: Date[] = [];
  const fake = {
    failNext: false,
    busiest(since: Date) {
      readings.push(since);
      if (fake.failNext) {
        fake.failNext = false;
        return Promise.reject(new Error('statement timeout'));
      }
      return Promise.resolve({
        cameras: [{ id: `camera-${readings.length}`, name: null, links: 1 }],
        integrations: [],
      });
    },
  };
  const service = new OverviewService(
    { between: () => Promise.resolve([]) } as unknown as HourlyStatsRepository,
    fake as unknown as OverviewRepository,
    { countByState: () => Promise.resolve({ active: 0, expired: 0, revoked: 0 }) } as unknown as LinkCountsRepository,
    { console: { busiestMaxAgeMs } } as AppConfig,
  );
  const busiest = async (seconds: number) => (await service.overview(at(seconds))).busiest;
  return { busiest, readings, fake };
}

describe('OverviewService: the busiest cameras and integrations', () => {
  it('reuses a ranking for CONSOLE_BUSIEST_MAX_AGE_S, saying as of when, then reads the day before the moment asked', async () => {
    const { busiest, readings } = anOverview(60_000);
    expect(await busiest(0)).toMatchObject({ asOf: at(0), cameras: [{ id: 'camera-1' }] });
    expect(await busiest(59)).toMatchObject({ asOf: at(0), cameras: [{ id: 'camera-1' }] });
    expect(await busiest(60)).toMatchObject({ asOf: at(60), cameras: [{ id: 'camera-2' }] });
    expect(readings).toEqual([at(-86_400), at(60 - 86_400)]);
  });

  it('shares one reading between requests that come while it runs', async () => {
    const { busiest, readings } = anOverview(60_000);
    const answers = await Promise.all([busiest(0), busiest(1), busiest(2)]);
    expect(answers.map((a) => a.asOf)).toEqual([at(0), at(0), at(0)]);
    expect(readings).toHaveLength(1);
  });

  it('keeps no reading that failed', async () => {
    const { busiest, readings, fake } = anOverview(60_000);
    fake.failNext = true;
    await expect(busiest(0)).rejects.toThrow('statement timeout');
    expect(await busiest(1)).toMatchObject({ asOf: at(1) });
    expect(readings).toHaveLength(2);
  });

  it('reads every time with a maximum age of 0', async () => {
    const { busiest, readings } = anOverview(0);
    await busiest(0);
    await busiest(0);
    expect(readings).toHaveLength(2);
  });
});
