import { utcFromForm } from './console.dto';

describe("a console form's time, read in the browser's zone", () => {
  it.each([
    ['2026-01-15T12:00', 'Europe/Berlin', '2026-01-15T11:00:00.000Z'], // winter: UTC+1
    ['2026-07-15T12:00', 'Europe/Berlin', '2026-07-15T10:00:00.000Z'], // summer: UTC+2, though read in any season
    ['2026-03-29T03:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'], // just after the clocks went forward
    ['2026-07-15T12:00:30', 'America/New_York', '2026-07-15T16:00:30.000Z'],
    ['2026-07-15T12:00', 'Asia/Kolkata', '2026-07-15T06:30:00.000Z'],
    ['2026-07-15T12:00', undefined, '2026-07-15T12:00:00.000Z'], // no zone: UTC
    ['2026-07-15T12:00Z', 'Asia/Tokyo', '2026-07-15T12:00:00.000Z'], // Z: UTC whatever the zone
  ])('%s in %s is %s', (value, zone, utc) => {
    expect(utcFromForm(value, zone)).toBe(utc);
  });
});
