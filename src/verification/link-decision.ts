import { timingSafeEqual } from 'node:crypto';
import { hashToken } from '../auth/tokens';
import type { LinkKind } from '../links/link-issuer';
import { buildUrl, type MediaServerUrls } from '../links/url-templates';

/** Everything a verification decision needs to know about one issued link, as of one query. */
export interface LinkState {
  id: string;
  kind: LinkKind;
  streamName: string;
  source: string;
  archiveFrom: Date | null;
  archiveTo: Date | null;
  expiresAt: Date;
  revoked: boolean;
  /** The user the link was issued to, else the integration: what media servers log as the viewer. */
  subject: string;
  camera: { blocked: boolean; hasStream: boolean } | null;
  mediaServer: (MediaServerUrls & { secretHash: string | null }) | null;
  /** Present when the link was issued with such a token; `revoked` covers a deleted token too. */
  integrationToken: { revoked: boolean; expiresAt: Date | null } | null;
  userToken: { revoked: boolean; expiresAt: Date | null } | null;
  /** For links issued to a user: the grant that allowed it, null when it is gone. */
  grant: { expiresAt: Date | null } | null;
  issuedToUser: boolean;
}

/** What the media server asks for, as each protocol describes it. */
export type RequestedResource =
  | { protocol: 'nginx'; path: string; method: string }
  | { protocol: 'flussonic'; name: string; proto: string }
  | { protocol: 'mediamtx'; path: string; action: string };

export type DenyReason =
  | 'no_token'
  | 'unknown_token'
  | 'secret_missing'
  | 'secret_wrong'
  | 'revoked'
  | 'expired'
  | 'camera_gone'
  | 'camera_blocked'
  | 'stream_gone'
  | 'issuer_revoked'
  | 'issuer_expired'
  | 'grant_gone'
  | 'grant_expired'
  | 'wrong_resource'
  | 'error';

export type Decision = { allow: true; link: LinkState; validUntil: Date } | { allow: false; reason: DenyReason; link?: LinkState };

/** Flussonic protocols that deliver a preview file rather than a video session. */
const FLUSSONIC_PREVIEW_PROTOS = new Set(['mp4', 'jpeg', 'jpg', 'http', 'preview']);
const FLUSSONIC_VIDEO_PROTOS = new Set(['hls', 'llhls', 'dash', 'cmaf', 'mss', 'hds', 'rtmp', 'rtsp', 'mpegts', 'webrtc', 'srt', 'm4f', 'shoutcast']);

/**
 * The one verification rule: allow only a known, unrevoked, unexpired link whose camera,
 * issuing credential and (for users) grant all still stand, for exactly the resource it was
 * issued for, asked by its own media server. Everything else is a deny with a reason.
 */
export function decide(link: LinkState | null, resource: RequestedResource, presentedSecret: string | undefined, now: Date): Decision {
  if (!link) return { allow: false, reason: 'unknown_token' };
  const deny = (reason: DenyReason): Decision => ({ allow: false, reason, link });
  const secretHash = link.mediaServer?.secretHash;
  if (secretHash) {
    if (!presentedSecret) return deny('secret_missing');
    if (!timingSafeEqual(Buffer.from(hashToken(presentedSecret)), Buffer.from(secretHash))) return deny('secret_wrong');
  }
  if (link.revoked) return deny('revoked');
  if (now >= link.expiresAt) return deny('expired');
  if (!link.camera || !link.mediaServer) return deny('camera_gone');
  if (link.camera.blocked) return deny('camera_blocked');
  if (!link.camera.hasStream) return deny('stream_gone');
  const expiries: (Date | null)[] = [link.expiresAt];
  for (const token of [link.integrationToken, link.userToken]) {
    if (!token) continue;
    if (token.revoked) return deny('issuer_revoked');
    if (token.expiresAt && now >= token.expiresAt) return deny('issuer_expired');
    expiries.push(token.expiresAt);
  }
  if (link.issuedToUser) {
    if (!link.grant) return deny('grant_gone');
    if (link.grant.expiresAt && now >= link.grant.expiresAt) return deny('grant_expired');
    expiries.push(link.grant.expiresAt);
  }
  if (!matchesResource(link, link.mediaServer, resource)) return deny('wrong_resource');
  const validUntil = new Date(Math.min(...expiries.filter((d): d is Date => d !== null).map((d) => d.getTime())));
  return { allow: true, link, validUntil };
}

/** A link opens only what it was issued for: its stream, and its kind of resource. */
function matchesResource(link: LinkState, server: MediaServerUrls, resource: RequestedResource): boolean {
  switch (resource.protocol) {
    case 'nginx':
      if (resource.method !== 'GET' && resource.method !== 'HEAD') return false;
      return link.kind === 'preview' && normalizePath(resource.path) === expectedPreviewPath(link, server);
    case 'flussonic':
      if (resource.name !== link.streamName) return false;
      return link.kind === 'preview' ? FLUSSONIC_PREVIEW_PROTOS.has(resource.proto) : link.kind === 'live' && FLUSSONIC_VIDEO_PROTOS.has(resource.proto);
    case 'mediamtx':
      // MediaMTX serves no preview files: a preview link never opens its video.
      return link.kind === 'live' && resource.action === 'read' && trimSlashes(resource.path) === trimSlashes(link.streamName);
  }
}

function expectedPreviewPath(link: LinkState, server: MediaServerUrls): string {
  const url = buildUrl(server, { streamName: link.streamName, format: link.source, archiveFrom: link.archiveFrom, token: '' });
  return new URL(url, 'http://placeholder').pathname;
}

/** Compares paths as URLs do, so `%2F`-style encoding differences do not matter. */
function normalizePath(path: string): string {
  try {
    return new URL(path.split('?')[0], 'http://placeholder').pathname;
  } catch {
    return '';
  }
}

const trimSlashes = (value: string) => value.replace(/^\/+|\/+$/g, '');
