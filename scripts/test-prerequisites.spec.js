/* global describe, it, expect */
const { ensurePrerequisites, PREREQUISITES } = require('./test-prerequisites');

const NGINX = { name: 'nginx', path: '/usr/sbin/nginx', aptPackage: 'nginx-light', neededBy: 'the nginx tests' };
const CHROMIUM = { name: 'chromium', path: '/usr/bin/chromium', aptPackage: 'chromium', neededBy: 'the browser tests' };

/** A machine with these executables, which may or may not be allowed to install packages. */
function aMachine({ present = [], canInstall = false, installs = true } = {}) {
  const files = new Set(present);
  const installed = [];
  return {
    installed,
    isExecutable: (path) => files.has(path),
    canInstall: () => canInstall,
    install(packages) {
      installed.push(...packages);
      if (!installs) throw new Error('E: Unable to locate package');
      for (const p of [NGINX, CHROMIUM]) if (packages.includes(p.aptPackage)) files.add(p.path);
    },
  };
}

describe('test prerequisites (npm test, before any test)', () => {
  it('names every program the end-to-end tests start, with the Debian package that has it', () => {
    expect(PREREQUISITES.map((p) => [p.path, p.aptPackage])).toEqual([
      ['/usr/sbin/nginx', 'nginx-light'],
      ['/usr/bin/chromium', 'chromium'],
      ['/usr/bin/ffmpeg', 'ffmpeg'],
    ]);
  });

  it('does nothing when everything is installed', () => {
    const machine = aMachine({ present: [NGINX.path, CHROMIUM.path], canInstall: true });
    expect(ensurePrerequisites(machine, [NGINX, CHROMIUM])).toEqual([]);
    expect(machine.installed).toEqual([]);
  });

  it('installs only what is missing, as root with apt-get', () => {
    const machine = aMachine({ present: [CHROMIUM.path], canInstall: true });
    expect(ensurePrerequisites(machine, [NGINX, CHROMIUM])).toEqual([NGINX]);
    expect(machine.installed).toEqual(['nginx-light']);
  });

  it('says in one line what is missing and how to get it when it may not install', () => {
    const machine = aMachine({ canInstall: false });
    expect(() => ensurePrerequisites(machine, [NGINX, CHROMIUM])).toThrow(
      'The tests need nginx (/usr/sbin/nginx, for the nginx tests) and chromium (/usr/bin/chromium, for the browser tests), not installed; ' +
        'install them: sudo apt-get update && sudo apt-get install -y --no-install-recommends nginx-light chromium',
    );
    expect(machine.installed).toEqual([]);
  });

  it('fails with the same advice when apt-get fails', () => {
    const machine = aMachine({ canInstall: true, installs: false });
    expect(() => ensurePrerequisites(machine, [NGINX])).toThrow(
      /installing it failed \(E: Unable to locate package\); install it: sudo apt-get/,
    );
  });
});
