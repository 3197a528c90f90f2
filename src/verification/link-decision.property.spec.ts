import fc from 'fast-check';
import type { LinkKind } from '../links/link-kind';
import type { TemplateKey } from '../links/url-templates';
import { type Asker, decide, type LinkState } from './link-decision';

/**
 * decide() against an independent model of the allow-list, on generated links and generated
 * requests. The model knows nothing of camlinks' parsers: it builds what nginx serves the way nginx
 * does (decode once, merge slashes, resolve dot segments), and what a link opens from the names its
 * generator wrote, by plain string and number comparisons.
 */

const NOW = Date.parse('2030-01-01T12:00:00Z');
const NONE: Asker = { presented: false };
const LIVE_CHUNK_MS = 10 * 60_000;
const SKEW_MS = 60_000;
const MAX_CHUNK_MS = 60_000;
const ROUNDING_MS = 1000;

/** Streams whose names share prefixes, or need encoding. */
const STREAMS = ['yard', 'yard/north', 'yard-north', 'gate-hd', 'site2/gate-hd', 'cam 1', 'камера', 'a.b'];
const BASE_PATHS = ['', '/media', '/edge/1'];

/** Templates a media server may have, by key (all valid at the admin API). */
const TEMPLATES: Record<TemplateKey, string[]> = {
  live_preview: [
    '{base_url}/{stream}/preview.{format}?token={token}',
    '{base_url}/{stream}.{format}?token={token}',
    '{base_url}/thumbs/{stream}/preview.{format}?token={token}',
  ],
  archive_preview: ['{base_url}/{stream}/{from}-preview.{format}?token={token}'],
  hls_live: [
    '{base_url}/{stream}/index.m3u8?token={token}',
    '{base_url}/live/{stream}/mono.m3u8?token={token}',
    '{base_url}/{stream}/tracks-v1a1/index.m3u8?token={token}',
  ],
  hls_archive: [
    '{base_url}/{stream}/index-{from}-now.m3u8?token={token}',
    '{base_url}/dvr/{stream}/archive-{from}-now.m3u8?token={token}',
  ],
  hls_segment: [
    '{base_url}/{stream}/index-{from}-{duration}.m3u8?token={token}',
    '{base_url}/{stream}/archive-{from}-{duration}.m3u8?token={token}',
  ],
  rtsp_live: ['{rtsp_base_url}/{stream}?token={token}'],
  rtsp_archive: ['{rtsp_base_url}/{stream}?from={from}&token={token}'],
};

interface Issued {
  kind: LinkKind;
  stream: string;
  source: string;
  basePath: string;
  key: TemplateKey;
  template: string;
  from: number | null;
  to: number | null;
}

const seconds = (ms: number) => Math.floor(ms / 1000);
const minute = (ms: number) => Math.floor(ms / 60_000) * 60_000;

const anIssuedLink: fc.Arbitrary<Issued> = fc
  .record({
    kind: fc.constantFrom<LinkKind>('preview', 'live', 'archive'),
    stream: fc.constantFrom(...STREAMS),
    basePath: fc.constantFrom(...BASE_PATHS),
    archived: fc.boolean(),
    segment: fc.boolean(),
    // Whole minutes back, so every time in a name is exact.
    fromMinutesAgo: fc.integer({ min: 1, max: 6 * 60 }),
    lengthMinutes: fc.integer({ min: 1, max: 3 * 60 }),
    format: fc.constantFrom('jpg', 'mp4'),
    choice: fc.nat(),
  })
  .map((g) => {
    const from = minute(NOW) - g.fromMinutesAgo * 60_000;
    if (g.kind === 'preview') {
      const key: TemplateKey = g.archived ? 'archive_preview' : 'live_preview';
      return {
        kind: g.kind,
        stream: g.stream,
        source: g.format,
        basePath: g.basePath,
        key,
        template: pick(TEMPLATES[key], g.choice),
        from: g.archived ? from : null,
        to: null,
      };
    }
    if (g.kind === 'live') {
      return {
        kind: g.kind,
        stream: g.stream,
        source: 'hls',
        basePath: g.basePath,
        key: 'hls_live',
        template: pick(TEMPLATES.hls_live, g.choice),
        from: null,
        to: null,
      };
    }
    const key: TemplateKey = g.segment ? 'hls_segment' : 'hls_archive';
    const to = g.segment ? Math.min(from + g.lengthMinutes * 60_000, minute(NOW)) : null;
    return {
      kind: g.kind,
      stream: g.stream,
      source: 'hls',
      basePath: g.basePath,
      key,
      template: pick(TEMPLATES[key], g.choice),
      from,
      to,
    };
  });

