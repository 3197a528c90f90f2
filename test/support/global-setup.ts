import { openDatabase } from '../../src/database/adapter-factory';
import { applyMigrations } from '../../src/database/migrations/schema-engine';
import { adminQuery, databaseUrl, TEMPLATE_DB_ENV, uniqueDatabaseName } from './test-database';

/** Migrates a template database once per run, with the same script as `npm run db:migrate`. */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEMPLATE_DB_ENV]) return;
  const name = uniqueDatabaseName('template');
  await adminQuery(`CREATE DATABASE "${name}"`);
  const db = await openDatabase({ kind: 'postgres', url: databaseUrl(name), poolSize: 2 });
  try {
    await applyMigrations(db.factory);
  } finally {
    await db.close();
  }
  // Workers inherit the environment, and so find the template.
  process.env[TEMPLATE_DB_ENV] = name;
}
