import { DAY_MS } from '../common/timestamps';

/** A stretch of recorded video. */
export interface TimeRange {
  from: Date;
  to: Date;
}

/**
 * The archive a camera stream has now: its stored ranges when the media server told us
 * (PUT …/archive-ranges), else its retention window, else nothing. Never beyond now.
 */
export function availableArchive(retentionDays: number, stored: TimeRange[], now: Date): TimeRange[] {
  if (stored.length) {
    return stored
      .filter((range) => range.from < now)
      .map((range) => ({ from: range.from, to: range.to < now ? range.to : now }))
      .sort((a, b) => a.from.getTime() - b.from.getTime());
  }
  return retentionDays > 0 ? [{ from: new Date(now.getTime() - retentionDays * DAY_MS), to: now }] : [];
}

/**
 * Where playback asked to start at `requested` really starts: there, if it is recorded; else
 * at the next recorded moment (`movedTo`); undefined when nothing is recorded from then on.
 */
export function startAt(ranges: TimeRange[], requested: Date): { from: Date; movedTo?: Date } | undefined {
  const range = ranges.find((r) => r.to > requested);
  if (!range) return undefined;
  return requested >= range.from ? { from: requested } : { from: range.from, movedTo: range.from };
}

/** Whether one recorded range holds the whole of [from, to]. */
export function covers(ranges: TimeRange[], from: Date, to: Date): boolean {
  return ranges.some((range) => range.from <= from && to <= range.to);
}
