import { PrismaPg } from '@prisma/adapter-pg';
import { Client } from 'pg';
import { ErrorCode } from '../src/common/app-error';
import { fromPrismaError } from '../src/common/prisma-errors';
import { BoundedPool } from '../src/database/bounded-pool';
import { openDatabase } from '../src/database/open-database';
import { PrismaClient } from '../src/generated/prisma/client';
import { TEST_PG_URL } from './support/test-database';

describe('the bounded pool', () => {
  it('survives a connection that PostgreSQL ends while a holder has it checked out, and replaces it', async () => {
    const pool = new BoundedPool({ connectionString: TEST_PG_URL, max: 1 }, { connectMs: 2_000, statementMs: 2_000 });
    try {
      // As a transaction holds its connection between statements when PostgreSQL restarts: pg
      // emits 'error' on a checked-out client, which without a listener ends the process.
      const held = await pool.connect();
      const { rows } = await held.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const ended = new Promise((resolve) => held.once('end', resolve));
      const admin = new Client({ connectionString: TEST_PG_URL });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      await admin.end();
      await ended;
      held.release();
      expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });

  it('fails a transaction whose connection PostgreSQL ended between statements as unavailable, not unexpected', async () => {
    const pool = new BoundedPool({ connectionString: TEST_PG_URL, max: 1 }, { connectMs: 2_000, statementMs: 2_000 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    const admin = new Client({ connectionString: TEST_PG_URL });
    await admin.connect();
    try {
      // A restart between two statements of an issuing transaction: pg then fails the next one
      // with a bare "not queryable" error, which was answered 500.
      const failed = await prisma
        .$transaction(async (tx) => {
          const [{ pid }] = await tx.$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
          await admin.query('SELECT pg_terminate_backend($1)', [pid]);
          await new Promise((resolve) => setTimeout(resolve, 200));
          await tx.$queryRawUnsafe('SELECT 1');
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(fromPrismaError(failed)).toMatchObject({ code: ErrorCode.Unavailable });
    } finally {
      await admin.end();
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    }
  });

  it("runs with JIT off on every connection, Prisma's and DirectSql's, whatever DATABASE_URL's options say", async () => {
    // A plan JIT compiles cannot be cancelled while it compiles: statement_timeout would not bound it.
    const url = new URL(TEST_PG_URL);
    url.searchParams.set('options', '-c jit=on');
    const db = await openDatabase({
      kind: 'postgres',
      url: url.toString(),
      poolSize: 3,
      timeouts: { connectMs: 2_000, statementMs: 2_000 },
    });
    const prisma = new PrismaClient({ adapter: db.factory });
    try {
      const jit = async () =>
        (await db.sql.query<{ jit: string }>({ name: 'test-show-jit', text: 'SHOW jit' }, []))[0].jit;
      // Three connections at once, each new.
      expect(await Promise.all([jit(), jit(), jit()])).toEqual(['off', 'off', 'off']);
      expect(await prisma.$queryRawUnsafe('SHOW jit')).toEqual([{ jit: 'off' }]);
    } finally {
      await prisma.$disconnect();
      await db.close();
    }
  });
});
