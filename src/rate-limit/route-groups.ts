import type { Request } from 'express';
import type { RateBudgets } from '../config/app-config';

/** The vendor's words (Laravel's) for a 429, in its `{message}` shape via the global filter. */
export const TOO_MANY_REQUESTS_MESSAGE = 'Too Many Attempts.';

/** Each group has its own budget (RATE_LIMIT_INTEGRATION, _VERIFY, _ADMIN). */
export type RouteGroup = Exclude<keyof RateBudgets, 'authFailures'>;

/**
 * Which budget a route draws from, by its path, so that endpoints added later are limited
 * without remembering to. Given the matched route's template (`request.route.path`), never the
 * raw URL: Express matches any letter case and a trailing slash, which must not make a new
 * budget. Health, metrics and the API docs are not limited. The console's pages (its sign-in
 * form included) draw from the admin budget.
 */
export function routeGroupOf(path: string): RouteGroup | undefined {
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  if (!path.startsWith('/api/v1/')) return undefined;
  if (path.startsWith('/api/v1/media-auth/')) return 'verify';
  if (path.startsWith('/api/v1/admin/')) return 'admin';
  return 'integration';
}

/** The matched route's group; undefined before routing (or for no route). */
export function matchedRouteGroup(request: Request): RouteGroup | undefined {
  const template = (request.route as { path?: unknown } | undefined)?.path;
  return typeof template === 'string' ? routeGroupOf(template) : undefined;
}

export type VerifiedRequest = Request & {
  principal?: { integration?: { tokenId: string }; user?: { tokenId: string } };
  admin?: { id: string };
};

/**
 * Who a request is counted against, once its credential has been verified (a budget is never
 * keyed on a token nobody checked: made-up tokens would each get a fresh budget). Integration
 * and admin calls: the verified credential, so callers behind one NAT do not share a budget and
 * one caller cannot spread over many addresses. Media servers carry no credential of ours:
 * verification is counted per address of the caller (the media server).
 */
export function trackerOf(group: RouteGroup, request: VerifiedRequest): string {
  const credential =
    group === 'integration'
      ? (request.principal?.integration ?? request.principal?.user)?.tokenId
      : group === 'admin'
        ? request.admin?.id
        : undefined;
  return credential ? `credential:${credential}` : `address:${request.ip ?? 'unknown'}`;
}
