import { StartupError } from '../common/startup-error';
import { type DatabaseTarget, describeTarget } from '../config/database-target';
import type { DirectSql } from './direct-sql';

const APPLIED = {
  name: 'camlinks-applied-migrations',
  text: 'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
};
const TABLES = {
  name: 'camlinks-existing-tables',
  text: 'SELECT tablename FROM pg_tables WHERE schemaname = current_schema()',
};
const UNDEFINED_TABLE = '42P01';

/** What _prisma_migrations records as applied; nothing when the database is new (no such table yet). */
export async function appliedMigrations(sql: DirectSql): Promise<string[]> {
  try {
    return (await sql.query<{ migration_name: string }>(APPLIED, [])).map((row) => row.migration_name);
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return [];
    throw error;
  }
}

/** The tables of the current schema. */
export async function existingTables(sql: DirectSql): Promise<string[]> {
  return (await sql.query<{ tablename: string }>(TABLES, [])).map((row) => row.tablename);
}

/**
 * The tables the migrations leave behind (created and not dropped again), read from their SQL.
 * A migration that renames a table would have to be read here too; none does.
 */
export function tablesOf(migrationScripts: string[]): string[] {
  const tables = new Set<string>();
  for (const script of migrationScripts) {
    for (const [, verb, name] of script.matchAll(/\b(CREATE|DROP) TABLE (?:IF (?:NOT )?EXISTS )?"?(\w+)"?/gi)) {
      if (verb.toUpperCase() === 'CREATE') tables.add(name);
      else tables.delete(name);
    }
  }
  return [...tables];
}

/**
 * Why the database is not the one this code needs, or undefined when it is: it must hold exactly
 * the code's migrations, and still have the tables they created. One it lacks means a table or column the code uses is missing; one it
 * has that the code does not know means a newer camlinks migrated it, and this one may write
 * what the newer one no longer reads.
 */
export function migrationMismatch(
  applied: string[],
  expected: string[],
  missingTables: string[],
  target: DatabaseTarget,
): string | undefined {
  const missing = expected.filter((name) => !applied.includes(name));
  const unknown = applied.filter((name) => !expected.includes(name));
  const where = describeTarget(target);
  const migrate =
    target.kind === 'embedded'
      ? 'restart camlinks (the embedded database migrates itself)'
      : 'run `npm run db:migrate`';
  if (unknown.length)
    return `${where} has ${unknown.length} migration(s) this camlinks does not know (${unknown.join(', ')}): a newer camlinks migrated it. Run that version, or restore the backup taken before the upgrade (docs/OPERATIONS.md).`;
  if (missing.length === expected.length) return `${where} is not migrated (no camlinks tables): ${migrate}.`;
  if (missing.length)
    return `${where} lacks ${missing.length} of this camlinks' migrations (${missing.join(', ')}): ${migrate}.`;
  if (missingTables.length)
    return `${where} lacks table(s) its migrations created (${missingTables.join(', ')}): restore the database from a backup (docs/OPERATIONS.md).`;
  return undefined;
}

/** A database that cannot be used at all, as one line that says what fixes it. */
export function unreachable(error: Error & { code?: string }, target: DatabaseTarget): Error {
  if (target.kind !== 'postgres') return error;
  const url = new URL(target.url);
  const server = `PostgreSQL at ${url.host}`;
  const database = decodeURIComponent(url.pathname.slice(1));
  const user = decodeURIComponent(url.username) || 'postgres';
  switch (error.code) {
    case '3D000':
      return new StartupError(
        `database "${database}" does not exist on ${server}: create it with \`createdb -h ${url.hostname} -p ${url.port || 5432} -U ${user} ${database}\`, then run \`npm run db:migrate\`.`,
      );
    case '28P01':
    case '28000':
      return new StartupError(
        `${server} refused user "${user}" (${error.message}): correct the user or password in DATABASE_URL.`,
      );
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new StartupError(
        `${server} cannot be reached (${error.code}): start PostgreSQL, or correct the host and port in DATABASE_URL.`,
      );
    default:
      return error;
  }
}
