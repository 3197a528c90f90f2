import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HOT_STATEMENTS, renderStatementFile, SQL_DIR } from './hot-statements';

/** `npm run sql:write`: rewrites src/database/sql/ from the statements in code, removing files of statements gone. */
async function main(): Promise<void> {
  await mkdir(SQL_DIR, { recursive: true });
  for (const old of (await readdir(SQL_DIR)).filter((name) => name.endsWith('.sql'))) await rm(join(SQL_DIR, old));
  for (const { file, statements } of HOT_STATEMENTS) {
    for (const statement of statements) {
      await writeFile(join(SQL_DIR, `${statement.name}.sql`), renderStatementFile(statement, file));
    }
  }
  console.log(`Wrote ${HOT_STATEMENTS.flatMap((group) => group.statements).length} statements to ${SQL_DIR}`);
}

main().catch((error: Error) => {
  console.error(`Could not write the statements' SQL: ${error.stack ?? error.message}`);
  process.exit(1);
});
