import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../open-database';
import { LOCKFILE_CONTENT, LOCKFILE_NAME, MIGRATIONS_DIR, diffMigrationsToSchema } from './schema-engine';

/**
 * `npm run db:migration:create -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the committed migrations to schema.prisma. The diff runs on an
 * in-memory PGlite, so it needs no database server and touches no data.
 */
async function main(): Promise<void> {
  const name = (process.argv[2] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  if (!name) throw new Error('usage: npm run db:migration:create -- <name>');
  await mkdir(MIGRATIONS_DIR, { recursive: true });
  await writeFile(join(MIGRATIONS_DIR, LOCKFILE_NAME), LOCKFILE_CONTENT);
  const db = await openDatabase({ kind: 'embedded', dataDir: 'memory://' });
  try {
    const sql = await diffMigrationsToSchema(db.factory);
    if (!sql.trim()) {
      console.log('schema.prisma matches the migrations: nothing to create.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(folder);
    await writeFile(join(folder, 'migration.sql'), sql);
    console.log(`Created ${folder}/migration.sql`);
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
