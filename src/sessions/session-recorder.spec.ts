import type { AppConfig } from '../config/app-config';
import { Shutdown } from '../config/config.module';
import { SessionRecorder, UNNAMED_SESSION_GAP_MS, USER_AGENT_MAX } from './session-recorder';
import type { IdleCutoffs, SessionSighting, ViewingSessionsRepository } from './viewing-sessions.repository';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const MTX_ID = '5f0e1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b';
const LINK = { id: 'link', issued: { at: at(0) } };

/** The recorder against a fake repository that keeps what each flush sent. */
function aRecorder() {
  const batches: SessionSighting[][] = [];
  const idleSweeps: IdleCutoffs[] = [];
  const fake = {
    failNext: false,
    endedIds: [] as string[],
    recordBatch(batch: SessionSighting[]) {
      if (fake.failNext) {
        fake.failNext = false;
        return Promise.reject(new Error('database down'));
      }
      batches.push(batch.map((s) => ({ ...s })));
      return Promise.resolve(fake.endedIds.filter((id) => batch.some((s) => s.id === id)));
    },
    closeIdle(cutoffs: IdleCutoffs) {
      idleSweeps.push(cutoffs);
      return Promise.resolve(0);
    },
  };
  const config = {
    verification: { usageFlushMs: 1000, authDurationMax: 10 },
    links: { ttlMax: 3600 },
    spoolDir: null,
  } as AppConfig;
  const recorder = new SessionRecorder(fake as unknown as ViewingSessionsRepository, config, new Shutdown(10_000));
  return { recorder, batches, idleSweeps, fake };
}

const nginx = { sessionProtocol: 'hls', userAgent: 'ffmpeg' };

describe('SessionRecorder', () => {
  it('keeps an nginx viewer in one session while requests keep coming, and starts a new one after a gap of more than 60 s', async () => {
    const { recorder, batches } = aRecorder();
    recorder.record(LINK, 'server', 'nginx', nginx, '203.0.113.7', at(0));
    recorder.record(LINK, 'server', 'nginx', nginx, '203.0.113.7', at(1000));
    await recorder.flush(at(1500));
    recorder.record(LINK, 'server', 'nginx', nginx, '203.0.113.7', at(1000 + UNNAMED_SESSION_GAP_MS));
    await recorder.flush(at(2000 + UNNAMED_SESSION_GAP_MS));
    recorder.record(LINK, 'server', 'nginx', nginx, '203.0.113.7', at(1001 + 2 * UNNAMED_SESSION_GAP_MS));
    recorder.record(LINK, 'server', 'nginx', nginx, '198.51.100.1', at(1001 + 2 * UNNAMED_SESSION_GAP_MS));
    await recorder.flush(at(2000 + 2 * UNNAMED_SESSION_GAP_MS));
    const [first, second, third] = batches;
    expect(first).toEqual([
      expect.objectContaining({
        mediaServerSessionId: null,
        firstSeenAt: at(0),
        lastSeenAt: at(1000),
        protocol: 'hls',
        userAgent: 'ffmpeg',
      }),
    ]);
    expect(second).toEqual([
      expect.objectContaining({ id: first[0].id, firstSeenAt: at(0), lastSeenAt: at(1000 + UNNAMED_SESSION_GAP_MS) }),
    ]);
    expect(third).toHaveLength(2);
    expect(third.map((s) => s.id)).not.toContain(first[0].id);
    expect(new Set(third.map((s) => s.id)).size).toBe(2);
  });

  it('sends one sighting per media-server session per flush, nothing when nothing was seen', async () => {
    const { recorder, batches } = aRecorder();
    for (let i = 0; i < 5; i++)
      recorder.record(LINK, 'server', 'mediamtx', { sessionId: MTX_ID, sessionProtocol: 'rtsp' }, '203.0.113.7', at(i));
    await recorder.flush(at(10));
    await recorder.flush(at(20));
    expect(batches).toEqual([
      [
        expect.objectContaining({
          mediaServerKind: 'mediamtx',
          mediaServerSessionId: MTX_ID,
          protocol: 'rtsp',
          firstSeenAt: at(0),
          lastSeenAt: at(4),
        }),
      ],
    ]);
  });

  it('starts a new nginx session when the database says the open one ended (by an admin, or idle)', async () => {
    const { recorder, batches, fake } = aRecorder();
    recorder.record(LINK, 'server', 'nginx', nginx, undefined, at(0));
    await recorder.flush(at(10));
    fake.endedIds.push(batches[0][0].id);
    recorder.record(LINK, 'server', 'nginx', nginx, undefined, at(20));
    await recorder.flush(at(30));
    recorder.record(LINK, 'server', 'nginx', nginx, undefined, at(40));
    await recorder.flush(at(50));
    expect(batches[1][0].id).toBe(batches[0][0].id);
    expect(batches[2][0]).toMatchObject({ firstSeenAt: at(40) });
    expect(batches[2][0].id).not.toBe(batches[0][0].id);
  });

  it('keeps what a failed flush carried for the next one', async () => {
    const { recorder, batches, fake } = aRecorder();
    recorder.record(LINK, 'server', 'flussonic', { sessionId: 'abc-1', sessionProtocol: 'hls' }, undefined, at(0));
    recorder.record(LINK, 'server', 'nginx', nginx, undefined, at(0));
    fake.failNext = true;
    await recorder.flush(at(10));
    recorder.record(LINK, 'server', 'flussonic', { sessionId: 'abc-1', sessionProtocol: 'hls' }, undefined, at(20));
    await recorder.flush(at(30));
    expect(batches).toHaveLength(2);
    expect(batches[0]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ mediaServerSessionId: 'abc-1', firstSeenAt: at(0), lastSeenAt: at(0) }),
        expect.objectContaining({ mediaServerSessionId: null, firstSeenAt: at(0) }),
      ]),
    );
    expect(batches[1]).toEqual([expect.objectContaining({ mediaServerSessionId: 'abc-1', lastSeenAt: at(20) })]);
  });

  it('bounds what media servers report: odd ids make no named session, odd protocols are `other`, user agents are cut', async () => {
    const { recorder, batches } = aRecorder();
    const hostile = ['x'.repeat(65), 'a b', 'id\u0000', '../../etc', ''];
    for (const sessionId of hostile)
      recorder.record(
        LINK,
        'server',
        'mediamtx',
        { sessionId, sessionProtocol: 'RTSP\n<script>', userAgent: 'u'.repeat(5000) },
        undefined,
        at(0),
      );
    await recorder.flush(at(10));
    expect(batches[0]).toHaveLength(1);
    expect(batches[0][0]).toMatchObject({ mediaServerSessionId: null, protocol: 'other' });
    expect(batches[0][0].userAgent).toHaveLength(USER_AGENT_MAX);
  });

  it('closes idle sessions at most every 15 s, by bounds that leave room for a flush to arrive late', async () => {
    const { recorder, idleSweeps } = aRecorder();
    await recorder.flush(at(0));
    await recorder.flush(at(14_000));
    await recorder.flush(at(15_000));
    expect(idleSweeps).toEqual([
      { unnamed: at(-62_000), flussonic: at(-82_000), mediamtx: at(-3_660_000) },
      { unnamed: at(15_000 - 62_000), flussonic: at(15_000 - 82_000), mediamtx: at(15_000 - 3_660_000) },
    ]);
  });
});
