import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderNginxConf } from '../../scripts/nginx-conf';
import { freePort } from './instance';

const NGINX = '/usr/sbin/nginx';

export interface Nginx {
  /** http://127.0.0.1:<port>, the media server's base_url. */
  base: string;
  /** The folder nginx serves (MEDIA_ROOT). */
  mediaRoot: string;
  /** The lines of its access log so far (nginx.conf's `camlinks` format: $msec $remote_addr $status $request_method $uri $body_bytes_sent). */
  accessLog(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * A real nginx running docs/media-servers/nginx.conf as published (scripts/nginx-conf.js fills in
 * only addresses and paths), in front of camlinks at `camlinksAddress`, ready when it answers.
 * It serves `mediaRoot`, by default an empty folder of its own.
 */
export async function startNginx(camlinksAddress: string, mediaSecret: string, media?: string): Promise<Nginx> {
  if (!existsSync(NGINX))
    throw new Error(`${NGINX} is missing: apt-get install nginx-light (npm test's prerequisites do)`);
  const port = await freePort();
  const prefix = await mkdtemp(join(tmpdir(), 'camlinks-nginx-'));
  // nginx's workers run as nobody: the folder mkdtemp made (0700) would answer 403 for every file.
  await chmod(prefix, 0o755);
  const mediaRoot = media ?? join(prefix, 'media');
  await mkdir(mediaRoot, { recursive: true });
  await mkdir(join(prefix, 'logs'));
  const conf = renderNginxConf(join(prefix, 'conf'), {
    LISTEN: `127.0.0.1:${port}`,
    CAMLINKS_ADDRESS: camlinksAddress,
    MEDIA_ROOT: mediaRoot,
    MEDIA_SECRET: mediaSecret,
  });
  // In the foreground, so that the test owns the process (the file leaves daemon mode to the operator).
  const nginx: ChildProcess = spawn(NGINX, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'inherit' });
  const exited = new Promise<void>((resolve) => nginx.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}`);
    if (
      await fetch(`${base}/`).then(
        () => true,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error('nginx did not answer in 10 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    mediaRoot,
    accessLog: async () =>
      (await readFile(join(prefix, 'logs/access.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean),
    async stop() {
      if (nginx.exitCode === null) nginx.kill();
      await exited;
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
