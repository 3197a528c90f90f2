import { tokenKind } from '../auth/tokens';

/**
 * The link token a caller names a link by: the token itself, or a link URL as camlinks issued it
 * (the token in its `token` query parameter, or as a whole path segment for templates that put
 * it there). Anything else names no link: a URL with two tokens, a token in its fragment, user
 * info, host or another parameter, or text around a token. Naming a link proves nothing: the
 * caller's ownership is checked where the link is revoked.
 */
export function linkTokenOf(reference: string): string | undefined {
  const text = reference.trim();
  if (tokenKind(text) === 'link') return text;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || !URL.canParse(text)) return undefined;
  const url = new URL(text);
  const inQuery = url.searchParams.getAll('token');
  const inPath = url.pathname.split('/').map(decodeSegment);
  const candidates = [...inQuery, ...inPath].filter((part) => tokenKind(part) === 'link');
  // One token, named once (a URL may carry the same one in the path and the query).
  return new Set(candidates).size === 1 ? candidates[0] : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
