import type { LinkKind } from '../links/link-kind';
import { type LinkCause, STATUS_OF_CAUSE } from '../links/link-status';
import { buildStreamDirectoryUrl, buildUrl, type MediaServerUrls } from '../links/url-templates';
import { canonicalDirectory, canonicalPath, rawPathOf } from './canonical-path';
import { type HlsName, MAX_CHUNK_MS, readHlsName } from './hls-names';
import { readPlaybackSpan } from './mediamtx-playback';

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
  mediaServer: (MediaServerUrls & { id: string; hasSecret: boolean }) | null;
  /** Present when the link was issued with such a token; `revoked` covers a deleted token too. */
  integrationToken: { revoked: boolean; expiresAt: Date | null } | null;
  userToken: { revoked: boolean; expiresAt: Date | null } | null;
  /** For links issued to a user: the grant that allowed it, null when it is gone. */
  grant: { expiresAt: Date | null } | null;
  issuedToUser: boolean;
  /**
   * What a bulk revocation selects a link by: a rule's notification drops the cached states it
   * covers (LinkStateCache). `at` is also where the link is kept: issued_links is partitioned by it.
   */
  issued: { cameraUuid: string; integrationId: string | null; userId: string | null; at: Date };
}

/** What the media server asks for, as each protocol describes it. */
export type RequestedResource =
  /** `path`: the viewer's path as sent (before `?`), not decoded. */
  | { protocol: 'nginx'; path: string; method: string }
  /** `mediaRequest`: Flussonic's `media_request` (e.g. `preview`, `archive-1700000000-3600`), when it sent one. */
  | { protocol: 'flussonic'; name: string; proto: string; mediaRequest?: string }
  | { protocol: 'mediamtx'; path: string; action: string; query: string };

/**
 * Which media server asks, as told by the verification secret it presented: none, one that no
 * media server has (`serverId` null), or the secret of the media server `serverId`.
 */
export type Asker = { presented: false } | { presented: true; serverId: string | null };

/** Refusals about this request rather than the link itself (those are LinkCause, link-status.ts). */
const REQUEST_REASONS = [
  'no_token',
  'unknown_token',
  'secret_missing',
  'secret_wrong',
  'wrong_server',
  'wrong_resource',
  'error',
] as const;
/** Why a link was refused: in the access log, the usage columns (`last_denied_reason`) and the hourly stats. */
export const DENY_REASONS: readonly DenyReason[] = [
  ...REQUEST_REASONS,
  ...(Object.keys(STATUS_OF_CAUSE) as LinkCause[]),
];
export type DenyReason = LinkCause | (typeof REQUEST_REASONS)[number];

export type Decision =
  { allow: true; link: LinkState; validUntil: Date } | { allow: false; reason: DenyReason; link?: LinkState };

/** Flussonic protocols that deliver a preview file rather than a video session. */
const FLUSSONIC_PREVIEW_PROTOS = new Set(['mp4', 'jpeg', 'jpg', 'http', 'preview']);
const FLUSSONIC_VIDEO_PROTOS = new Set([
  'hls',
  'llhls',
  'dash',
  'cmaf',
  'mss',
  'hds',
  'rtmp',
  'rtsp',
  'mpegts',
  'webrtc',
  'srt',
  'm4f',
  'shoutcast',
]);
/** A Flussonic media_request that names the archive (a time, or a DVR word), which live links never open. */
const FLUSSONIC_ARCHIVE_REQUEST = /\d{9}|archive|timeshift|dvr|rewind|catchup|preview/i;
/** How far back a live link may reach into timestamped chunks (players lag, and may pause). */
const LIVE_CHUNK_WINDOW_MS = 10 * 60_000;
/** How far ahead of this clock a live chunk may start (the media server's clock may run ahead). */
const CLOCK_SKEW_MS = 60_000;

