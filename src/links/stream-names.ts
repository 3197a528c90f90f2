/**
 * What is wrong with a stream name as a path on a media server, or undefined when nothing is.
 *
 * `{stream}` becomes path segments of every link, and a video link opens its stream's directory:
 * a name must be segments joined by `/` that each mean themselves. So no empty, `.` or `..`
 * segment (a name `..` would make the directory `/`), nothing a URL or a second decoding reads
 * differently (`?`, `#`, `\`, `%`), no control character, no lone surrogate (it cannot be
 * URL-encoded). And no segment that the names a link opens below its stream's directory could
 * reach (src/verification/hls-names.ts): a Flussonic track folder (`tracks-…`) or a chunk's date
 * folders (`2024/01/02/03/04`), else stream `yard` would open stream `yard/tracks-v1`.
 */
export function streamNameProblem(name: string): string | undefined {
  if (LONE_SURROGATE.test(name)) return 'must not contain unpaired surrogates';
  // eslint-disable-next-line no-control-regex
  if (/[?#\\%\u0000-\u001f\u007f-\u009f]/.test(name)) return 'must not contain ?, #, \\, % or control characters';
  const segments = name.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'must be path segments joined by / (none empty, none . or ..)';
  }
  if (
    segments.some((segment) => /^tracks-/i.test(segment)) ||
    /(?:^|\/)\d{4}\/\d{2}\/\d{2}\/\d{2}\/\d{2}(?:\/|$)/.test(name)
  ) {
    return 'must not contain a segment a media server reads as a track folder (tracks-…) or as date folders (YYYY/MM/DD/HH/MM)';
  }
  return undefined;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
