import { type AddressInfo, createServer, type Server } from 'node:net';
import { Client } from 'pg';
import { type Instance, runToExit, startInstance } from './support/instance';
import { adminQuery, cloneTemplate, databaseUrl, dropDatabase, uniqueDatabaseName } from './support/test-database';

/** camlinks starts only on the database its code needs, and says in one line what to do otherwise. */
describe('start-up checks', () => {
  const created: string[] = [];
  afterAll(async () => {
    for (const name of created) await dropDatabase(name);
  });

  /** Exited non-zero with exactly one line, no stack. */
  const oneLineFailure = ({ code, output }: { code: number | null; output: string }) => {
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0];
  };

  const emptyDatabase = async () => {
    const name = uniqueDatabaseName('startup');
    await adminQuery(`CREATE DATABASE "${name}"`);
    created.push(name);
    return name;
  };

  it('refuses an unmigrated database, naming `npm run db:migrate`', async () => {
    const name = await emptyDatabase();
    const line = oneLineFailure(await runToExit({ DATABASE_URL: databaseUrl(name) }));
    expect(line).toBe(
      `camlinks cannot start: PostgreSQL at 127.0.0.1:5432/${name} is not migrated (no camlinks tables): run \`npm run db:migrate\`.`,
    );
  }, 120_000);

  it('refuses a database that does not exist, naming `createdb`', async () => {
    const name = uniqueDatabaseName('missing');
    const line = oneLineFailure(await runToExit({ DATABASE_URL: databaseUrl(name) }));
    expect(line).toBe(
      `camlinks cannot start: database "${name}" does not exist on PostgreSQL at 127.0.0.1:5432: create it with \`createdb -h 127.0.0.1 -p 5432 -U postgres ${name}\`, then run \`npm run db:migrate\`.`,
    );
  }, 120_000);

  it('refuses a database migrated by a newer camlinks (a migration it does not know)', async () => {
    const name = await cloneTemplate();
    created.push(name);
    await insertUnknownMigration(name);
    const line = oneLineFailure(await runToExit({ DATABASE_URL: databaseUrl(name) }));
    expect(line).toMatch(
      /^camlinks cannot start: PostgreSQL at .* has 1 migration\(s\) this camlinks does not know \(29991231000000_from_the_future\)/,
    );
  }, 120_000);

  it('checks the port before the database: a port in use is one line naming PORT', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      // On an unmigrated database: the port is what it reports, so it was checked first.
      const name = await emptyDatabase();
      const line = oneLineFailure(await runToExit({ DATABASE_URL: databaseUrl(name), PORT: String(port) }));
      expect(line).toBe(
        `camlinks cannot start: PORT ${port} on HOST 127.0.0.1 is in use by another process: stop it, or set PORT to a free port.`,
      );
    } finally {
      await new Promise((resolve) => busy.close(resolve));
    }
  }, 120_000);

  describe('while running', () => {
    let name: string;
    let server: Instance;
    beforeAll(async () => {
      name = await cloneTemplate();
      created.push(name);
      server = await startInstance({ DATABASE_URL: databaseUrl(name), LOG_LEVEL: 'warn' });
    });
    afterAll(() => server?.stop());

    const ready = async () => {
      const res = await fetch(`${server.url}/health/ready`);
      return {
        status: res.status,
        body: (await res.json()) as { details: Record<string, { status: string; problem?: string }> },
      };
    };

    it('is not ready once the database has a migration the code does not know, and ready again when it is gone', async () => {
      expect((await ready()).status).toBe(200);
      await insertUnknownMigration(name);
      const { status, body } = await ready();
      expect(status).toBe(503);
      expect(body.details.migrations).toEqual({
        status: 'down',
        problem: expect.stringContaining('29991231000000_from_the_future'),
      });
      await adminQueryOn(
        name,
        `DELETE FROM _prisma_migrations WHERE migration_name = '29991231000000_from_the_future'`,
      );
      expect((await ready()).status).toBe(200);
    });

    it('is not ready when a table its migrations created is gone', async () => {
      await adminQueryOn(name, 'ALTER TABLE hourly_stats RENAME TO hourly_stats_away');
      try {
        const { status, body } = await ready();
        expect(status).toBe(503);
        expect(body.details.migrations.problem).toContain('lacks table(s) its migrations created (hourly_stats)');
      } finally {
        await adminQueryOn(name, 'ALTER TABLE hourly_stats_away RENAME TO hourly_stats');
      }
      expect((await ready()).status).toBe(200);
    });

    it('is not ready when the migrations table is gone', async () => {
      await adminQueryOn(name, 'ALTER TABLE _prisma_migrations RENAME TO _prisma_migrations_away');
      try {
        const { status, body } = await ready();
        expect(status).toBe(503);
        expect(body.details.migrations.problem).toContain('is not migrated');
      } finally {
        await adminQueryOn(name, 'ALTER TABLE _prisma_migrations_away RENAME TO _prisma_migrations');
      }
    });
  });
});

async function adminQueryOn(database: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function insertUnknownMigration(database: string): Promise<void> {
  return adminQueryOn(
    database,
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES (gen_random_uuid()::text, 'x', '29991231000000_from_the_future', now(), now(), 1)`,
  );
}
