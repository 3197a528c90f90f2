import { join } from 'node:path';
import { FIND_INTEGRATION_TOKEN, FIND_USER_TOKEN } from './auth/credentials.repository';
import type { NamedStatement } from './database/direct-sql';
import { FIND_CAMERAS, FIND_GRANTS } from './integration/cameras.repository';
import { INSERT_LINKS } from './links/issued-links.repository';
import { RECORD_SIGHTINGS } from './sessions/viewing-sessions.repository';
import {
  ADD_USAGE,
  FIND_CONTROL_API_CREDENTIALS,
  FIND_LINK_STATE,
  FIND_LINK_STATES_BY_ID,
  FIND_MEDIA_SERVER_BY_SECRET,
  FIND_MEDIA_SERVER_WITHOUT_SECRET,
} from './verification/verification.repository';

/** Where `npm run sql:write` writes each hot statement as `<name>.sql` (from src/ and from dist/ alike). */
export const SQL_DIR = join(__dirname, '..', 'src', 'database', 'sql');

/**
 * Every DirectSql statement (the hot paths' named statements), by the file that declares it. The
 * statements live in code, beside the repository that runs them: some share fragments, and the
 * caches derive the tables they hear from the text. Their SQL is also committed as files, so a
 * change to one shows in review as SQL (src/hot-statements.spec.ts checks both agree, and that
 * this list names every statement declared in src/).
 */
export const HOT_STATEMENTS: readonly { file: string; statements: readonly NamedStatement[] }[] = [
  { file: 'src/auth/credentials.repository.ts', statements: [FIND_INTEGRATION_TOKEN, FIND_USER_TOKEN] },
  { file: 'src/integration/cameras.repository.ts', statements: [FIND_CAMERAS, FIND_GRANTS] },
  { file: 'src/links/issued-links.repository.ts', statements: [INSERT_LINKS] },
  { file: 'src/sessions/viewing-sessions.repository.ts', statements: [RECORD_SIGHTINGS] },
  {
    file: 'src/verification/verification.repository.ts',
    statements: [
      FIND_LINK_STATE,
      FIND_LINK_STATES_BY_ID,
      FIND_MEDIA_SERVER_BY_SECRET,
      FIND_MEDIA_SERVER_WITHOUT_SECRET,
      FIND_CONTROL_API_CREDENTIALS,
      ADD_USAGE,
    ],
  },
];

/**
 * A statement's file: a header naming its source, then its text. A text that opens on a new line
 * (a template literal indented with the code) loses that line and its common indentation; the
 * rest is kept as PostgreSQL receives it.
 */
export function renderStatementFile(statement: NamedStatement, file: string): string {
  let text = statement.text;
  if (text.startsWith('\n')) {
    const lines = text.slice(1).split('\n');
    const indent = Math.min(...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length));
    text = lines.map((line) => line.slice(indent)).join('\n');
  }
  return (
    `-- ${statement.name}: declared in ${file}; written by \`npm run sql:write\` (edit the code, not this file)\n` +
    `${text.replace(/[ \t]+$/gm, '').trimEnd()}\n`
  );
}