/**
 * The one verification rule: allow only a known, unrevoked, unexpired link whose camera,
 * issuing credential and (for users) grant all still stand, for exactly the resource it was
 * issued for, asked by its own media server. Everything else is a deny with a reason.
 */
export function decide(link: LinkState | null, resource: RequestedResource, asker: Asker, now: Date): Decision {
  if (!link) return { allow: false, reason: 'unknown_token' };
  // A secret names its media server: a secret of none is refused, another server's secret too,
  // and a server with a secret is never taken to be asking without it.
  if (asker.presented && asker.serverId === null) return { allow: false, reason: 'secret_wrong', link };
  if (link.mediaServer) {
    if (!asker.presented && link.mediaServer.hasSecret) return { allow: false, reason: 'secret_missing', link };
    if (asker.presented && asker.serverId !== link.mediaServer.id)
      return { allow: false, reason: 'wrong_server', link };
  }
  const standing = standingOf(link, now);
  if (!standing.allow || matchesResource(link, link.mediaServer!, resource, now)) return standing;
  return { allow: false, reason: 'wrong_resource', link };
}

/**
 * What of the rule can change while a viewer watches: whether the link itself, its camera, its
 * issuing credential and (for users) its grant still stand at `now`, and until when. decide()
 * adds who asks and for what; the kicker (src/kicks) re-decides open viewing sessions by this.
 */
export function standingOf(link: LinkState, now: Date): Decision {
  const deny = (reason: DenyReason): Decision => ({ allow: false, reason, link });
  // Causes in the order of STATUS_OF_CAUSE (src/links/link-status.ts), which the admin listing's status follows.
  if (link.revoked) return deny('revoked');
  if (now >= link.expiresAt) return deny('expired');
  if (!link.camera || !link.mediaServer) return deny('camera_gone');
  const { integrationToken, userToken, grant } = link;
  if (integrationToken?.revoked || userToken?.revoked) return deny('issuer_revoked');
  if (link.issuedToUser && !grant) return deny('grant_gone');
  if (expiredAt(integrationToken?.expiresAt, now) || expiredAt(userToken?.expiresAt, now))
    return deny('issuer_expired');
  if (link.issuedToUser && expiredAt(grant?.expiresAt, now)) return deny('grant_expired');
  if (link.camera.blocked) return deny('camera_blocked');
  if (!link.camera.hasStream) return deny('stream_gone');
  let validUntil = link.expiresAt.getTime();
  for (const until of [
    integrationToken?.expiresAt,
    userToken?.expiresAt,
    link.issuedToUser ? grant?.expiresAt : null,
  ]) {
    if (until && until.getTime() < validUntil) validUntil = until.getTime();
  }
  return { allow: true, link, validUntil: new Date(validUntil) };
}

function expiredAt(expiresAt: Date | null | undefined, now: Date): boolean {
  return expiresAt != null && now >= expiresAt;
}

/**
 * A link opens only what it was issued for, by allow-list: a preview its own file, a live link the
 * live names below its stream's directory, an archive link the timed names inside its window
 * (src/verification/hls-names.ts). Paths are compared decoded and canonical (canonical-path.ts).
 */
