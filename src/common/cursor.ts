import { isUUID } from 'class-validator';
import { AppError } from './app-error';
import { isStorableTime } from './timestamps';

/**
 * Keyset pagination, newest first, over (time, id): stable while rows are being inserted,
 * because new rows sort before every cursor already handed out.
 */
export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | undefined {
  if (value === undefined) return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [string, string];
    // Decoded values reach the query: only what encodeCursor writes, and the database can compare.
    const date = new Date(at);
    const valid =
      typeof id === 'string' && isUUID(id, 'all') && isStorableTime(date.getTime()) && date.toISOString() === at;
    if (!valid) throw new Error('bad cursor');
    return { at: date, id };
  } catch {
    throw AppError.invalidField('cursor', 'is not a cursor returned by this API');
  }
}

/** Prisma filter for "strictly after this cursor" in (time desc, id desc) order. */
export function afterCursor<K extends string>(field: K, cursor: Cursor | undefined) {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] };
}

export const DEFAULT_PAGE_SIZE = 100;

/**
 * One page for `?limit=&cursor=`: fetches `limit + 1` rows after the cursor, so whether a
 * next page exists is known without counting.
 */
export async function fetchPage<T>(
  query: { limit?: number; cursor?: string },
  fetch: (after: Cursor | undefined, take: number) => Promise<T[]>,
  cursorOf: (row: T) => Cursor,
): Promise<{ data: T[]; nextCursor: string | null }> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const rows = await fetch(decodeCursor(query.cursor), limit + 1);
  const data = rows.slice(0, limit);
  return { data, nextCursor: rows.length > limit ? encodeCursor(cursorOf(data[data.length - 1])) : null };
}

/**
 * Every row after `start`, `batch` at a time (the exports): each batch is fetched after the last
 * one was consumed, so an export never holds more than one.
 */
export async function* inBatches<T>(
  start: string | undefined,
  batch: number,
  fetch: (after: Cursor | undefined, take: number) => Promise<T[]>,
  cursorOf: (row: T) => Cursor,
): AsyncGenerator<T[]> {
  let cursor = decodeCursor(start);
  for (;;) {
    const rows = await fetch(cursor, batch);
    if (rows.length) yield rows;
    if (rows.length < batch) return;
    cursor = cursorOf(rows[rows.length - 1]);
  }
}
