import { type AdminRole, hasRole } from '../auth/admin-identity';
import type { ConsoleSessionRecord } from './console-sessions.repository';
import { refusalInWords } from './refusal-reasons';

/**
 * What every signed-in page's layout needs: who is signed in, the CSRF token for its forms, which
 * page is current, and `may(role)`: whether to offer what needs that role (the guard refuses it
 * anyway, whatever a page offered).
 */
export function page(
  session: ConsoleSessionRecord,
  current: 'overview' | 'links' | 'audit',
  title: string,
  data: object,
): object {
  const may = (role: AdminRole) => hasRole(session.admin.role, role);
  return {
    ...data,
    title,
    current,
    admin: session.admin,
    may,
    csrf: session.csrfToken,
    time: timeElement,
    reason: refusalInWords,
    details: detailsOf,
  };
}

/** Times as the console shows them without script: UTC, to the second, readable. */
function formatTime(date: Date | string): string {
  return `${new Date(date).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/**
 * A time as HTML (for `<%~`): UTC, which assets/local-time.js rewrites in the browser's time
 * zone, keeping UTC on hover. Neither text holds a character HTML would need escaped.
 */
function timeElement(date: Date | string | null | undefined): string {
  if (!date) return '—';
  const utc = formatTime(date);
  return `<time datetime="${new Date(date).toISOString()}" title="${utc}">${utc}</time>`;
}

/** What an audited request sent, as label and value, without the console's own fields (`_csrf`). */
function detailsOf(details: unknown): [string, string][] {
  // An admin's request is recorded with its body; the other actors' events carry their facts directly.
  const body = (details as { body?: unknown } | null)?.body ?? details;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.entries(body)
    .filter(([key]) => !key.startsWith('_'))
    .map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]);
}

/** A query string for links that keep the current filter (cursor and the like replaced or dropped). */
export function queryString(values: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What a page's filter is, without the paging and the one-off notice its URL may carry. */
export function filterOf<F extends { cursor?: string; limit?: number; revoked?: number }>(
  form: F,
): Omit<F, 'cursor' | 'limit' | 'revoked'> {
  const { cursor: _cursor, limit: _limit, revoked: _revoked, ...filter } = form;
  return filter;
}
