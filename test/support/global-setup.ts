import { PGlite } from '@electric-sql/pglite';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGLITE_OPTIONS } from '../../src/database/embedded-database';
import { embeddedDatabase, openDatabase } from '../../src/database/open-database';
import { applyMigrations } from '../../src/database/migrations/schema-engine';
import { adminQuery, databaseUrl, PGLITE_TEMPLATE_ENV, TEMPLATE_DB_ENV, uniqueDatabaseName } from './test-database';

/**
 * Migrates a template database once per run, with the same script as `npm run db:migrate`: a
 * PostgreSQL database that each test file clones, and an embedded one, dumped to a file, that
 * each embedded test app loads into memory (PGlite's initdb takes seconds, far more on a busy
 * machine; once per run is enough).
 */
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
  const pglite = new PGlite(PGLITE_OPTIONS);
  const embedded = embeddedDatabase(pglite);
  try {
    await applyMigrations(embedded.factory);
    const file = join(tmpdir(), `${uniqueDatabaseName('pglite-template')}.tar`);
    await writeFile(file, Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    process.env[PGLITE_TEMPLATE_ENV] = file;
  } finally {
    await embedded.close();
  }
  // Workers inherit the environment, and so find the templates.
  process.env[TEMPLATE_DB_ENV] = name;
}
