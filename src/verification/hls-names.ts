/**
 * What a video link may open below its stream's directory, as data: every name a media server's
 * HLS URL scheme uses, by server, and what the name means. Anything not listed here is refused.
 * docs/MEDIA_SERVERS.md ("What a token opens") shows the same list; keep the two together.
 *
 * A name is one file, optionally inside one track folder (`tracks-v1a1/`, Flussonic's). Nothing
 * else goes deeper: stream `yard` never reaches `yard/north/…`, because `north/` is no track folder
 * (stream names cannot be track folders or chunk dates: src/links/stream-names.ts).
 */

/** What a name in a stream's directory is, as far as a link is concerned. */
export type HlsName =
  /** A live playlist or media segment: no time in its name. */
  | { kind: 'live' }
  /** A recorded chunk named by its start and length, or an archive playlist of a span (`to` null: up to now). */
  | { kind: 'timed'; chunk: boolean; from: number; to: number | null };

interface NameRule {
  /** The media server whose URL scheme uses the name, and where that is documented. */
  server: string;
  examples: readonly string[];
  /** Matched against the name with the track folder removed. */
  pattern: RegExp;
  read: (match: RegExpExecArray) => HlsName | null;
}

/** The longest a recorded chunk may say it lasts: a made-up name cannot stretch a window further. */
export const MAX_CHUNK_MS = 60_000;

const LIVE: HlsName = { kind: 'live' };
const live = () => LIVE;
const seconds = (digits: string) => Number(digits) * 1000;

/** Live names never carry a time or an archive word, in any letter case, by construction and by this guard. */
const ARCHIVE_WORDS = /archive|timeshift|dvr|rewind|catchup|preview/i;

export const HLS_NAME_RULES: readonly NameRule[] = [
  {
    server: 'Flussonic (flussonic.com/doc/video-playback/hls-playback)',
    examples: ['index.m3u8', 'mono.m3u8', 'video.m3u8', 'index.fmp4.m3u8', 'tracks-v1a1/mono.m3u8'],
    pattern: /^(?:index|mono|video)(?:\.fmp4)?\.m3u8$/,
    read: live,
  },
  {
    server: 'Flussonic: segments, named by their start (UTC) and length in ms',
    examples: ['2024/01/02/03/04/05-06000.ts', 'tracks-v1/2024/01/02/03/04/05-06000.m4s'],
    pattern: /^(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\/(\d{2})\/(\d{2})-(\d{5})\.(?:ts|m4s|mp4|aac)$/,
    read: (m) => {
      const [year, month, day, hour, minute, second, length] = m.slice(1).map(Number);
      const from = Date.UTC(year, month - 1, day, hour, minute, second);
      // Out-of-range fields (month 13, second 99) would roll over into another time: refused.
      const date = new Date(from);
      if (
        year < 1970 ||
        date.getUTCMonth() !== month - 1 ||
        date.getUTCDate() !== day ||
        hour > 23 ||
        minute > 59 ||
        second > 59
      )
        return null;
      if (length === 0 || length > MAX_CHUNK_MS) return null;
      return { kind: 'timed', chunk: true, from, to: from + length };
    },
  },
  {
    server:
      'Flussonic: DVR playlists of a span, or from a time up to now (flussonic.com/doc/digital-video-recording-dvr)',
    examples: ['index-1700000000-3600.m3u8', 'archive-1700000000-now.m3u8', 'tracks-v1/mono-1700000000-600.m3u8'],
    pattern: /^(?:index|mono|video|archive)-(\d{10})-(\d{1,7}|now)(?:\.fmp4)?\.m3u8$/,
    read: (m) => {
      const from = seconds(m[1]);
      if (m[2] === 'now') return { kind: 'timed', chunk: false, from, to: null };
      const length = seconds(m[2]);
      return length === 0 ? null : { kind: 'timed', chunk: false, from, to: from + length };
    },
  },
  {
    server: 'Flussonic: absolute timeshift, from a time up to now',
    examples: ['timeshift_abs-1700000000.m3u8', 'video-timeshift_abs-1700000000.m3u8'],
    pattern: /^(?:(?:index|mono|video)-)?timeshift_abs-(\d{10})(?:\.fmp4)?\.m3u8$/,
    read: (m) => ({ kind: 'timed', chunk: false, from: seconds(m[1]), to: null }),
  },
  {
    server: 'MediaMTX (its HLS muxer, gohlslib: older and newer names)',
    examples: [
      'index.m3u8',
      'stream.m3u8',
      'video1_stream.m3u8',
      'init.mp4',
      'seg7.mp4',
      'part12.mp4',
      'x7kq_video1_seg7.mp4',
      'x7kq_main_seg3.ts',
    ],
    pattern:
      /^(?:(?:(?:main|video\d{1,3}|audio\d{1,3})_)?stream\.m3u8|(?:[0-9a-z]{1,32}_)?(?:(?:main|video\d{1,3}|audio\d{1,3})_)?(?:seg\d{1,9}|part\d{1,9}|init|gap)\.(?:mp4|ts))$/,
    read: live,
  },
  {
    server: 'files behind nginx (ffmpeg -f hls, nginx-rtmp): a playlist and numbered segments',
    examples: ['index.m3u8', 'playlist.m3u8', 'seg-1.ts', 'segment-000123.ts', 'index12.ts', 'init.mp4'],
    pattern:
      /^(?:(?:index|playlist|stream|live|chunklist)\.m3u8|[a-z]{0,16}[-_]?\d{1,8}\.(?:ts|m4s|mp4|aac)|init\.mp4)$/i,
    read: live,
  },
];

const TRACK_FOLDER = /^tracks-[avt]\d{1,2}(?:[avt]\d{1,2}){0,7}\//;

/** What `name` (a path below a stream's directory, decoded) is, or null when no media server's scheme names it. */
export function readHlsName(name: string): HlsName | null {
  const folder = TRACK_FOLDER.exec(name);
  const file = folder ? name.slice(folder[0].length) : name;
  for (const rule of HLS_NAME_RULES) {
    const match = rule.pattern.exec(file);
    if (!match) continue;
    const read = rule.read(match);
    if (read?.kind === 'live' && ARCHIVE_WORDS.test(file)) return null;
    return read;
  }
  return null;
}