function matchesResource(link: LinkState, server: MediaServerUrls, resource: RequestedResource, now: Date): boolean {
  switch (resource.protocol) {
    case 'nginx': {
      if (resource.method !== 'GET' && resource.method !== 'HEAD') return false;
      const path = canonicalPath(resource.path);
      if (path === null) return false;
      const target = targetOf(link, server);
      if (link.kind === 'preview') return path === target.path;
      if (link.source !== 'hls' || target.streamDirectory === null || !path.startsWith(target.streamDirectory))
        return false;
      const name = readHlsName(path.slice(target.streamDirectory.length));
      if (name === null) return false;
      return link.kind === 'live' ? liveMayOpen(name, now.getTime()) : withinWindow(name, link, now.getTime());
    }
    case 'flussonic': {
      // Flussonic asks per session and stream; it does not tell the backend which archive time is played.
      if (resource.name !== link.streamName) return false;
      const asked = resource.mediaRequest;
      if (link.kind === 'preview') {
        return (
          FLUSSONIC_PREVIEW_PROTOS.has(resource.proto) &&
          (asked === undefined || targetOf(link, server).previewRequests.includes(asked))
        );
      }
      return (
        FLUSSONIC_VIDEO_PROTOS.has(resource.proto) &&
        (link.kind !== 'live' || asked === undefined || !FLUSSONIC_ARCHIVE_REQUEST.test(asked))
      );
    }
    case 'mediamtx': {
      // MediaMTX serves no preview files: a preview link never opens its video.
      if ((resource.path.startsWith('/') ? resource.path.slice(1) : resource.path) !== link.streamName) return false;
      if (link.kind === 'live') return resource.action === 'read';
      if (link.kind !== 'archive' || resource.action !== 'playback') return false;
      const span = readPlaybackSpan(resource.query);
      return span !== null && withinWindow({ kind: 'timed', chunk: false, ...span }, link, now.getTime());
    }
  }
}

/** Live video may not reach into the archive: live names, and chunks of the last minutes only. */
function liveMayOpen(name: HlsName, now: number): boolean {
  if (name.kind === 'live') return true;
  return name.chunk && name.from >= now - LIVE_CHUNK_WINDOW_MS && name.from <= now + CLOCK_SKEW_MS;
}

/** URLs carry whole seconds; the window is kept to the millisecond. */
const ROUNDING_MS = 1000;

/** An archive link opens only times inside its window; live names (the live playlist) are not its. */
function withinWindow(asked: HlsName, link: LinkState, now: number): boolean {
  if (asked.kind !== 'timed' || !link.archiveFrom) return false;
  const from = link.archiveFrom.getTime() - ROUNDING_MS;
  const end = (link.archiveTo?.getTime() ?? now) + ROUNDING_MS;
  // A chunk overlapping the window will do: the first one may start a little before it. Its
  // length is capped (MAX_CHUNK_MS), so it reaches at most that far outside.
  if (asked.chunk)
    return asked.to !== null && asked.to - asked.from <= MAX_CHUNK_MS && asked.to > from && asked.from < end;
  // An open-ended playlist (`…-now`) only for a link that is open-ended itself.
  if (asked.to === null) return link.archiveTo === null && asked.from >= from;
  return asked.from >= from && asked.to <= end;
}

/** What a link was issued as, worked out once per cached state: a hit on the hot path builds no URL. */
interface LinkTarget {
  /** The issued URL's path, decoded and canonical; null if it has none (then nothing matches it). */
  path: string | null;
  /** The stream's directory (ending in `/`), canonical; null when the template has none. */
  streamDirectory: string | null;
  /** The media_request Flussonic may send for a preview: the issued file's name, with or without its extension. */
  previewRequests: string[];
}

/** A new state is a new key, so a changed template or stream never meets an old target. */
const targets = new WeakMap<LinkState, LinkTarget>();

function targetOf(link: LinkState, server: MediaServerUrls): LinkTarget {
  let target = targets.get(link);
  if (target === undefined) {
    const raw = rawPathOf(buildUrl(server, link, ''));
    const path = raw === null ? null : canonicalPath(raw);
    const directoryUrl = link.kind === 'preview' ? null : buildStreamDirectoryUrl(server, link);
    const directory = directoryUrl === null ? null : rawPathOf(directoryUrl);
    const streamDirectory = directory === null ? null : canonicalDirectory(directory);
    const file = path === null || link.kind !== 'preview' ? '' : path.slice(path.lastIndexOf('/') + 1);
    const previewRequests = file === '' ? [] : [file, file.replace(/\.[^.]*$/, '')];
    target = { path, streamDirectory, previewRequests };
    targets.set(link, target);
  }
  return target;
}
