/**
 * The span a MediaMTX playback request asks for, read the way MediaMTX reads it, or null when
 * camlinks cannot be sure it reads the same thing (then the request is refused).
 *
 * MediaMTX (internal/playback) takes the first value of each parameter and drops every pair that
 * holds a raw `;` (Go's url.ParseQuery), parses `start` (and `end`) with Go's time.Parse(RFC3339)
 * and `duration` as float seconds or a Go duration. JavaScript's URLSearchParams and Date read
 * all of these differently. So: no `;`, no parameter twice (after decoding), no malformed escape;
 * `start` strictly RFC 3339; `duration` plain decimal seconds or a Go duration (`1h2m3.5s`);
 * exactly one of `duration` (/get) and `end` (/hls, newer versions).
 */
export function readPlaybackSpan(query: string): { from: number; to: number } | null {
  const params = strictQuery(query.startsWith('?') ? query.slice(1) : query);
  const start = params?.get('start');
  if (!params || start === undefined || params.has('duration') === params.has('end')) return null;
  const from = rfc3339(start);
  if (from === null) return null;
  const end = params.has('end') ? rfc3339(params.get('end')!) : goDuration(params.get('duration')!);
  const to = params.has('end') ? end : end === null ? null : from + end;
  return to !== null && to > from ? { from: Math.floor(from), to: Math.ceil(to) } : null;
}

/** Decoded parameters, or null for a query two readers could read differently. */
function strictQuery(query: string): Map<string, string> | null {
  const params = new Map<string, string>();
  if (query.includes(';')) return null;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const key = decode(at === -1 ? pair : pair.slice(0, at));
    const value = decode(at === -1 ? '' : pair.slice(at + 1));
    if (key === null || value === null || params.has(key)) return null;
    params.set(key, value);
  }
  return params;
}

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch (with a fraction) of what Go's time.Parse(time.RFC3339) accepts, minus leap seconds and years before 1970. */
function rfc3339(value: string): number | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (year < 1970 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const offsetHours = m[8] ? Number(m[9]) : 0;
  const offsetMinutes = m[8] ? Number(m[10]) : 0;
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(local).getUTCDate() !== day) return null; // 31 April, 29 February 2023
  const sign = m[8] === '-' ? -1 : 1;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60_000 + Number(`0.${m[7] ?? '0'}`) * 1000;
}

const GO_DURATION = /^(?:\d+(?:\.\d*)?|\.\d+)(?:ms|us|µs|μs|ns|h|m|s)/;
const GO_UNIT_MS: Record<string, number> = {
  h: 3_600_000,
  m: 60_000,
  s: 1000,
  ms: 1,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ns: 1e-6,
};

/** Milliseconds of a positive duration: decimal seconds (`60`, `1.5`) or Go's form (`1h2m3.5s`), unsigned. */
function goDuration(value: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(value)) return Number(value) * 1000;
  if (value === '') return null;
  let total = 0;
  for (let rest = value; rest !== '';) {
    const m = GO_DURATION.exec(rest);
    if (!m) return null;
    const [, number, unit] = /^([\d.]+)(.+)$/.exec(m[0])!;
    total += Number(number) * GO_UNIT_MS[unit];
    rest = rest.slice(m[0].length);
  }
  return Number.isFinite(total) ? total : null;
}
