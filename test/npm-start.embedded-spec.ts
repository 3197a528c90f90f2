import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/instance';

const ROOT = join(__dirname, '..');
const answers = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

/** The README's first command, as a person runs it and stops it: nothing may be left listening. */
describe('npm start', () => {
  it('runs camlinks, and stops it when npm is told to stop (SIGTERM, as a service manager or `kill` sends)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'camlinks-npm-start-'));
    const port = await freePort();
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => npm.on('exit', resolve));
    const url = `http://127.0.0.1:${port}/health/live`;
    try {
      const deadline = Date.now() + 100_000;
      while (!(await answers(url))) {
        if (Date.now() > deadline || npm.exitCode !== null) throw new Error('npm start did not answer');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      npm.kill('SIGTERM');
      await exited;
      // npm has exited: camlinks, its child, must have stopped listening too.
      expect(await answers(url)).toBe(false);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);
});
