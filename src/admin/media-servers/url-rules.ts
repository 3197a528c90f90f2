import {
  buildStreamDirectoryUrl,
  buildUrl,
  type LinkShape,
  type MediaServerUrls,
  rtspBase,
  TEMPLATE_PLACEHOLDERS,
  type TemplateKey,
} from '../../links/url-templates';
import { canonicalDirectory, rawPathOf } from '../../verification/canonical-path';
import { readHlsName } from '../../verification/hls-names';

/**
 * What a media server's URLs must be for its links to point only at itself and to verify as
 * issued. Each function answers the problem in words, or undefined when there is none.
 */

// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\s\u0000-\u001f\u007f\\#]/;

/** `base_url` (http, https) or `rtsp_base_url` (rtsp, rtsps): an origin and a plain path, nothing else. */
export function baseUrlProblem(value: string, schemes: readonly string[]): string | undefined {
  const expected = `must be an ${schemes.join(' or ')} URL with a host and at most a path (no credentials, query or fragment)`;
  if (UNSAFE_CHARACTERS.test(value) || value.includes('?') || value.includes('{')) return expected;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return expected;
  }
  if (
    !schemes.includes(url.protocol.slice(0, -1)) ||
    !url.host ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  )
    return expected;
  const path = rawPathOf(value) ?? '';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed !== '' && canonicalDirectory(`${trimmed}/`) === null)
    return 'must have a plain path: no empty, . or .. segments, no encoded / or \\';
  return undefined;
}

const HLS_KEYS: readonly TemplateKey[] = ['hls_live', 'hls_archive', 'hls_segment'];
const RTSP_KEYS: readonly TemplateKey[] = ['rtsp_live', 'rtsp_archive'];

/** What a template must be whatever the server: checked on the body alone. */
export function templateProblem(key: TemplateKey, template: string): string | undefined {
  if (template.length > 2048) return 'must not be longer than 2048 characters';
  if (UNSAFE_CHARACTERS.test(template)) return 'must not contain whitespace, control characters, \\ or #';
  const placeholders = [...template.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
  const unknown = placeholders.find((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
  if (unknown !== undefined)
    return `must use only these placeholders: ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`;
  const count = (name: string) => placeholders.filter((p) => p === name).length;
  if (count('token') !== 1) return 'must contain {token} exactly once';
  if (count('stream') !== 1) return 'must contain {stream} exactly once';
  // What nginx checks is the path: a stream or a time in the query would let one link open them all.
  const path = template.includes('?') ? template.slice(0, template.indexOf('?')) : template;
  if (!path.includes('{stream}')) return 'must place {stream} in the path, not in the query';
  if (key === 'archive_preview' && !path.includes('{from}')) return 'must place {from} in the path';
  if (HLS_KEYS.includes(key) && !template.includes('/{stream}/')) {
    return 'must place {stream} as a directory (…/{stream}/index.m3u8): a video link opens its stream directory';
  }
  if (RTSP_KEYS.includes(key) && !/\/\{stream\}(?:[/?]|$)/.test(template))
    return 'must place {stream} as a path segment (…/{stream}?token={token})';
  return undefined;
}

/** A link of each template's kind, to build sample URLs from. */
const SAMPLE_FROM = new Date('2030-01-01T00:00:00Z');
const SAMPLES: Record<TemplateKey, LinkShape> = {
  live_preview: { kind: 'preview', source: 'jpg', streamName: 'sample/stream', archiveFrom: null, archiveTo: null },
  archive_preview: {
    kind: 'preview',
    source: 'jpg',
    streamName: 'sample/stream',
    archiveFrom: SAMPLE_FROM,
    archiveTo: null,
  },
  hls_live: { kind: 'live', source: 'hls', streamName: 'sample/stream', archiveFrom: null, archiveTo: null },
  hls_archive: {
    kind: 'archive',
    source: 'hls',
    streamName: 'sample/stream',
    archiveFrom: SAMPLE_FROM,
    archiveTo: null,
  },
  hls_segment: {
    kind: 'archive',
    source: 'hls',
    streamName: 'sample/stream',
    archiveFrom: SAMPLE_FROM,
    archiveTo: new Date(SAMPLE_FROM.getTime() + 3_600_000),
  },
  rtsp_live: { kind: 'live', source: 'rtsp', streamName: 'sample/stream', archiveFrom: null, archiveTo: null },
  rtsp_archive: {
    kind: 'archive',
    source: 'rtsp',
    streamName: 'sample/stream',
    archiveFrom: SAMPLE_FROM,
    archiveTo: null,
  },
};

/**
 * What a template must be on this server: its URLs on the server's own origin (http templates)
 * or RTSP base (rtsp ones), and an HLS playlist name that the verification opens for the link's
 * kind (hls-names.ts): a live name for live links, a timed name for archive links.
 */
export function templateProblemOn(server: MediaServerUrls, key: TemplateKey, template: string): string | undefined {
  const link = SAMPLES[key];
  const sample = buildUrl({ ...server, urlTemplates: { [key]: template } }, link, 'cll_SAMPLE');
  let url: URL;
  try {
    url = new URL(sample);
  } catch {
    return 'must build a valid URL';
  }
  if (RTSP_KEYS.includes(key)) {
    const base = new URL(rtspBase(server));
    return url.protocol === base.protocol && url.host === base.host
      ? undefined
      : `must be a URL on the media server's RTSP base (${base.protocol}//${base.host})`;
  }
  const origin = new URL(server.baseUrl).origin;
  if (url.origin !== origin || url.username || url.password)
    return `must be an http(s) URL on the media server's own origin (${origin}), without credentials`;
  if (!HLS_KEYS.includes(key)) return undefined;
  const directory =
    rawPathOf(buildStreamDirectoryUrl({ ...server, urlTemplates: { [key]: template } }, link) ?? '') ?? '';
  const name = readHlsName((rawPathOf(sample) ?? '').slice(directory.length));
  if (link.kind === 'live' && name?.kind !== 'live')
    return 'must name a live playlist below {stream}/ (such as index.m3u8; see docs/MEDIA_SERVERS.md)';
  if (link.kind === 'archive' && name?.kind !== 'timed')
    return 'must name a timed playlist below {stream}/ (such as index-{from}-now.m3u8; see docs/MEDIA_SERVERS.md)';
  return undefined;
}
