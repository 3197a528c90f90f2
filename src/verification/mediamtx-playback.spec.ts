import { readPlaybackSpan } from './mediamtx-playback';

const at = (iso: string) => Date.parse(iso);

describe('readPlaybackSpan (MediaMTX playback, read as MediaMTX reads it)', () => {
  it.each([
    ['path=cam&start=2030-01-01T10:00:00Z&duration=60s', '2030-01-01T10:00:00Z', 60_000],
    ['start=2030-01-01T10:00:00Z&duration=60', '2030-01-01T10:00:00Z', 60_000],
    ['?start=2030-01-01T10:00:00Z&duration=1.5', '2030-01-01T10:00:00Z', 1500],
    ['start=2030-01-01T10:00:00Z&duration=1h2m3.5s', '2030-01-01T10:00:00Z', 3_723_500],
    ['start=2030-01-01T10:00:00Z&duration=500ms', '2030-01-01T10:00:00Z', 500],
    ['start=2030-01-01T12:00:00%2B02:00&duration=60s', '2030-01-01T10:00:00Z', 60_000],
    ['start=2030-01-01T07:30:00-02:30&duration=60s', '2030-01-01T10:00:00Z', 60_000],
    ['start=2030-01-01T10:00:00.250Z&duration=1s', '2030-01-01T10:00:00.250Z', 1000],
    ['start=2030-01-01T10:00:00Z&end=2030-01-01T10:05:00Z', '2030-01-01T10:00:00Z', 300_000],
  ])('reads %s', (query, start, length) => {
    expect(readPlaybackSpan(query)).toEqual({ from: at(start), to: at(start) + length });
  });

  it('rounds a fraction of a millisecond outwards', () => {
    expect(readPlaybackSpan('start=2030-01-01T10:00:00.0005Z&duration=0.0001')).toEqual({
      from: at('2030-01-01T10:00:00Z'),
      to: at('2030-01-01T10:00:00.001Z'),
    });
  });

  it.each([
    ['start=2030-01-01T10:00:00Z&start=2020-01-01T00:00:00Z&duration=60s', 'a repeated start'],
    ['start=2030-01-01T10:00:00Z&duration=60s&duration=3600s', 'a repeated duration'],
    ['start=2030-01-01T10:00:00Z&st%61rt=2020-01-01T00:00:00Z&duration=60s', 'a repeated start, encoded'],
    ['start=2020-01-01T00:00:00Z;start=2030-01-01T10:00:00Z&duration=60s', 'a raw ;'],
    ['start=2030-01-01T10:00:00Z&duration=60s;x=1', 'a raw ; after a value'],
    ['start=2030-01-01T10:00:00Z&duration=60%zz', 'a malformed escape'],
    ['duration=60s', 'no start'],
    ['start=2030-01-01T10:00:00Z', 'neither duration nor end'],
    ['start=2030-01-01T10:00:00Z&duration=60s&end=2030-01-01T10:05:00Z', 'both duration and end'],
    ['start=2030-01-01&duration=60s', 'a date without a time'],
    ['start=2030-01-01T10:00:00&duration=60s', 'a time without a zone'],
    ['start=2030-01-01 10:00:00Z&duration=60s', 'a space for T'],
    ['start=2030-01-01t10:00:00z&duration=60s', 'lower case t and z'],
    ['start=Jan 1 2030&duration=60s', "a date JavaScript's Date would read"],
    ['start=1893492000000&duration=60s', 'epoch milliseconds'],
    ['start=2030-02-30T10:00:00Z&duration=60s', '30 February'],
    ['start=2030-01-01T24:00:00Z&duration=60s', 'hour 24'],
    ['start=2030-01-01T10:00:60Z&duration=60s', 'second 60'],
    ['start=2030-01-01T10:00:00+24:00&duration=60s', 'offset 24:00'],
    ['start=1969-12-31T23:59:59Z&duration=60s', 'a year before 1970'],
    ['start=+2030-01-01T10:00:00Z&duration=60s', 'a signed year'],
    ['start=2030-01-01T10:00:00Z&duration=-60s', 'a negative duration'],
    ['start=2030-01-01T10:00:00Z&duration=0', 'a zero duration'],
    ['start=2030-01-01T10:00:00Z&duration=1e3', 'an exponent'],
    ['start=2030-01-01T10:00:00Z&duration=60 s', 'a space in the duration'],
    ['start=2030-01-01T10:00:00Z&duration=1d', 'days (no Go unit)'],
    ['start=2030-01-01T10:00:00Z&duration=Infinity', 'Infinity'],
    ['start=2030-01-01T10:00:00Z&duration=', 'an empty duration'],
    ['start=2030-01-01T10:00:00Z&end=2030-01-01T09:00:00Z', 'an end before the start'],
  ])('refuses %s (%s)', (query) => {
    expect(readPlaybackSpan(query)).toBeNull();
  });
});