const pick = <T>(values: T[], n: number) => values[n % values.length];

function linkState(issued: Issued): LinkState {
  return {
    id: 'link',
    kind: issued.kind,
    streamName: issued.stream,
    source: issued.source,
    archiveFrom: issued.from === null ? null : new Date(issued.from),
    archiveTo: issued.to === null ? null : new Date(issued.to),
    expiresAt: new Date(NOW + 3_600_000),
    revoked: false,
    subject: 'integration',
    camera: { blocked: false, hasStream: true },
    mediaServer: {
      id: 'edge',
      baseUrl: `http://edge:8080${issued.basePath}`,
      rtspBaseUrl: null,
      urlTemplates: { [issued.key]: issued.template },
      hasSecret: false,
    },
    integrationToken: { revoked: false, expiresAt: null },
    userToken: null,
    grant: null,
    issuedToUser: false,
    issued: { cameraUuid: 'camera', integrationId: 'integration', userId: null, at: new Date(0) },
  };
}

/** The template's path with every placeholder filled in, decoded: what the link was issued for. */
function issuedPath(issued: Issued): string {
  const path = issued.template.slice('{base_url}'.length, issued.template.indexOf('?'));
  const from = issued.from === null ? '' : String(seconds(issued.from));
  const duration = issued.from !== null && issued.to !== null ? String(seconds(issued.to - issued.from)) : '';
  return (
    issued.basePath +
    path
      .replace('{stream}', issued.stream)
      .replace('{format}', issued.source)
      .replace('{from}', from)
      .replace('{duration}', duration)
  );
}

/** The directory `{stream}` names in the template, decoded. */
function streamDirectory(issued: Issued, stream = issued.stream): string {
  const path = issued.template.slice('{base_url}'.length);
  return issued.basePath + path.slice(0, path.indexOf('{stream}')) + stream + '/';
}

/** A file below a stream's directory, and what it is, as the generator wrote it. */
type Name =
  | { kind: 'live'; name: string }
  | { kind: 'chunk'; name: string; from: number; length: number }
  | { kind: 'playlist'; name: string; from: number; to: number | null }
  | { kind: 'never'; name: string };

