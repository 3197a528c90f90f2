/**
 * MediaMTX's control API, as far as camlinks uses it: kicking one session out
 * (`POST /v3/{collection}/kick/{id}`, api/openapi.yaml of bluenviron/mediamtx).
 */

/** Where a media server's control API is, and the HTTP Basic credentials camlinks presents there. */
export interface ControlApi {
  url: string;
  username: string | null;
  password: string | null;
}

export type KickOutcome =
  /** MediaMTX answered 200: the session is closed. */
  | { kind: 'kicked' }
  /** 404 wherever it could be: the session had already ended. */
  | { kind: 'gone' }
  /** Not reached, or refused (an error, 401 for wrong credentials): worth another try later. */
  | { kind: 'failed'; error: string };

/**
 * The collections a session may sit in, by the `protocol` MediaMTX reported when it asked
 * camlinks: its auth requests say `rtsp` for RTSP and RTSPS alike, and `rtmp` for RTMP and RTMPS
 * (internal/auth/request.go), so both collections are tried, the plain one first.
 */
const COLLECTIONS: Readonly<Record<string, readonly string[]>> = {
  rtsp: ['rtspsessions', 'rtspssessions'],
  rtmp: ['rtmpconns', 'rtmpsconns'],
  srt: ['srtconns'],
  webrtc: ['webrtcsessions'],
  hls: ['hlssessions'],
  moq: ['moqsessions'],
};

/** Whether camlinks knows where MediaMTX keeps sessions of this protocol. */
export function isKickable(protocol: string): boolean {
  return Object.hasOwn(COLLECTIONS, protocol);
}

/**
 * Kicks one session out of MediaMTX (of a protocol it isKickable). Each call is bounded by
 * `timeoutMs`; the caller decides when to try again after a failure.
 */
export async function kickMediaMtxSession(
  api: ControlApi,
  protocol: string,
  sessionId: string,
  timeoutMs: number,
): Promise<KickOutcome> {
  const collections = COLLECTIONS[protocol] ?? [];
  const headers: Record<string, string> =
    api.username !== null || api.password !== null
      ? { authorization: `Basic ${Buffer.from(`${api.username ?? ''}:${api.password ?? ''}`).toString('base64')}` }
      : {};
  for (const collection of collections) {
    const url = `${api.url.replace(/\/+$/, '')}/v3/${collection}/kick/${encodeURIComponent(sessionId)}`;
    let status: number;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      });
      status = response.status;
      await response.body?.cancel();
    } catch (error) {
      // The URL is the configured one (never with credentials) plus the session id: safe to record.
      return { kind: 'failed', error: `POST ${url}: ${describe(error)}` };
    }
    if (status >= 200 && status < 300) return { kind: 'kicked' };
    if (status !== 404) return { kind: 'failed', error: `POST ${url}: answered ${status}` };
  }
  return { kind: 'gone' };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return 'timed out';
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
