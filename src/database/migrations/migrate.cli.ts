import { describeTarget } from '../../config/database-target';
import { openDatabase } from '../open-database';
import { loadConfigOrExit } from '../../config/app-config';
import { applyMigrations } from './schema-engine';

/** `npm run db:migrate`: applies prisma/migrations to the configured database. */
async function main(): Promise<void> {
  const { database } = loadConfigOrExit();
  // Without the server's statement timeout: building an index on a large table may take minutes.
  const db = await openDatabase(database.kind === 'postgres' ? { ...database, timeouts: undefined } : database);
  try {
    const applied = await applyMigrations(db.factory);
    console.log(
      `${describeTarget(database)}: ${applied.length ? `applied ${applied.join(', ')}` : 'already up to date'}`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: Error) => {
  console.error(`Migration failed: ${error.message}`);
  process.exit(1);
});
