import { chmod, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

/** `npm start` with no configuration at all, as the README's first command runs it. */
describe('first run on the embedded database', () => {
  let dataDir: string;
  let server: Instance | undefined;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'camlinks-first-run-')), 'data');
  });
  afterAll(async () => {
    await server?.stop();
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  /** Every entry of the data folder whose mode is not the owner's alone (0700 folders, 0600 files). */
  const openToOthers = async () => {
    const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
    const loose: string[] = [];
    for (const path of [dataDir, ...entries.map((entry) => join(entry.parentPath, entry.name))]) {
      const info = await stat(path);
      if ((info.mode & 0o777) !== (info.isDirectory() ? 0o700 : 0o600))
        loose.push(`${(info.mode & 0o777).toString(8)} ${path}`);
    }
    return loose;
  };

  const admin = (instance: Instance, token: string, path = '/api/v1/admin/media-servers', init: RequestInit = {}) =>
    fetch(`${instance.url}${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    });

  it('creates, migrates and keeps its data, with an admin token only the owner can read', async () => {
    server = await startInstance({ DATA_DIR: dataDir });
    const tokenFile = join(dataDir, 'admin-token');
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    // pg_hba.conf, the tables, the WAL: none readable, let alone writable, by anyone else.
    expect((await readdir(dataDir, { recursive: true })).length).toBeGreaterThan(100);
    expect(await openToOthers()).toEqual([]);
    // The log says where the token is, never the token.
    expect(server.output()).toContain(tokenFile);
    expect(server.output()).not.toContain(token);

    const created = await admin(server, token, '/api/v1/admin/media-servers', {
      method: 'POST',
      body: JSON.stringify({ name: 'edge-1', base_url: 'http://127.0.0.1:8080' }),
    });
    expect(created.status).toBe(201);
    expect((await admin(server, 'wrong-token-wrong-token-wrong-token')).status).toBe(401);

    // Restarted: same token, same data, no second migration; a folder left open (as earlier versions did) is closed again.
    await server.stop();
    await chmod(dataDir, 0o755);
    await chmod(join(dataDir, 'pg_hba.conf'), 0o666);
    server = await startInstance({ DATA_DIR: dataDir });
    expect(await openToOthers()).toEqual([]);
    expect((await readFile(tokenFile, 'utf8')).trim()).toBe(token);
    const listed = (await (await admin(server, token)).json()) as { name: string }[];
    expect(listed.map((s) => s.name)).toEqual(['edge-1']);
  }, 150_000);

  it('keeps the admin API closed on PostgreSQL without ADMIN_TOKEN', async () => {
    const dbName = await cloneTemplate().catch(() => undefined);
    if (!dbName) throw new Error('PostgreSQL at 127.0.0.1:5432 is needed for this check');
    const onPostgres = await startInstance({ DATABASE_URL: databaseUrl(dbName) });
    try {
      const res = await fetch(`${onPostgres.url}/api/v1/admin/media-servers`, {
        headers: { Authorization: 'Bearer anything-anything-anything-anything' },
      });
      expect(res.status).toBe(401);
      expect(onPostgres.output()).toContain('ADMIN_TOKEN is not set: the admin API is closed');
    } finally {
      await onPostgres.stop();
      await dropDatabase(dbName);
    }
  });
});
