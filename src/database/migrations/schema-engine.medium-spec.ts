import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type OpenDatabase } from '../open-database';
import { diffMigrationsToSchema, LOCKFILE_CONTENT, LOCKFILE_NAME } from './schema-engine';

// Diffs replay migrations in a shadow database, which only PGlite provides: no server needed.
describe('diffMigrationsToSchema', () => {
  let db: OpenDatabase;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'embedded', dataDir: 'memory://' });
  });

  afterAll(() => db.close());

  it('finds nothing between the committed migrations and schema.prisma', async () => {
    expect(await diffMigrationsToSchema(db.factory)).toBe('');
  });

  it('creates every table from no migrations at all', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camlinks-migrations-'));
    try {
      await writeFile(join(dir, LOCKFILE_NAME), LOCKFILE_CONTENT);
      expect(await diffMigrationsToSchema(db.factory, dir)).toContain('CREATE TABLE "issued_links"');
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
