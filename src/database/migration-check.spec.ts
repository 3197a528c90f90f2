import { migrationMismatch, tablesOf } from './migration-check';
import { readMigrations } from './migrations/schema-engine';

const target = { kind: 'postgres' as const, url: 'postgresql://postgres@127.0.0.1:5432/camlinks', poolSize: 1 };

describe('what a database must hold for this code', () => {
  it('knows the tables the migrations leave behind', async () => {
    expect(tablesOf(['CREATE TABLE "a" (id int);', 'CREATE TABLE IF NOT EXISTS b (id int); DROP TABLE "a";'])).toEqual([
      'b',
    ]);
    const { migrationDirectories } = await readMigrations();
    const tables = tablesOf(
      migrationDirectories.map(({ migrationFile }) =>
        migrationFile.content.tag === 'ok' ? migrationFile.content.value : '',
      ),
    );
    expect(tables).toEqual(
      expect.arrayContaining(['issued_links', 'cameras', 'integration_tokens', 'audit_events', 'hourly_stats']),
    );
  });

  it('names what is wrong and what fixes it, a newer database first', () => {
    expect(migrationMismatch(['1_a', '2_b'], ['1_a', '2_b'], [], target)).toBeUndefined();
    expect(migrationMismatch([], ['1_a'], [], target)).toBe(
      'PostgreSQL at 127.0.0.1:5432/camlinks is not migrated (no camlinks tables): run `npm run db:migrate`.',
    );
    expect(migrationMismatch(['1_a'], ['1_a', '2_b'], [], target)).toContain(
      "lacks 1 of this camlinks' migrations (2_b): run `npm run db:migrate`",
    );
    expect(migrationMismatch(['1_a', '3_c'], ['1_a', '2_b'], [], target)).toContain(
      'has 1 migration(s) this camlinks does not know (3_c)',
    );
    expect(migrationMismatch(['1_a'], ['1_a'], ['users'], target)).toContain(
      'lacks table(s) its migrations created (users)',
    );
    expect(migrationMismatch([], ['1_a'], [], { kind: 'embedded', dataDir: './data' })).toContain(
      'restart camlinks (the embedded database migrates itself)',
    );
  });
});
