import { nameKeys } from '../src/common/names';
import { applyMigrations } from '../src/database/migrations/schema-engine';
import { anEmptyDatabase, type EmptyDatabase } from './support/test-database';

const onPostgres = process.env.TEST_DB !== 'embedded';
const MIGRATION = /_admin_name_skeletons$/;

/**
 * The migration that makes admin names unique under their skeletons, on a database that already
 * has admins: it computes in SQL what src/common/names.ts computes for new names, and stops,
 * naming both, when two existing names look alike.
 */
describe(`the admin name skeletons migration on existing admins (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  async function migratedUpTo(
    purpose: string,
    names: string[],
  ): Promise<{ empty: EmptyDatabase; skeletons: string; through: string }> {
    const empty = await anEmptyDatabase(purpose);
    const { name: skeletons, dir: before, through } = await empty.migrationsBefore(MIGRATION);
    await applyMigrations(empty.db.factory, before);
    for (const name of names)
      await empty.run(`INSERT INTO admins (id, name) VALUES (gen_random_uuid(), '${name.replaceAll("'", "''")}')`);
    return { empty, skeletons, through };
  }

  it('fills both keys of every admin exactly as camlinks computes them for a new name', async () => {
    // Confusables, case pairs beyond ASCII (ß, final sigma, dotted I), combining marks, an invisible character.
    const names = [
      'alice',
      'Zoë',
      'STRASSE-ops',
      'Ὀδυσσεύς',
      'İlker',
      'ｆｕｌｌｗｉｄｔｈ',
      'rn-team',
      'e\u0301lan',
      'zw\u200bj',
      '𝔭𝒶ỿ𝕡𝕒ℓ',
    ];
    const { empty, skeletons, through } = await migratedUpTo('admin-names', names);
    try {
      expect(await applyMigrations(empty.db.factory, through)).toEqual([skeletons]);
      const rows = await empty.query<[string, string, string]>(
        `SELECT name, name_skeleton, name_skeleton_folded FROM admins WHERE name <> 'bootstrap'`,
      );
      expect(rows).toHaveLength(names.length);
      for (const [name, skeleton, folded] of rows)
        expect({ name, skeleton, folded }).toEqual({ name, ...renamed(nameKeys(name)) });
    } finally {
      await empty.close();
    }
  });

  it('stops, naming both admins, when two existing names look alike', async () => {
    const { empty, skeletons, through } = await migratedUpTo('admin-names-clash', ['alice', '\u0430lice']);
    try {
      await expect(applyMigrations(empty.db.factory, through)).rejects.toThrow(
        /The names of admins 'alice' \([0-9a-f-]{36}\) and 'аlice' \([0-9a-f-]{36}\) look alike|The names of admins 'аlice' \([0-9a-f-]{36}\) and 'alice' \([0-9a-f-]{36}\) look alike/,
      );
      // Nothing of it stays: the documented fix (rename one, forget the failed attempt) and a second run are all it takes.
      expect(
        await empty.query(
          `SELECT count(*)::int FROM information_schema.columns WHERE table_name = 'admins' AND column_name = 'name_skeleton'`,
        ),
      ).toEqual([[0]]);
      await empty.run(`UPDATE admins SET name = 'alice-2' WHERE name = '\u0430lice'`);
      await empty.run(`DELETE FROM _prisma_migrations WHERE migration_name = '${skeletons}' AND finished_at IS NULL`);
      expect(await applyMigrations(empty.db.factory, through)).toEqual([skeletons]);
    } finally {
      await empty.close();
    }
  });
});

function renamed(keys: ReturnType<typeof nameKeys>): { skeleton: string; folded: string } {
  return { skeleton: keys.nameSkeleton, folded: keys.nameSkeletonFolded };
}
