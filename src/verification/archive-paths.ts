/** A time span a media-server path asks for: an archive playlist's window or a chunk's. */
export interface TimeWindow {
  from: Date;
  /** null: open-ended (`…-now`). */
  to: Date | null;
  /** A recorded chunk rather than a playlist. */
  chunk: boolean;
}

const seconds = (value: string) => new Date(Number(value) * 1000);

/**
 * Reads the time out of Flussonic-style paths below a stream's directory:
 *   index-1700000000-3600.m3u8, archive-1700000000-now.m3u8, timeshift_abs-1700000000.m3u8,
 *   tracks-v1/index-1700000000-3600.m3u8   (archive playlists)
 *   2024/01/02/03/04/05-06000.ts            (a recorded chunk: start, then duration in ms)
 * 'untimed' for anything else (live playlists, untimed segments).
 */
export function parseArchivePath(path: string): TimeWindow | 'untimed' {
  const playlist = /(?:^|\/)[a-z_]+-(\d{9,11})-(now|\d+)\.m3u8$/.exec(path);
  if (playlist) {
    const from = seconds(playlist[1]);
    return { from, to: playlist[2] === 'now' ? null : new Date(from.getTime() + Number(playlist[2]) * 1000), chunk: false };
  }
  const timeshift = /(?:^|\/)timeshift_abs-(\d{9,11})\.m3u8$/.exec(path);
  if (timeshift) return { from: seconds(timeshift[1]), to: null, chunk: false };
  const chunk = /(?:^|\/)(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\/(\d{2})\/(\d{2})-(\d+)\.\w+$/.exec(path);
  if (chunk) {
    const [year, month, day, hour, minute, second, durationMs] = chunk.slice(1).map(Number);
    const from = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    return { from, to: new Date(from.getTime() + durationMs), chunk: true };
  }
  return 'untimed';
}
