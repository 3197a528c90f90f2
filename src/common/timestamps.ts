/** The vendor's timestamp format: UTC with six fractional digits, `2000-01-01T00:00:00.000000Z`. */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
