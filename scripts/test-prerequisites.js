#!/usr/bin/env node
// Run by `npm test` before any test: the programs the end-to-end tests start besides camlinks.
// As root with apt-get (CI, a fresh container) it installs what is missing; otherwise it says in
// one line what is missing and how to get it, and fails before a single test runs.
const { execFileSync } = require('node:child_process');
const { accessSync, constants } = require('node:fs');

const PREREQUISITES = [
  { name: 'nginx', path: '/usr/sbin/nginx', aptPackage: 'nginx-light', neededBy: 'the nginx auth_request tests' },
  { name: 'chromium', path: '/usr/bin/chromium', aptPackage: 'chromium', neededBy: 'the browser tests' },
  {
    name: 'ffmpeg',
    path: '/usr/bin/ffmpeg',
    aptPackage: 'ffmpeg',
    neededBy: 'the real player test (a live HLS stream and its viewer)',
  },
];

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const hasAptGet = () => isExecutable('/usr/bin/apt-get');

/** apt-get, quiet unless it fails: its output is then the explanation. */
function aptGet(args) {
  execFileSync('apt-get', ['-qq', ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Makes sure every prerequisite is there. The machine is reached only through `system`
 * (injectable for the tests): { isExecutable(path), canInstall(), install(packages) }.
 * Returns what it installed; throws an Error whose message is the one line to show.
 */
function ensurePrerequisites(system, prerequisites = PREREQUISITES) {
  const missing = prerequisites.filter((p) => !system.isExecutable(p.path));
  if (missing.length === 0) return [];
  const packages = missing.map((p) => p.aptPackage);
  const what = missing.map((p) => `${p.name} (${p.path}, for ${p.neededBy})`).join(' and ');
  const it = missing.length > 1 ? 'them' : 'it';
  const howTo = `install ${it}: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
  if (!system.canInstall()) throw new Error(`The tests need ${what}, not installed; ${howTo}`);
  try {
    system.install(packages);
  } catch (error) {
    throw new Error(`The tests need ${what}; installing ${it} failed (${error.message}); ${howTo}`, { cause: error });
  }
  const stillMissing = missing.filter((p) => !system.isExecutable(p.path));
  if (stillMissing.length)
    throw new Error(
      `apt-get installed ${packages.join(' ')} but ${stillMissing.map((p) => p.path).join(', ')} is still missing`,
    );
  return missing;
}

const thisMachine = {
  isExecutable,
  canInstall: () => process.getuid?.() === 0 && hasAptGet(),
  install(packages) {
    process.stderr.write(`Installing ${packages.join(', ')} for the tests (apt-get)…\n`);
    try {
      aptGet(['install', '-y', '--no-install-recommends', ...packages]);
    } catch {
      // A fresh container has no package lists yet, or old ones.
      aptGet(['update']);
      aptGet(['install', '-y', '--no-install-recommends', ...packages]);
    }
  },
};

module.exports = { ensurePrerequisites, PREREQUISITES, thisMachine };

if (require.main === module) {
  try {
    ensurePrerequisites(thisMachine);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
