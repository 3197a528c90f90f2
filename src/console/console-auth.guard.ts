import { type CanActivate, createParamDecorator, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { AdminRequest } from '../auth/admin-auth.guard';
import { AppError } from '../common/app-error';
import type { ConsoleSessionRecord } from './console-sessions.repository';
import { ConsoleSessionsService, SESSION_ABSOLUTE_MS } from './console-sessions.service';

export const SESSION_COOKIE = 'camlinks_console';

export type ConsoleRequest = AdminRequest & { consoleSession?: ConsoleSessionRecord };

export function sessionSecret(request: Request): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=') || undefined;
  }
  return undefined;
}

/** HttpOnly, SameSite=Strict, Secure when the request came over HTTPS (behind a trusted proxy too). */
export function setSessionCookie(request: Request, response: Response, secret: string | null): void {
  const options = { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/admin' } as const;
  if (secret) response.cookie(SESSION_COOKIE, secret, { ...options, maxAge: SESSION_ABSOLUTE_MS });
  else response.clearCookie(SESSION_COOKIE, options);
}

/**
 * A form post from another site: refused before anything else, for the sign-in form too (it
 * has no session yet). Browsers send Origin with every POST; a request without one is not a
 * browser's cross-site form.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.origin;
  if (origin && origin !== `${request.protocol}://${request.get('host')}`) throw new ForbiddenException('Cross-site form posts are refused.');
}

/**
 * The console's pages: a signed-in session (else the filter sends the browser to sign in),
 * and on every request that changes something the session's CSRF token in the `_csrf` field.
 */
@Injectable()
export class ConsoleAuthGuard implements CanActivate {
  constructor(private readonly sessions: ConsoleSessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    if (request.method !== 'GET' && request.method !== 'HEAD') assertSameOrigin(request);
    const session = await this.sessions.resume(sessionSecret(request), new Date());
    if (!session) throw AppError.unauthenticated();
    if (request.method !== 'GET' && request.method !== 'HEAD' && !sameSecret((request.body as { _csrf?: unknown } | undefined)?._csrf, session.csrfToken)) {
      throw new ForbiddenException('The form is missing its CSRF token or it is stale: reload the page and try again.');
    }
    request.consoleSession = session;
    request.admin = session.admin;
    return true;
  }
}

function sameSecret(presented: unknown, expected: string): boolean {
  return typeof presented === 'string' && presented.length === expected.length && timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
}

/** The signed-in console session (set by ConsoleAuthGuard). */
export const ConsoleSession = createParamDecorator((_: unknown, context: ExecutionContext): ConsoleSessionRecord => {
  const session = context.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
  if (!session) throw AppError.unauthenticated();
  return session;
});
