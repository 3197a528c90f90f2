import { type CanActivate, createParamDecorator, type ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { AdminRequest } from '../auth/admin-auth.guard';
import { assertRequiredRole } from '../auth/admin-roles';
import { hashToken } from '../auth/tokens';
import { AppError, type AuthFailureReason } from '../common/app-error';
import { attachToLog } from '../logging/access-log';
import { markCredentialFailed } from '../rate-limit/auth-failures';
import type { ConsoleSessionRecord } from './console-sessions.repository';
import { ConsoleSessionsService, SESSION_ABSOLUTE_MS } from './console-sessions.service';

const SESSION_COOKIE = 'camlinks_console';

export type ConsoleRequest = AdminRequest & { consoleSession?: ConsoleSessionRecord };

function sessionSecret(request: Request): string | undefined {
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
  if (origin && origin !== `${request.protocol}://${request.host}`) {
    attachToLog(request.res!, { auth_failure: 'cross_origin' satisfies AuthFailureReason });
    throw new ForbiddenException('Cross-site form posts are refused.');
  }
}

/**
 * The console's pages: a signed-in session (else the filter sends the browser to sign in),
 * and on every request that changes something the session's CSRF token in the `_csrf` field;
 * then the role the route requires (`@RequiresRole`, as in the admin API), whatever the page offered.
 */
@Injectable()
export class ConsoleAuthGuard implements CanActivate {
  constructor(
    private readonly sessions: ConsoleSessionsService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    if (request.method !== 'GET' && request.method !== 'HEAD') assertSameOrigin(request);
    const presented = sessionSecret(request);
    const session = await this.sessions.resume(presented, new Date());
    if (!session) {
      // A cookie that names no session is a guessed or stale credential: it costs a lookup, so it counts.
      if (presented) markCredentialFailed(context.switchToHttp().getResponse());
      throw AppError.unauthenticated(presented ? 'session_ended' : 'no_credentials');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD' && !sameSecret((request.body as { _csrf?: unknown } | undefined)?._csrf, session.csrfToken)) {
      attachToLog(context.switchToHttp().getResponse(), { auth_failure: 'csrf' satisfies AuthFailureReason });
      throw new ForbiddenException('The form is missing its CSRF token or it is stale: reload the page and try again.');
    }
    request.consoleSession = session;
    request.admin = session.admin;
    assertRequiredRole(this.reflector, context, session.admin);
    return true;
  }
}

function sameSecret(presented: unknown, expected: string): boolean {
  // Compared as hashes: equal lengths whatever was sent (timingSafeEqual throws on unequal ones).
  return typeof presented === 'string' && timingSafeEqual(Buffer.from(hashToken(presented)), Buffer.from(hashToken(expected)));
}

/** The signed-in console session (set by ConsoleAuthGuard). */
export const ConsoleSession = createParamDecorator((_: unknown, context: ExecutionContext): ConsoleSessionRecord => {
  const session = context.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
  if (!session) throw AppError.unauthenticated('no_credentials');
  return session;
});
