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

/** A batch's end: how many rows it holds, and the cursor of its last row. */
export interface BatchEnd {
  count: number;
  last: Cursor | undefined;
}

/** The end of a batch of rows. */
export function rowsEnd<T>(cursorOf: (row: T) => Cursor): (rows: T[]) => BatchEnd {
  return (rows) => ({ count: rows.length, last: rows.length ? cursorOf(rows[rows.length - 1]) : undefined });
}

/**
 * Every row after `start`, `size` at a time (the exports): each batch is fetched after the last
 * one was consumed, so an export never holds more than one.
 */
export async function* inBatches<B>(
  start: string | undefined,
  size: number,
  fetch: (after: Cursor | undefined, take: number) => Promise<B>,
  endOf: (batch: B) => BatchEnd,
): AsyncGenerator<B> {
  let cursor = decodeCursor(start);
  for (;;) {
    const batch = await fetch(cursor, size);
    const { count, last } = endOf(batch);
    if (count) yield batch;
    if (count < size) return;
    cursor = last;
  }
}
