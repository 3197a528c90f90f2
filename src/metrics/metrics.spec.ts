import { Metrics } from './metrics';

describe('Metrics (pre-bound label children)', () => {
  const valuesOf = async (metrics: Metrics, name: string) =>
    (await metrics.registry.getSingleMetric(name)!.get()).values;

  it('counts each label set on its own child, however often and in whatever order it is reached', async () => {
    const metrics = new Metrics();
    metrics.linkIssued('/preview', 'jpg', 'preview');
    metrics.linkIssued('/video', 'hls', 'live', 3);
    metrics.linkIssued('/preview', 'jpg', 'preview');
    metrics.linkIssued('/preview', 'mp4', 'preview');
    expect(await valuesOf(metrics, 'camlinks_links_issued_total')).toEqual([
      { value: 2, labels: { endpoint: '/preview', source: 'jpg', kind: 'preview' } },
      { value: 3, labels: { endpoint: '/video', source: 'hls', kind: 'live' } },
      { value: 1, labels: { endpoint: '/preview', source: 'mp4', kind: 'preview' } },
    ]);
  });

  it('labels decisions by outcome and reason, and request durations by a status given as a number', async () => {
    const metrics = new Metrics();
    metrics.decision('nginx', null);
    metrics.decision('nginx', 'expired');
    metrics.decision('nginx', null);
    metrics.requestFinished('/health/live', 'GET', 200, 0.002);
    expect(await valuesOf(metrics, 'camlinks_verification_decisions_total')).toEqual([
      { value: 2, labels: { protocol: 'nginx', outcome: 'allow', reason: '' } },
      { value: 1, labels: { protocol: 'nginx', outcome: 'deny', reason: 'expired' } },
    ]);
    const count = (await valuesOf(metrics, 'camlinks_http_request_duration_seconds')).find(
      (v) => (v as { metricName?: string }).metricName === 'camlinks_http_request_duration_seconds_count',
    );
    expect(count).toEqual(
      expect.objectContaining({ value: 1, labels: { route: '/health/live', method: 'GET', status_code: '200' } }),
    );
  });
});
