import { createHash } from 'node:crypto';
import type { Request } from 'express';
import type { RateBudgets } from '../config/app-config';

/** Each group has its own budget (RATE_LIMIT_INTEGRATION, _VERIFY, _ADMIN). */
export type RouteGroup = keyof RateBudgets;

/**
 * Which budget a request draws from, by path, so that endpoints added later are limited
 * without remembering to. Health, metrics and the API docs are not limited. The console's pages
 * (its sign-in form included) draw from the admin budget, per address: they carry no bearer.
 */
export function routeGroupOf(path: string): RouteGroup | undefined {
  if (path === '/admin' || path.startsWith('/admin/')) return 'admin';
  if (!path.startsWith('/api/v1/')) return undefined;
  if (path.startsWith('/api/v1/media-auth/')) return 'verify';
  if (path.startsWith('/api/v1/admin/')) return 'admin';
  return 'integration';
}

/**
 * Who a request is counted against. Integration and admin calls: the bearer credential they
 * present (hashed: budgets may live in Redis), so callers behind one NAT do not share a budget
 * and one caller cannot spread over many addresses. Media servers carry no credential of
 * ours, so verification is counted per address of the caller (the media server).
 */
export function trackerOf(group: RouteGroup, request: Request): string {
  const bearer = group === 'verify' ? undefined : /^Bearer\s+(\S+)/i.exec(request.headers.authorization ?? '')?.[1];
  if (bearer) return `credential:${createHash('sha256').update(bearer).digest('hex').slice(0, 32)}`;
  return `address:${request.ip ?? 'unknown'}`;
}
