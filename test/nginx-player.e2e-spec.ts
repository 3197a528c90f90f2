import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { hashToken } from '../src/auth/tokens';
import { aCamera, anIntegration, bearer } from './support/builders';
import { eventually } from './support/eventually';
import { type Nginx, startNginx } from './support/nginx';
import { createTestApp, TEST_ADMIN_TOKEN, type TestApp } from './support/test-app';

const FFMPEG = '/usr/bin/ffmpeg';
const SECRET = 'edge-secret-for-the-player-test';
/** The stream's segment length, in seconds (ffmpeg's -hls_time). */
const SEGMENT_S = 1;
/** The product bound: once a revocation is answered (or a link expires), a viewer gets no segment after one segment length plus 2 s. */
const BOUND_S = SEGMENT_S + 2;

/**
 * A real player through real nginx (issue 17): Debian's ffmpeg writes a live HLS stream of a test
 * pattern into the folder nginx serves behind auth_request (docs/media-servers/nginx.conf), and a
 * second ffmpeg plays the tokenized playlist as the viewer. nginx's access log says when each
 * segment was served (it logs the path without the token).
 */
describe(`a real player through real nginx (${process.env.TEST_DB})`, () => {
  let t: TestApp;
  let nginx: Nginx;
  let token: string;
  let serverId: string;
  const processes: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(FFMPEG))
      throw new Error(`${FFMPEG} is missing: apt-get install ffmpeg (npm test's prerequisites do)`);
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    nginx = await startNginx(`127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`, SECRET);
    const server = await t
      .http()
      .post('/api/v1/admin/media-servers')
      .set(bearer(TEST_ADMIN_TOKEN))
      .send({ name: 'nginx-player', base_url: nginx.base, verification_secret: SECRET });
    expect(server.status).toBe(201);
    serverId = server.body.id;
    ({ token } = await anIntegration(t.prisma));
  });

  /** Stops this test's encoder and viewer, so that the next test has the CPU to itself. */
  const stopProcesses = () =>
    Promise.all(
      processes
        .splice(0)
        .map((p) =>
          p.exitCode === null && p.signalCode === null ? new Promise((r) => p.once('exit', r).kill('SIGKILL')) : null,
        ),
    );
  afterEach(stopProcesses);

  afterAll(async () => {
    await stopProcesses();
    await nginx?.stop();
    await t?.close();
  });

  function run(args: string[]): ChildProcess {
    const child = spawn(FFMPEG, ['-nostdin', '-hide_banner', '-loglevel', 'error', ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    processes.push(child);
    return child;
  }

  /** A camera whose stream a live encoder is writing (1 s segments, 160x120 at 10 fps: little CPU), ready once its playlist names three segments. */
  async function liveCamera() {
    const camera = await aCamera(t.prisma, { mediaServerId: serverId });
    const stream = camera.streams[0].name;
    const dir = join(nginx.mediaRoot, stream);
    await mkdir(dir, { recursive: true });
    // A keyframe every segment (-g 10 at 10 fps), so that ffmpeg cuts exactly at 1 s.
    run([
      ...['-re', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '10'],
      ...[
        '-f',
        'hls',
        '-hls_time',
        String(SEGMENT_S),
        '-hls_list_size',
        '6',
        '-hls_flags',
        'delete_segments',
        join(dir, 'index.m3u8'),
      ],
    ]);
    await eventually(async () => {
      const playlist = await readFile(join(dir, 'index.m3u8'), 'utf8');
      expect(playlist.match(/\.ts$/gm)?.length ?? 0).toBeGreaterThanOrEqual(3);
    }, 30_000);
    return { camera, stream };
  }

  async function liveLink(cameraUuid: string, ttl: number): Promise<{ url: string; expiresAt: number }> {
    const res = await t
      .http()
      .post('/api/v1/cameras/video')
      .set(bearer(token))
      .send({ cameras: [{ uuid: cameraUuid }], source: 'hls', ttl });
    expect(res.status).toBe(200);
    return { url: res.body[0].url, expiresAt: Date.parse(res.body[0].expired_at) };
  }

  /** What nginx answered for the stream (playlist and segments), in order: when (ms), the path, and whether it served it (ffmpeg asks for ranges: 206) or with which refusal. */
  async function requests(stream: string): Promise<{ at: number; segment: boolean; status: 'served' | number }[]> {
    return (await nginx.accessLog())
      .map((line) => line.split(' '))
      .filter(([, , , , uri]) => uri.startsWith(`/${stream}/`))
      .map(([msec, , status, , uri]) => ({
        at: Math.round(Number(msec) * 1000),
        segment: uri.endsWith('.ts'),
        status: status.startsWith('2') ? 'served' : Number(status),
      }));
  }

  /** When each segment was served, in ms. */
  const segmentsServed = async (stream: string) =>
    (await requests(stream)).filter((r) => r.segment && r.status === 'served').map((r) => r.at);

  /** The viewer: ffmpeg reading the tokenized playlist and throwing the video away; playing once it has been served three segments. */
  async function startViewer(stream: string, url: string): Promise<ChildProcess> {
    const viewer = run(['-i', url, '-c', 'copy', '-f', 'null', '-']);
    await eventually(async () => {
      expect((await segmentsServed(stream)).length).toBeGreaterThanOrEqual(3);
    }, 30_000);
    return viewer;
  }

  /**
   * After `endedAt` the viewer is served no segment later than the bound, is refused, and
   * was still being served segments in the seconds before (so the stop is the link's end, not
   * a player that had stopped by itself). Says what was measured, in ms from `endedAt`.
   */
  async function playbackEndsWithinBound(stream: string, endedAt: number): Promise<string> {
    // The player asks again (the playlist first) and is refused.
    await eventually(async () => {
      expect((await requests(stream)).some((r) => r.at > endedAt && r.status === 403)).toBe(true);
    }, 20_000);
    // Long enough for the player to ask again several times after the bound.
    await new Promise((r) => setTimeout(r, (BOUND_S + 3) * 1000 - (Date.now() - endedAt)));
    const served = await segmentsServed(stream);
    expect(served.some((at) => at > endedAt - 3000 && at <= endedAt)).toBe(true);
    const lastServed = Math.max(...served) - endedAt;
    expect(lastServed).toBeLessThanOrEqual(BOUND_S * 1000);
    const firstRefused = (await requests(stream)).find((r) => r.at > endedAt && r.status === 403)!.at - endedAt;
    return `last segment served at ${lastServed} ms, first request refused at +${firstRefused} ms (bound +${BOUND_S * 1000} ms)`;
  }

  it(`stops getting segments within ${BOUND_S} s of a revocation being answered`, async () => {
    const { camera, stream } = await liveCamera();
    const { url } = await liveLink(camera.uuid, 300);
    await startViewer(stream, url);
    const link = await t.prisma.issuedLink.findFirstOrThrow({
      where: { tokenHash: hashToken(new URL(url).searchParams.get('token')!) },
    });
    const revoked = await t
      .http()
      .post(`/api/v1/admin/links/${link.id}/revoke`)
      .set(bearer(TEST_ADMIN_TOKEN))
      .send({ reason: 'player test' });
    const answeredAt = Date.now();
    expect(revoked.status).toBe(200);
    console.log(`nginx, HLS, from the revocation's answer: ${await playbackEndsWithinBound(stream, answeredAt)}`);
  });

  it(`stops getting segments within ${BOUND_S} s of the link's expiry`, async () => {
    const { camera, stream } = await liveCamera();
    // Long enough to start playing on a loaded machine, short enough to end during the test.
    const { url, expiresAt } = await liveLink(camera.uuid, 12);
    await startViewer(stream, url);
    expect(Date.now()).toBeLessThan(expiresAt);
    await new Promise((r) => setTimeout(r, expiresAt - Date.now()));
    console.log(`nginx, HLS, from the link's expiry: ${await playbackEndsWithinBound(stream, expiresAt)}`);
  });
});
