/**
 * The path of a request as nginx will serve it, or null for a path no well-behaved player sends.
 *
 * nginx decodes percent-escapes once, merges slashes and resolves `.` and `..` before it picks a
 * file, and a media server behind it may decode again; a check on the raw or half-decoded form is
 * fooled by `%2F..%2F`, `%2e%2e`, `%252e`, `//other-host/…` or `/\…`. So camlinks compares only
 * paths for which nginx's normalization is a no-op, decoded exactly once, and refuses the rest:
 *   - one leading `/`, no empty segment: `//site2/x` is not the authority form of another host
 *     (WHATWG `URL` would read it so) and no `//` hides a segment from a prefix comparison;
 *   - raw bytes only printable ASCII without `\`, `?` or `#`: a player percent-encodes everything
 *     else (the query is cut off before), and `\` is a separator to some servers and URL parsers;
 *   - each segment percent-decoded once, as UTF-8; a malformed escape is refused;
 *   - a decoded segment holds no `/` or `\` (an encoded separator), no `%` (a second round of
 *     decoding would change it), no `?` or `#`, no control character (NUL included);
 *   - no `.` or `..` segment, encoded or not.
 * Stream names are held to the same rules at the admin API, so every issued path passes.
 */
export function canonicalPath(raw: string): string | null {
  if (raw.length < 2 || raw.charCodeAt(0) !== SLASH) return null;
  let needsDecoding = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === BACKSLASH || c === HASH || c === QUESTION) return null;
    if (c === PERCENT) needsDecoding = true;
    // An empty segment or a dot segment starts right after a slash: `//`, `/.`, `/..`.
    else if (c === SLASH && i > 0 && raw.charCodeAt(i - 1) === SLASH) return null;
  }
  if (raw.charCodeAt(raw.length - 1) === SLASH) return null;
  if (!needsDecoding) return hasDotSegment(raw) ? null : raw;
  const segments = raw.slice(1).split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = decodeSegment(segments[i]);
    if (segment === null) return null;
    segments[i] = segment;
  }
  return `/${segments.join('/')}`;
}

/** A directory's path (ending in `/`, not the root), canonical by the same rules; null otherwise. */
export function canonicalDirectory(raw: string): string | null {
  if (raw.length < 2 || !raw.endsWith('/')) return null;
  const file = canonicalPath(`${raw}x`);
  return file === null ? null : file.slice(0, -1);
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const QUESTION = 0x3f;
const PERCENT = 0x25;
const DOT = 0x2e;

function hasDotSegment(path: string): boolean {
  for (let i = path.indexOf('/.'); i !== -1; i = path.indexOf('/.', i + 1)) {
    const next = path.charCodeAt(i + 2);
    if (
      Number.isNaN(next) ||
      next === SLASH ||
      (next === DOT && (i + 3 === path.length || path.charCodeAt(i + 3) === SLASH))
    )
      return true;
  }
  return false;
}

/** One segment, decoded once; null when it is malformed or decodes to something a segment must not hold. */
function decodeSegment(segment: string): string | null {
  if (segment === '') return null;
  let decoded: string;
  try {
    decoded = segment.includes('%') ? decodeURIComponent(segment) : segment;
  } catch {
    return null; // a `%` without two hex digits, or bytes that are not UTF-8
  }
  if (decoded === '.' || decoded === '..' || FORBIDDEN_DECODED.test(decoded)) return null;
  return decoded;
}

// eslint-disable-next-line no-control-regex
const FORBIDDEN_DECODED = /[/\\%?#\u0000-\u001f\u007f]/;

const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

/** The raw path of an absolute URL camlinks built (`scheme://authority/path?query`), read without WHATWG `URL`. */
export function rawPathOf(url: string): string | null {
  const authority = ABSOLUTE_URL.exec(url);
  if (!authority) return null;
  const rest = url.slice(authority[0].length);
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}
