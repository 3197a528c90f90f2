import { isIP } from 'node:net';
import type { Decision } from './link-decision';
import type { VerifyRequest } from './link-verifier';
import type { FlussonicAuthQueryDto, MediaMtxAuthBodyDto } from './media-auth.dto';

/** How one media-server protocol asks, and how it wants to be answered. */
export interface ProtocolAnswer {
  status: number;
  headers?: Record<string, string>;
}

function queryParam(queryString: string | undefined, name: string): string | undefined {
  return new URLSearchParams((queryString ?? '').replace(/^\?/, '')).get(name) ?? undefined;
}

/** Flussonic authorization backend: 200 lets the session play for X-AuthDuration seconds; anything else refuses. */
export const flussonic = {
  request(query: FlussonicAuthQueryDto, secret: string | undefined): VerifyRequest {
    return {
      token: query.token || queryParam(query.qs, 'token'),
      secret: secret ?? query.secret,
      resource: {
        protocol: 'flussonic',
        name: query.name ?? '',
        proto: (query.proto ?? '').toLowerCase(),
        mediaRequest: query.media_request,
      },
      viewerIp: ipOrNothing(query.ip),
      sessionId: query.session_id,
      sessionProtocol: (query.proto ?? '').toLowerCase(),
    };
  },
  /**
   * X-AuthDuration is whole seconds Flussonic keeps the session without asking again, never past
   * the link's life. Under a second left, no honest duration exists (Flussonic documents none
   * below 1; 0 is not "ask again now"), so the session is refused: the link ends before the
   * shortest one would.
   */
  answer(decision: Decision, maxDurationSeconds: number, now: Date): ProtocolAnswer {
    if (!decision.allow) return { status: 403 };
    const remaining = Math.floor((decision.validUntil.getTime() - now.getTime()) / 1000);
    if (remaining < 1) return { status: 403 };
    return {
      status: 200,
      headers: { 'X-AuthDuration': String(Math.min(maxDurationSeconds, remaining)), 'X-UserId': decision.link.subject },
    };
  },
};

/** What an HLS player fetches (playlists, segments, subtitles); anything else nginx serves is plain `http`. */
const HLS_FILE = /\.(m3u8|ts|m4s|aac|vtt)$/i;

/** nginx auth_request: only 2xx, 401 and 403 mean something to nginx; everything else is an error there. */
export const nginx = {
  /** Without X-Original-Method nginx is not configured as documented: no method is no GET, and refused. */
  request(
    originalUri: string | undefined,
    originalMethod: string | undefined,
    secret: string | undefined,
    viewerIp: string | undefined,
    userAgent?: string,
  ): VerifyRequest {
    const uri = originalUri ?? '';
    const at = uri.indexOf('?');
    const [path, query] = at === -1 ? [uri, ''] : [uri.slice(0, at), uri.slice(at + 1)];
    return {
      token: queryParam(query, 'token'),
      secret,
      resource: { protocol: 'nginx', path, method: originalMethod ?? '' },
      viewerIp: ipOrNothing(viewerIp),
      sessionProtocol: HLS_FILE.test(path) ? 'hls' : 'http',
      userAgent,
    };
  },
  answer(decision: Decision): ProtocolAnswer {
    if (decision.allow) return { status: 204 };
    const unauthenticated = decision.reason === 'no_token' || decision.reason === 'secret_missing';
    return { status: unauthenticated ? 401 : 403 };
  },
};

/** MediaMTX external authentication: 2xx allows, anything else (401 here) refuses. */
export const mediamtx = {
  request(body: MediaMtxAuthBodyDto, secret: string | undefined): VerifyRequest {
    return {
      token: body.token || queryParam(body.query, 'token') || body.password || undefined,
      secret,
      resource: { protocol: 'mediamtx', path: body.path ?? '', action: body.action ?? '', query: body.query ?? '' },
      viewerIp: ipOrNothing(body.ip),
      // Null for playback (MediaMTX names only reader sessions): such requests are sessions by address, as nginx's are.
      sessionId: body.id ?? undefined,
      sessionProtocol: body.protocol || (body.action === 'playback' ? 'playback' : ''),
      userAgent: body.userAgent,
    };
  },
  answer(decision: Decision): ProtocolAnswer {
    return { status: decision.allow ? 200 : 401 };
  },
};

/** The viewer's address as a media server reports it: recorded (and shown to auditors) only when it is an IP address. */
function ipOrNothing(value: string | undefined): string | undefined {
  return value !== undefined && isIP(value) ? value : undefined;
}
