import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HOT_STATEMENTS, renderStatementFile, SQL_DIR } from './hot-statements';

const ROOT = join(__dirname, '..');

/** The TypeScript files of src/ (not the generated client, not the tests). */
function sources(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return entry.name.endsWith('.ts') && !/[.-]spec\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe("the hot statements' SQL, committed in src/database/sql", () => {
  const listed = HOT_STATEMENTS.flatMap(({ file, statements }) => statements.map((statement) => ({ file, statement })));

  it('lists every named statement declared in src/, under the file that declares it', () => {
    const declared = sources().flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/: NamedStatement = \{\s*name: '([^']+)'/g)].map(
        ([, name]) => `${name} in ${relative(ROOT, path)}`,
      ),
    );
    expect(listed.map(({ file, statement }) => `${statement.name} in ${file}`).sort()).toEqual(declared.sort());
  });

  it('has a file for each statement and no other (else run `npm run sql:write`)', () => {
    const files = readdirSync(SQL_DIR).filter((name) => name.endsWith('.sql'));
    expect(files.sort()).toEqual(listed.map(({ statement }) => `${statement.name}.sql`).sort());
  });

  it.each(listed.map(({ file, statement }) => [statement.name, file, statement] as const))(
    '%s: the committed file is the statement in code (else run `npm run sql:write`)',
    (name, file, statement) => {
      expect(readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8')).toBe(renderStatementFile(statement, file));
    },
  );
});
