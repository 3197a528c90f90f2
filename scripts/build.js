#!/usr/bin/env node
// Compiles src/ to dist/ with SWC (about a second; `npm run typecheck` is the type check).
// Skips the work when dist/ was built from exactly the sources there are now, and never
// rewrites dist/ in place: the new build is written beside it and swapped in by rename, so a
// server running from dist/ keeps the files it has loaded.
const {
  copyFileSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  readFileSync,
} = require('node:fs');
const { dirname, join, relative } = require('node:path');

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const STAMP = '.build-stamp.json';
/** Files under src/ copied to dist/ as they are: the console's templates and assets. */
const ASSET_EXTENSIONS = ['.eta', '.css', '.js'];
/** Besides the sources, what changes the output. */
const INPUTS = [join(__dirname, 'build.js'), join(ROOT, 'package-lock.json')];

/** Compiler options shared with the tests (jest.config.js): legacy decorators with metadata, as `tsc` emits them. */
const SWC_COMPILE = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
const SWC_OPTIONS = { ...SWC_COMPILE, sourceMaps: true };

function sources(dir = SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

function assets(dir = SRC) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : assets(path);
    return ASSET_EXTENSIONS.some((extension) => entry.name.endsWith(extension)) ? [path] : [];
  });
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(join(DIST, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Why dist/ must be rebuilt, or undefined when it is up to date. */
function staleReason(files = [...sources(), ...assets()]) {
  const stamp = readStamp();
  if (!stamp) return 'no build yet';
  const names = files.map((file) => relative(ROOT, file)).sort();
  if (JSON.stringify(names) !== JSON.stringify(stamp.sources)) return 'sources added or removed';
  const newer = [...files, ...INPUTS].find((file) => statSync(file).mtimeMs > stamp.builtAt);
  return newer && `${relative(ROOT, newer)} changed`;
}

async function build() {
  const swc = require('@swc/core');
  const files = sources();
  const builtAt = Date.now();
  const next = `${DIST}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  for (const file of assets()) {
    mkdirSync(dirname(join(next, relative(SRC, file))), { recursive: true });
    copyFileSync(file, join(next, relative(SRC, file)));
  }
  await Promise.all(
    files.map(async (file) => {
      const out = join(next, relative(SRC, file)).replace(/\.ts$/, '.js');
      const { code, map } = await swc.transformFile(file, {
        ...SWC_OPTIONS,
        filename: file,
        sourceFileName: relative(dirname(out), file),
      });
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${code}\n//# sourceMappingURL=${out.slice(dirname(out).length + 1)}.map\n`);
      writeFileSync(`${out}.map`, map);
    }),
  );
  writeFileSync(
    join(next, STAMP),
    JSON.stringify({ builtAt, sources: [...files, ...assets()].map((file) => relative(ROOT, file)).sort() }),
  );
  const old = `${DIST}.old-${process.pid}`;
  try {
    renameSync(DIST, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
  renameSync(next, DIST);
  rmSync(old, { recursive: true, force: true });
  return files.length;
}

/** Builds when dist/ is stale; says so on stderr (stdout may be a script's output). */
async function ensureBuilt({ force = false } = {}) {
  const reason = force ? 'forced' : staleReason();
  if (!reason) return;
  const started = Date.now();
  const count = await build();
  process.stderr.write(`Built dist/ from ${count} files in ${Date.now() - started} ms (${reason}).\n`);
}

module.exports = { ensureBuilt, staleReason, SWC_COMPILE };

if (require.main === module) {
  ensureBuilt({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(`Build failed: ${error.message}`);
    process.exit(1);
  });
}
