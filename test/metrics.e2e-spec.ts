import { aCamera, anIntegration, bearer } from './support/builders';
import { eventually } from './support/eventually';
import { createTestApp, type TestApp } from './support/test-app';

const onPostgres = process.env.TEST_DB !== 'embedded';

/** The value of one sample in Prometheus text, e.g. `name{a="b"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe(`GET /metrics (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const scrape = async () => {
    const res = await t.http().get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text;
  };

  it('counts links issued, verification decisions and requests by route template', async () => {
    const { token } = await anIntegration(t.prisma);
    const cameras = await Promise.all([aCamera(t.prisma), aCamera(t.prisma)]);
    const res = await t
      .http()
      .post('/api/v1/cameras/preview')
      .set(bearer(token))
      .send({ cameras: cameras.map((c) => ({ uuid: c.uuid })), source: 'jpg' });
    expect(res.status).toBe(200);
    const url = new URL(res.body[0].url);
    const verify = (uri: string) =>
      t.http().get('/api/v1/media-auth/nginx').set({ 'X-Original-URI': uri, 'X-Original-Method': 'GET' });
    expect((await verify(`${url.pathname}${url.search}`)).status).toBe(204);
    expect((await verify(`${url.pathname}${url.search}`)).status).toBe(204);
    expect((await verify(`${url.pathname}?token=cll_${'x'.repeat(43)}`)).status).toBe(403);
    expect((await verify(url.pathname)).status).toBe(401);
    await t.http().get(`/api/v1/admin/links/${cameras[0].uuid}`).set(bearer('wrong'));

    const text = await scrape();
    expect(
      sample(text, 'camlinks_links_issued_total{endpoint="/api/v1/cameras/preview",source="jpg",kind="preview"}'),
    ).toBe(2);
    expect(sample(text, 'camlinks_verification_decisions_total{protocol="nginx",outcome="allow",reason=""}')).toBe(2);
    expect(
      sample(text, 'camlinks_verification_decisions_total{protocol="nginx",outcome="deny",reason="unknown_token"}'),
    ).toBe(1);
    expect(
      sample(text, 'camlinks_verification_decisions_total{protocol="nginx",outcome="deny",reason="no_token"}'),
    ).toBe(1);
    expect(
      sample(
        text,
        'camlinks_http_request_duration_seconds_count{route="/api/v1/media-auth/nginx",method="GET",status_code="204"}',
      ),
    ).toBe(2);
    // Ids stay out of the labels: one series per route template.
    expect(
      sample(
        text,
        'camlinks_http_request_duration_seconds_count{route="/api/v1/admin/links/:id",method="GET",status_code="401"}',
      ),
    ).toBe(1);
    expect(text).not.toContain(cameras[0].uuid);
  });

  it('reports the revocation propagation lag and the state of the database pool', async () => {
    const text = await scrape();
    expect(sample(text, 'camlinks_revocation_propagation_lag_seconds')).toBeGreaterThanOrEqual(0);
    if (onPostgres) {
      expect(sample(text, 'camlinks_db_pool_connections')).toBeGreaterThan(0);
      expect(sample(text, 'camlinks_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'camlinks_db_pool_waiting_requests')).toBe(0);
    } else {
      // The embedded database has no pool.
      expect(text).not.toContain('camlinks_db_pool');
    }
  });

  it('reports what the caches hold, in entries and estimated bytes', async () => {
    const { token } = await anIntegration(t.prisma);
    const camera = await aCamera(t.prisma);
    // Retried: the notifications of the writes above empty the caches when they arrive.
    await eventually(async () => {
      await t
        .http()
        .post('/api/v1/cameras/preview')
        .set(bearer(token))
        .send({ cameras: [{ uuid: camera.uuid }] })
        .expect(200);
      const text = await scrape();
      expect(sample(text, 'camlinks_cache_entries')).toBeGreaterThanOrEqual(2); // the credential and the camera
      expect(sample(text, 'camlinks_cache_estimated_bytes')).toBeGreaterThan(500);
    }, 3000);
  });

  it('reports the change listener, in /metrics and in the readiness detail', async () => {
    const text = await scrape();
    expect(sample(text, 'camlinks_change_listener_up')).toBe(1);
    expect(sample(text, 'camlinks_change_listener_losses_total')).toBe(0);
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    if (onPostgres) {
      // Heartbeats every second; one has come back since the app started.
      expect(sample(text, 'camlinks_change_heartbeat_age_seconds')).toBeLessThan(3);
      expect(ready.body.details.changes).toEqual({
        status: 'up',
        listener: 'listening',
        caches: 'on',
        last_heartbeat_seconds_ago: expect.any(Number),
      });
    } else {
      // In-process notifications cannot silently stop: no heartbeat.
      expect(text).not.toContain('camlinks_change_heartbeat_age_seconds');
      expect(ready.body.details.changes).toEqual({ status: 'up', listener: 'in-process', caches: 'on' });
    }
  });

  it('includes the Node.js process metrics', async () => {
    expect(sample(await scrape(), 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});

describe(`GET /metrics with METRICS_TOKEN (${process.env.TEST_DB})`, () => {
  const METRICS_TOKEN = 'metrics-token-0123456789abcdef0123456789';

  it('answers only the bearer of METRICS_TOKEN', async () => {
    const t = await createTestApp({ METRICS_TOKEN });
    try {
      for (const headers of [
        {},
        bearer('metrics-token-0123456789abcdef012345678X'),
        { Authorization: METRICS_TOKEN },
      ]) {
        const refused = await t.http().get('/metrics').set(headers);
        expect(refused.status).toBe(401);
        expect(refused.body).toEqual({ message: 'Unauthenticated.' });
      }
      const scraped = await t.http().get('/metrics').set(bearer(METRICS_TOKEN));
      expect(scraped.status).toBe(200);
      expect(scraped.text).toContain('camlinks_http_request_duration_seconds');
    } finally {
      await t.close();
    }
  });
});
