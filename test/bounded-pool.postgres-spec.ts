import { Client } from 'pg';
import { BoundedPool } from '../src/database/bounded-pool';
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
});
