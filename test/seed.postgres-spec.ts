import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EXAMPLE_CAMERA } from '../src/common/chosen-id';
import { type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'seed-test-admin-token-0123456789abcdefghij';
const SEED = join(__dirname, '../dist/seed/seed.cli.js');

/** `npm run db:seed` against a running camlinks, as the README walk-through uses it. */
describe('npm run db:seed', () => {
  let dbName: string;
  let server: Instance;

  beforeAll(async () => {
    dbName = await cloneTemplate();
    server = await startInstance({ DATABASE_URL: databaseUrl(dbName), ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' });
  });
  afterAll(async () => {
    await server?.stop();
    if (dbName) await dropDatabase(dbName);
  });

  const seed = () =>
    promisify(execFile)(process.execPath, [SEED], {
      env: { PATH: process.env.PATH, ADMIN_TOKEN: ADMIN, CAMLINKS_URL: server.url, DATABASE_URL: databaseUrl(dbName) },
    });
  const tokens = (output: string) => ({
    integration: /Integration token.*?(cli_[\w-]{43})/.exec(output)?.[1],
    user: /User token.*?(clu_[\w-]{43})/.exec(output)?.[1],
  });
  const preview = (token: string) =>
    fetch(`${server.url}/api/v1/cameras/preview`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ cameras: [{ uuid: EXAMPLE_CAMERA }, { uuid: '7b2d4c1e-5f6a-4b8c-9d0e-1f2a3b4c5d6e' }], source: 'mp4', ttl: '100' }),
    }).then((r) => r.json() as Promise<{ uuid: string }[]>);

  it('adds demo data and prints tokens that work, and can run again', async () => {
    const first = tokens((await seed()).stdout);
    expect(first.integration).toBeDefined();
    expect(first.user).toBeDefined();
    expect(await preview(first.integration!)).toHaveLength(2);
    expect((await preview(first.user!)).map((l: { uuid: string }) => l.uuid)).toEqual([EXAMPLE_CAMERA]);

    const second = tokens((await seed()).stdout);
    expect(second.integration).not.toBe(first.integration);
    expect(await preview(second.integration!)).toHaveLength(2);
    const cameras = await fetch(`${server.url}/api/v1/admin/cameras`, { headers: { Authorization: `Bearer ${ADMIN}` } }).then((r) => r.json());
    expect(cameras).toHaveLength(2);
  });
});
