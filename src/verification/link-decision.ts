import { timingSafeEqual } from 'node:crypto';
import { hashToken } from '../auth/tokens';
import type { LinkKind } from '../links/link-kind';
import { buildUrl, type MediaServerUrls } from '../links/url-templates';
import { parseArchivePath, type TimeWindow } from './archive-paths';

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
  | { protocol: 'mediamtx'; path: string; action: string; query: string };

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
/** How far back a live link may reach into timestamped chunks (players lag, and may pause). */
const LIVE_CHUNK_WINDOW_MS = 10 * 60_000;

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
  if (!matchesResource(link, link.mediaServer, resource, now)) return deny('wrong_resource');
  const validUntil = new Date(Math.min(...expiries.filter((d): d is Date => d !== null).map((d) => d.getTime())));
  return { allow: true, link, validUntil };
}

/** A link opens only what it was issued for: its stream, its kind of resource, its archive window. */
function matchesResource(link: LinkState, server: MediaServerUrls, resource: RequestedResource, now: Date): boolean {
  switch (resource.protocol) {
    case 'nginx': {
      if (resource.method !== 'GET' && resource.method !== 'HEAD') return false;
      const issued = issuedPath(link, server);
      const path = normalizePath(resource.path);
      if (link.kind === 'preview') return path === issued;
      // Video: the playlist issued and what it refers to (variant playlists, segments) in its directory.
      const dir = issued.slice(0, issued.lastIndexOf('/') + 1);
      if (link.source !== 'hls' || !path.startsWith(dir) || /(^|[/-])preview\./.test(path.slice(dir.length))) return false;
      const asked = parseArchivePath(path.slice(dir.length));
      return link.kind === 'live' ? liveMayOpen(asked, now) : withinWindow(asked, link, now);
    }
    case 'flussonic':
      // Flussonic asks per session and stream; it does not tell the backend which archive time is played.
      if (resource.name !== link.streamName) return false;
      return link.kind === 'preview' ? FLUSSONIC_PREVIEW_PROTOS.has(resource.proto) : FLUSSONIC_VIDEO_PROTOS.has(resource.proto);
    case 'mediamtx': {
      // MediaMTX serves no preview files: a preview link never opens its video.
      if (trimSlashes(resource.path) !== trimSlashes(link.streamName)) return false;
      if (link.kind === 'live') return resource.action === 'read';
      return link.kind === 'archive' && resource.action === 'playback' && withinWindow(mediaMtxPlayback(resource.query), link, now);
    }
  }
}

/** Live video may not reach into the archive: no archive playlists, no old chunks. */
function liveMayOpen(asked: TimeWindow | 'untimed', now: Date): boolean {
  if (asked === 'untimed') return true;
  return asked.chunk === true && asked.from.getTime() >= now.getTime() - LIVE_CHUNK_WINDOW_MS;
}

/** URLs carry whole seconds; the window is kept to the millisecond. */
const ROUNDING_MS = 1000;

/** An archive link opens only times inside its window; untimed resources (the live playlist) are not its. */
function withinWindow(asked: TimeWindow | 'untimed' | undefined, link: LinkState, now: Date): boolean {
  if (!asked || asked === 'untimed' || !link.archiveFrom) return false;
  const from = link.archiveFrom.getTime() - ROUNDING_MS;
  const end = (link.archiveTo ?? now).getTime() + ROUNDING_MS;
  // A chunk overlapping the window will do: the first one may start a little before it.
  if (asked.chunk) return (asked.to ?? asked.from).getTime() > from && asked.from.getTime() < end;
  // An open-ended playlist (`…-now`) only for a link that is open-ended itself.
  if (asked.to === null) return link.archiveTo === null && asked.from.getTime() >= from;
  return asked.from.getTime() >= from && asked.to.getTime() <= end;
}

/** MediaMTX playback: `start` (RFC 3339) and `duration` (seconds, or Go's `60s`) in the query. */
function mediaMtxPlayback(query: string): TimeWindow | undefined {
  const params = new URLSearchParams(query.replace(/^\?/, ''));
  const from = new Date(params.get('start') ?? '');
  const seconds = Number((params.get('duration') ?? '').replace(/s$/, ''));
  if (Number.isNaN(from.getTime()) || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return { from, to: new Date(from.getTime() + seconds * 1000), chunk: false };
}

/** Per cached state, so a hit on the hot path does not rebuild the URL; a new state is a new key. */
const issuedPaths = new WeakMap<LinkState, string>();

/** The path part of the URL this link was issued as. */
function issuedPath(link: LinkState, server: MediaServerUrls): string {
  let path = issuedPaths.get(link);
  if (path === undefined) {
    path = new URL(buildUrl(server, link, ''), 'http://placeholder').pathname;
    issuedPaths.set(link, path);
  }
  return path;
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
