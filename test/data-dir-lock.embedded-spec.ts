import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Instance, runToExit, startInstance } from './support/instance';

/** Two processes on one embedded data folder would each see only their own writes, and lose the other's. */
describe('one camlinks process per data folder', () => {
  let dataDir: string;
  let first: Instance | undefined;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'camlinks-lock-')), 'data');
  });
  afterAll(async () => {
    await first?.stop('SIGKILL');
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('refuses a second process on the same DATA_DIR at once, naming the folder and the process holding it', async () => {
    first = await startInstance({ DATA_DIR: dataDir });
    const second = await runToExit({ DATA_DIR: dataDir });
    expect(second.code).toBe(1);
    expect(second.output.trim()).toBe(
      `camlinks cannot start: DATA_DIR ${dataDir} is in use by camlinks pid ${first.process.pid}: one camlinks process per data folder (two would each lose the other's writes). Stop it, or give this one another DATA_DIR.`,
    );
    // The first one was not disturbed.
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
  }, 400_000);

  it('is not left behind by a process killed outright, and is released at a clean exit', async () => {
    await first!.stop('SIGKILL');
    first = await startInstance({ DATA_DIR: dataDir });
    expect((await fetch(`${first.url}/health/ready`)).status).toBe(200);
    await first.stop();
    first = undefined;
    expect((await readdir(dataDir)).filter((name) => name.startsWith('camlinks.'))).toEqual([]);
  }, 400_000);
});