const LIVE_NAMES = [
  'index.m3u8',
  'mono.m3u8',
  'video.m3u8',
  'index.fmp4.m3u8',
  'stream.m3u8',
  'video1_stream.m3u8',
  'seg-1.ts',
  'segment-000123.ts',
  'seg7.mp4',
  'init.mp4',
];
const TRACK_FOLDERS = ['', 'tracks-v1/', 'tracks-v1a1/'];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const chunkName = (at: number, length: number) => {
  const d = new Date(at);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCHours())}/${pad(d.getUTCMinutes())}/${pad(d.getUTCSeconds())}-${pad(length, 5)}.ts`;
};

/** Times near the edges that matter (a window's ends, now), and anywhere in the last hours. */
const aTime = (anchors: number[]) =>
  fc
    .tuple(
      fc.constantFrom(...anchors),
      fc.oneof(fc.integer({ min: -900, max: 900 }), fc.integer({ min: -8 * 3600, max: 600 })),
    )
    .map(([anchor, offset]) => anchor + offset * 1000);

const aName = (anchors: number[]): fc.Arbitrary<Name> =>
  fc.oneof(
    fc
      .record({ folder: fc.constantFrom(...TRACK_FOLDERS), name: fc.constantFrom(...LIVE_NAMES) })
      .map(({ folder, name }): Name => ({ kind: 'live', name: folder + name })),
    fc
      .record({
        folder: fc.constantFrom(...TRACK_FOLDERS),
        from: aTime(anchors),
        length: fc.oneof(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom(6000, 60_000, 60_001)),
      })
      .map(({ folder, from, length }): Name => ({
        kind: 'chunk',
        name: folder + chunkName(from, length),
        from,
        length,
      })),
    fc
      .record({
        folder: fc.constantFrom(...TRACK_FOLDERS),
        prefix: fc.constantFrom('index', 'archive', 'mono', 'video'),
        at: aTime(anchors),
        length: fc.option(fc.integer({ min: 1, max: 4 * 3600 }), { nil: null }),
      })
      .map(({ folder, prefix, at, length }): Name => {
        const from = seconds(at) * 1000;
        return {
          kind: 'playlist',
          name: `${folder}${prefix}-${seconds(from)}-${length ?? 'now'}.m3u8`,
          from,
          to: length === null ? null : from + length * 1000,
        };
      }),
    fc.record({ folder: fc.constantFrom(...TRACK_FOLDERS), at: aTime(anchors) }).map(({ folder, at }): Name => ({
      kind: 'playlist',
      name: `${folder}timeshift_abs-${seconds(at)}.m3u8`,
      from: seconds(at) * 1000,
      to: null,
    })),
    // Flussonic's exports, DVR and timeshift forms, in any case: never on anyone's list.
    fc
      .record({
        t: aTime(anchors).map(seconds),
        form: fc.constantFrom(
          'archive-T-3600.mp4',
          'archive-T-3600.ts',
          'index-T-3600.ts',
          'index-T-3600.mpd',
          'archive-T-now.mpd',
          'archive/T/3600/mpegts',
          'timeshift_rel-600.m3u8',
          'timeshift_abs-T.ts',
          'rewind-3600.m3u8',
          'preview.jpg',
          'T-preview.mp4',
        ),
        upper: fc.boolean(),
      })
      .map(({ t, form, upper }): Name => {
        const name = form.replace('T', String(t));
        return { kind: 'never', name: upper ? name.toUpperCase() : name };
      }),
  );

/** The model: does this link open this decoded, resolved path? */
function modelOpens(issued: Issued, path: string): boolean {
  // The issued file itself: a preview's, a live playlist, an archive playlist of exactly its window.
  if (path === issuedPath(issued)) return true;
  if (issued.kind === 'preview') return false;
  const directory = streamDirectory(issued);
  if (!path.startsWith(directory)) return false;
  return nameOpens(issued, generatedNames.get(path.slice(directory.length)));
}

/** Names are judged by what the generator said they are: the model parses nothing. */
const generatedNames = new Map<string, Name>();

function nameOpens(issued: Issued, name: Name | undefined): boolean {
  if (name === undefined || name.kind === 'never') return false;
  if (issued.kind === 'live') {
    if (name.kind === 'live') return true;
    return (
      name.kind === 'chunk' &&
      name.length <= MAX_CHUNK_MS &&
      name.from >= NOW - LIVE_CHUNK_MS &&
      name.from <= NOW + SKEW_MS
    );
  }
  const from = issued.from! - ROUNDING_MS;
  const end = (issued.to ?? NOW) + ROUNDING_MS;
  if (name.kind === 'chunk') return name.length <= MAX_CHUNK_MS && name.from + name.length > from && name.from < end;
  if (name.kind !== 'playlist') return false;
  if (name.to === null) return issued.to === null && name.from >= from;
  return name.from >= from && name.to <= end;
}

/** What nginx serves for a request path: decoded once, slashes merged, dot segments resolved (null: a 400). */
function nginxServes(raw: string): string | null {
  let decoded: string;
  try {
    decoded = Buffer.from(
      raw.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('utf8');
  } catch {
    return null;
  }
  const out: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(segment);
  }
  return `/${out.join('/')}`;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** A request a player could send: this link's own path, or another stream's or name's, under any template prefix. */
const aRequest = (issued: Issued): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant(issuedPath(issued)) },
    {
      weight: 4,
      arbitrary: fc
        .record({
          stream: fc.constantFrom(issued.stream, ...STREAMS),
          name: aName([issued.from ?? NOW, issued.to ?? NOW, NOW]),
          sameTemplate: fc.boolean(),
          other: fc.constantFrom(...Object.values(TEMPLATES).flat()),
        })
        .map(({ stream, name, sameTemplate, other }) => {
          generatedNames.set(name.name, name);
          return (
            streamDirectory(
              sameTemplate ? issued : { ...issued, template: other.startsWith('{base_url}') ? other : issued.template },
              stream,
            ) + name.name
          );
        }),
    },
  );

/** Encodings that change nothing nginx serves: a player may percent-encode any character. */
const harmless = (path: string): fc.Arbitrary<string> =>
  fc.array(fc.nat(), { maxLength: 3 }).map((positions) => {
    let out = path;
    for (const n of positions) {
      const i = 1 + (n % Math.max(1, out.length - 1));
      const c = out[i];
      // Not a character of an escape already there (`%20`).
      if (!/[A-Za-z0-9._-]/.test(c ?? '') || out[i - 1] === '%' || out[i - 2] === '%') continue;
      const hex = c.charCodeAt(0).toString(16);
      out = `${out.slice(0, i)}%${n % 2 ? hex.toUpperCase() : hex}${out.slice(i + 1)}`;
    }
    return out;
  });

/** What no well-behaved player sends: camlinks refuses each, whatever nginx would make of it. */
const MUTATIONS: ((path: string, other: string) => string)[] = [
  (p) => p.replace(/\/([^/]*)$/, '%2F$1'), // an encoded separator
  (p) => p.replace(/\/([^/]*)$/, '%2f$1'),
  (p) => p.replace(/\/([^/]*)$/, '%5C$1'),
  (p) => p.replace(/\/([^/]*)$/, '\\$1'), // a backslash
  (p, o) => `${p}/..${o}`, // a dot-dot segment into another path
  (p, o) => `${p}/%2e%2e${o}`,
  (p, o) => `${p}/.%2E${o}`,
  (p, o) => `${p}%2F..%2F${o.slice(1)}`,
  (p, o) => `${p}/%252e%252e${o}`, // double encoding
  (p) => p.replace(/\/([^/]*)$/, '/./$1'),
  (p) => p.replace(/\/([^/]*)$/, '//$1'), // an empty segment
  (p) => `//site2${p}`, // the authority form
  (p) => `/\\site2${p}`,
  (p) => `/${p}`,
  (p) => `${p}%00`,
  (p) => `${p}%00.ts`,
  (p) => p.replace(/\/([^/]*)$/, '/%25$1'),
];

