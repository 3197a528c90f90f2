import fc from 'fast-check';
import { get, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { csvCell, EXPORT_RETRY_AFTER_SECONDS, TOO_MANY_EXPORTS_MESSAGE } from '../src/admin/csv-export';
import { trickyText } from './support/csv-text';
import { bearer } from './support/builders';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const admin = bearer(TEST_ADMIN_TOKEN);
/** Enough rows that a client that stops reading leaves its export waiting on backpressure (some 20 MB of CSV, more than the sockets buffer). */
const LINKS = 20_000;

/** EXPORTS_MAX_CONCURRENT: exports at once per instance, one more refused with 429 until one of them ends. */
describe(`concurrent CSV exports (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    // The seed below writes 10 MB in one statement, which a loaded CI machine can take longer than the 2 s default over.
    t = await createTestApp({ EXPORTS_MAX_CONCURRENT: '2', DATABASE_STATEMENT_TIMEOUT_MS: '60000' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    await t.prisma.$executeRaw`
      INSERT INTO issued_links (id, token_hash, token_prefix, camera_uuid, camera_generation, stream_type, stream_name, kind, source,
                                ttl, issued_at, expires_at, user_agent)
      SELECT gen_random_uuid(), md5(i::text) || md5('x' || i), 'cll_test', gen_random_uuid(), 0, 'high', 'gate-hd', 'preview', 'jpg',
             3600, date_trunc('milliseconds', now()), date_trunc('milliseconds', now()) + interval '1 hour', repeat('x', 500)
        FROM generate_series(1, ${LINKS}::int) i`;
  });
  afterAll(() => t.close());

  /** An export whose client reads its first bytes and then stops reading: it stays open on the server. */
  function stalledExport(path: string): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const req = get(`${base}${path}`, { headers: admin }, (res) => {
        res.once('data', () => {
          res.pause();
          resolve(res);
        });
      });
      req.on('error', reject);
    });
  }

  it('refuses a third export with 429 and Retry-After while two stream, and frees a slot when a client goes away', async () => {
    const first = await stalledExport('/api/v1/admin/links.csv');
    const second = await stalledExport('/api/v1/admin/links.csv');
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);

    // Through t.http(): the 429 must be the documented one (Retry-After, the error body).
    for (const path of ['/api/v1/admin/links.csv', '/api/v1/admin/sessions.csv']) {
      const refused = await t.http().get(path).set(admin);
      expect({ path, status: refused.status, body: refused.body }).toEqual({
        path,
        status: 429,
        body: { message: TOO_MANY_EXPORTS_MESSAGE },
      });
      expect(refused.headers['retry-after']).toBe(String(EXPORT_RETRY_AFTER_SECONDS));
    }
    // Other admin reads are not exports.
    expect((await t.http().get('/api/v1/admin/links').set(admin)).status).toBe(200);

    // The first client goes away: its export ends on the server (the pipeline sees the socket
    // close), and the next export is let through. Asked until then; each refusal is the 429.
    first.destroy();
    let status = 429;
    while (status === 429) {
      const next = await t.http().get('/api/v1/admin/links.csv').set(admin);
      status = next.status;
      if (status === 429) await new Promise((resolve) => setImmediate(resolve));
      else {
        // Every link once, across the batches' cursors, though all were issued in the same millisecond.
        const ids = next.text
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.slice(0, line.indexOf(',')));
        expect([ids.length, new Set(ids).size]).toEqual([LINKS, LINKS]);
      }
    }
    expect(status).toBe(200);
    second.destroy();
  });
});

/** The links export formats its cells in the database: csv_cell must write what csvCell writes. */
describe(`csv_cell (${process.env.TEST_DB})`, () => {
  let t: TestApp;

  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('writes every text as csvCell does, and nothing as an empty cell', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(trickyText), { minLength: 1, maxLength: 40 }), async (values) => {
        const cells = await t.prisma.$queryRaw<{ cell: string }[]>`
          SELECT csv_cell(v) AS cell FROM unnest(${values}::text[]) WITH ORDINALITY AS x(v, n) ORDER BY n`;
        expect(cells.map(({ cell }) => cell)).toEqual(values.map(csvCell));
      }),
      { numRuns: 150 },
    );
  });
});
