import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The PostgreSQL server the tests use; CI and developer machines run one on 127.0.0.1. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEMPLATE_DB_ENV = 'CAMLINKS_TEMPLATE_DB';
/** A migrated embedded database, dumped once per run (a tar file), that each embedded test app loads into memory. */
export const PGLITE_TEMPLATE_ENV = 'CAMLINKS_PGLITE_TEMPLATE';

export function databaseUrl(name: string): string {
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: TEST_PG_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function uniqueDatabaseName(purpose: string): string {
  return `camlinks_${purpose}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A fresh database for one test file, cloned from the migrated template (fast, and no truncating). */
export async function cloneTemplate(): Promise<string> {
  const template = process.env[TEMPLATE_DB_ENV];
  if (!template) throw new Error(`${TEMPLATE_DB_ENV} is not set: run the e2e tests through jest (test/support/global-setup.ts)`);
  const name = uniqueDatabaseName('test');
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
