import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { hashToken } from '../src/auth/tokens';
import { eventually } from './support/eventually';
import { aSite, type Instance, type ProxiedInstance, startBehindProxy, startInstance } from './support/instance';
import { databaseUrl } from './support/test-database';

const ADMIN = 'counters-admin-token-0123456789abcdef0123456';
/** Uses counted by the instance that is stopped while PostgreSQL is down. */
const USES = 50;

/** A preview link of the camera, used USES times. */
async function aLinkUsed(camlinks: Instance, cameraUuid: string, token: string): Promise<string> {
  const issued = await camlinks.call(
    '/api/v1/cameras/preview',
    { method: 'POST', body: JSON.stringify({ cameras: [{ uuid: cameraUuid }] }) },
    token,
  );
  const [{ url: link }] = (await issued.json()) as { url: string }[];
  for (let use = 0; use < USES; use++) expect(await camlinks.mediaAuth(link)).toBe(204);
  return link;
}

/**
 * Usage counters of an instance stopped (SIGTERM) while PostgreSQL cannot be reached: the last
 * flush is retried until the stop's deadline, spooled under DATA_DIR, and added by the next
 * start, once.
 */
describe('counters that survive a stop during a database outage', () => {
  let dataDir: string;
  let proxied: ProxiedInstance;
  let restarted: Instance | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'camlinks-counters-'));
  });

  afterAll(async () => {
    await restarted?.stop('SIGKILL');
    await proxied?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses none of the counted uses: spooled on the stop, added once at the next start', async () => {
    // No periodic flush before the stop: every use is still in memory when PostgreSQL goes away.
    const env = {
      ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'fatal',
      DATA_DIR: dataDir,
      USAGE_FLUSH_INTERVAL_MS: '600000',
      SHUTDOWN_TIMEOUT_MS: '3000',
    };
    proxied = await startBehindProxy(env);
    const { camlinks, proxy, dbName } = proxied;
    const { cameraUuid, integrationToken: token } = await aSite(camlinks, ADMIN);
    const link = await aLinkUsed(camlinks, cameraUuid, token);

    await proxy.stop();
    // A clean stop: by the signal, or with code 0 once every handle is closed (what is lost is checked below).
    const stopped = await camlinks.stop('SIGTERM');
    expect([0, 'SIGTERM']).toContain(stopped.signal ?? stopped.code);
    const db = new Client({ connectionString: databaseUrl(dbName) });
    await db.connect();
    try {
      const usage = async () =>
        (
          await db.query<{ use_count: number }>('SELECT use_count FROM issued_links WHERE token_hash = $1', [
            hashToken(new URL(link).searchParams.get('token')!),
          ])
        ).rows[0].use_count;
      const allowed = async () =>
        Number(
          (
            await db.query<{ count: number }>(
              `SELECT COALESCE(SUM(count), 0) AS count FROM hourly_stats WHERE metric = 'allowed'`,
            )
          ).rows[0].count,
        );
      expect(await usage()).toBe(0);
      expect((await readdir(join(dataDir, 'spool'))).sort()).toEqual([
        expect.stringMatching(/^hourly-stats-/),
        // The viewing sessions of those uses (src/sessions), a flush of the same kind.
        expect.stringMatching(/^sessions-/),
        expect.stringMatching(/^usage-/),
      ]);

      await proxy.resume();
      const url = new URL(databaseUrl(dbName));
      url.port = String(proxy.port);
      restarted = await startInstance({ ...env, DATABASE_URL: url.toString() });
      // Each spooled batch is removed after the database added it, one kind after another: all of
      // them, not only the uses, are in once the spool is empty.
      await eventually(async () => {
        expect(await usage()).toBe(USES);
        expect(await allowed()).toBe(USES);
        expect(await readdir(join(dataDir, 'spool'))).toEqual([]);
      }, 20_000);
      // Stopped and started once more: nothing is added twice.
      await restarted.stop('SIGTERM');
      restarted = await startInstance({ ...env, DATABASE_URL: url.toString() });
      expect(await usage()).toBe(USES);
      expect(await allowed()).toBe(USES);
    } finally {
      await db.end();
    }
  }, 90_000);

  it('a crash after an outage loses none of what the outage held: the failed flush was spooled', async () => {
    await restarted?.stop('SIGKILL');
    await proxied?.close();
    const crashDir = await mkdtemp(join(tmpdir(), 'camlinks-counters-'));
    const env = { ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'fatal', DATA_DIR: crashDir, USAGE_FLUSH_INTERVAL_MS: '1000' };
    proxied = await startBehindProxy(env);
    const { camlinks, proxy, dbName } = proxied;
    const { cameraUuid, integrationToken: token } = await aSite(camlinks, ADMIN);
    const db = new Client({ connectionString: databaseUrl(dbName) });
    await db.connect();
    const usage = async (hash: string) =>
      (await db.query<{ use_count: number }>('SELECT use_count FROM issued_links WHERE token_hash = $1', [hash]))
        .rows[0].use_count;
    try {
      // Uses still in memory when PostgreSQL goes away; a tick that wrote them all first makes
      // the try say nothing, and another link is used.
      const spooled = async () =>
        (await readdir(join(crashDir, 'spool')).catch(() => [])).filter((file) => /^usage-.*\.json$/.test(file));
      let hash = '';
      let before: string[] = [];
      for (let attempt = 0; !hash || (await usage(hash)) === USES; attempt++) {
        if (attempt) await proxy.resume();
        expect(attempt).toBeLessThan(3);
        const link = await aLinkUsed(camlinks, cameraUuid, token);
        // A tick cut off by an earlier try may have spooled a batch already: only a new one counts.
        before = await spooled();
        await proxy.stop();
        hash = hashToken(new URL(link).searchParams.get('token')!);
      }
      // The next ticks fail; what they held is on disk before the crash: renamed into place
      // (.json), not still being written (.tmp), which a crash would lose.
      await eventually(
        async () => expect((await spooled()).filter((file) => !before.includes(file))).not.toEqual([]),
        15_000,
      );
      await camlinks.stop('SIGKILL');
      await proxy.resume();
      const url = new URL(databaseUrl(dbName));
      url.port = String(proxy.port);
      restarted = await startInstance({ ...env, DATABASE_URL: url.toString() });
      await eventually(async () => expect(await usage(hash)).toBe(USES), 20_000);
    } finally {
      await db.end();
      await restarted?.stop('SIGKILL');
      restarted = undefined;
      await rm(crashDir, { recursive: true, force: true });
    }
  }, 90_000);
});
