export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** The vendor's timestamp format: UTC with six fractional digits, `2000-01-01T00:00:00.000000Z`. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** A nullable date-time of a response, as JSON writes dates. */
export const isoOrNull = (date: Date | null): string | null => date?.toISOString() ?? null;

/** A date-time field of a request body: undefined (left out) and null (cleared) stay what they are. */
export function parseOptionalDate(value: string | null | undefined): Date | null | undefined {
  return typeof value === 'string' ? new Date(value) : value;
}

/** The instants PostgreSQL and `toISOString()` agree on: years 0001 to 9999 in UTC. */
const EARLIEST = Date.parse('0001-01-01T00:00:00.000Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

export function isStorableTime(time: number): boolean {
  return time >= EARLIEST && time <= LATEST;
}
