import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const CLIENT = join(ROOT, 'clients/typescript');
const GENERATED = join(CLIENT, 'src/openapi.d.ts');
const ADMIN = 'typescript-client-admin-token-0123456789abcdef';
const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

/** The typed client of clients/typescript: generated from the committed document, and its README example run against a real camlinks. */
describe('the TypeScript client (clients/typescript)', () => {
  let dbName: string | undefined;
  let camlinks: Instance | undefined;

  afterAll(async () => {
    await camlinks?.stop();
    if (dbName) await dropDatabase(dbName);
    await rm(join(CLIENT, 'dist'), { recursive: true, force: true });
  });

  it('commits exactly what openapi-typescript generates from openapi.json, with no unknown field and no JSON/CSV union', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'camlinks-client-'));
    try {
      // The same command as `npm run client:generate`, into a scratch file.
      await run(bin('openapi-typescript'), ['openapi.json', '-o', join(dir, 'openapi.d.ts')], { cwd: ROOT });
      const fresh = await readFile(join(dir, 'openapi.d.ts'), 'utf8');
      if (fresh !== (await readFile(GENERATED, 'utf8')))
        throw new Error(`${GENERATED} is stale: run npm run client:generate`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const generated = await readFile(GENERATED, 'utf8');
    // Response headers are an open map in every openapi-typescript output; nothing else may be unknown.
    const unknowns = generated.split('\n').filter(
      // Descriptions (JSDoc lines) may say the word; only types count.
      (line) =>
        /\bunknown\b/.test(line.replace(/\/\*\*.*\*\//, '')) &&
        !/^\s*\*/.test(line) &&
        !/^\s*\[name: string\]: unknown;$/.test(line),
    );
    expect(unknowns).toEqual([]);
    const contents = [...generated.matchAll(/content: \{\n((?:\s+"[^"]+": .*\n)+)/g)].map((match) =>
      [...match[1].matchAll(/"([^"]+)":/g)].map((m) => m[1]),
    );
    expect(contents.length).toBeGreaterThan(50);
    expect(contents.filter((types) => types.length > 1)).toEqual([]);
  }, 120_000);

  it('type-checks, and its example issues links, revokes one and exports CSV against a running camlinks', async () => {
    dbName = await cloneTemplate();
    camlinks = await startInstance({ DATABASE_URL: databaseUrl(dbName), ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' });
    // tsc checks the client, its type tests and the example; then the example runs as its README says.
    await run(bin('tsc'), ['-p', CLIENT], { cwd: ROOT });
    const { stdout } = await run(process.execPath, [join(CLIENT, 'dist/example.js')], {
      env: { PATH: process.env.PATH, CAMLINKS_URL: camlinks.url, CAMLINKS_ADMIN_TOKEN: ADMIN },
    });
    expect(stdout).toMatch(/^issued 2 links, expiring at \d{4}-\d\d-\d\dT/m);
    expect(stdout).toContain('revoked 1, already revoked 0, not found 0');
    expect(stdout).toContain('exported 2 links as CSV: revoked and active');
  }, 180_000);
});