describe('decide (nginx) against an independent model of the allow-list', () => {
  const runs = { numRuns: 1500 };

  it('allows a path a player sends exactly when the model says the link opens what nginx serves there', () => {
    fc.assert(
      fc.property(
        anIssuedLink.chain((issued) =>
          fc.tuple(
            fc.constant(issued),
            aRequest(issued).chain((path) => fc.tuple(fc.constant(path), harmless(encodePath(path)))),
          ),
        ),
        ([issued, [path, raw]]) => {
          const allowed = decide(
            linkState(issued),
            { protocol: 'nginx', path: raw, method: 'GET' },
            NONE,
            new Date(NOW),
          ).allow;
          expect({ path, raw, issued: issuedPath(issued), allowed }).toEqual({
            path,
            raw,
            issued: issuedPath(issued),
            allowed: modelOpens(issued, nginxServes(raw)!),
          });
        },
      ),
      runs,
    );
  });

  it('refuses every path no well-behaved player sends, whatever nginx would serve there', () => {
    fc.assert(
      fc.property(
        anIssuedLink.chain((issued) =>
          fc.tuple(
            fc.constant(issued),
            aRequest(issued),
            aRequest(issued),
            fc.constantFrom(...MUTATIONS),
            fc.boolean(),
            fc.boolean(),
          ),
        ),
        ([issued, path, other, mutate, encodeFirst, twice]) => {
          const clean = encodePath(path);
          let raw = mutate(encodeFirst ? clean : path.replace(/ /g, '%20'), encodePath(other));
          if (twice) raw = MUTATIONS[raw.length % MUTATIONS.length](raw, encodePath(other));
          const allowed = decide(
            linkState(issued),
            { protocol: 'nginx', path: raw, method: 'GET' },
            NONE,
            new Date(NOW),
          ).allow;
          expect({ raw, allowed }).toEqual({ raw, allowed: false });
        },
      ),
      runs,
    );
  });

  it('never lets a live link open a name that carries a time or an archive word, unless it is a recent chunk', () => {
    // Counted so the property cannot hold vacuously (every name refused would satisfy the checks below).
    const opened = { live: 0, chunk: 0 };
    fc.assert(
      fc.property(
        anIssuedLink.filter((issued) => issued.kind === 'live'),
        aName([NOW]),
        fc.boolean(),
        (issued, name, upper) => {
          const file = upper ? name.name.toUpperCase() : name.name;
          const raw = encodePath(streamDirectory(issued) + file);
          const allowed = decide(
            linkState(issued),
            { protocol: 'nginx', path: raw, method: 'GET' },
            NONE,
            new Date(NOW),
          ).allow;
          if (allowed && name.kind !== 'chunk') expect(file).not.toMatch(/archive|timeshift|dvr|rewind|preview|\d{9}/i);
          if (allowed && name.kind === 'chunk') expect(name.from).toBeGreaterThanOrEqual(NOW - LIVE_CHUNK_MS);
          if (allowed && (name.kind === 'live' || name.kind === 'chunk')) opened[name.kind]++;
        },
      ),
      runs,
    );
    expect(opened.live).toBeGreaterThan(0);
    expect(opened.chunk).toBeGreaterThan(0);
  });
});
