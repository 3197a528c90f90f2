import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AuditEventsRepository, NON_ADMIN_ACTORS } from '../audit/audit-events.repository';
import { actionOf, objectTypeOf } from '../audit/audit.interceptor';
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

const CROSS_SITE = 'Cross-site form posts are refused.';

/**
 * A form post from another site: refused before anything changes, for the sign-in form too (it
 * has no session yet). Browsers send Origin with every POST; a request without one is not a
 * browser's cross-site form.
 */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.origin;
  return !origin || origin === `${request.protocol}://${request.host}`;
}

/** For the sign-in form, whose refusal its controller's audit interceptor records. */
export function assertSameOrigin(request: Request): void {
  if (sameOrigin(request)) return;
  attachToLog(request.res!, { auth_failure: 'cross_origin' satisfies AuthFailureReason });
  throw new ForbiddenException(CROSS_SITE);
}

/**
 * The console's pages: a signed-in session (else the filter sends the browser to sign in),
 * and on every request that changes something the session's CSRF token in the `_csrf` field;
 * then the role the route requires (`@RequiresRole`, as in the admin API), whatever the page offered.
 */
@Injectable()
export class ConsoleAuthGuard implements CanActivate {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly sessions: ConsoleSessionsService,
    private readonly reflector: Reflector,
    private readonly events: AuditEventsRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ConsoleRequest>();
    const changes = request.method !== 'GET' && request.method !== 'HEAD';
    const presented = sessionSecret(request);
    const session = await this.sessions.resume(presented, new Date());
    // The session is looked up first only to name the admin in the audit event of a refusal.
    if (changes && !sameOrigin(request)) return this.refuse(request, session, 'origin', CROSS_SITE);
    if (!session) {
      // A cookie that names no session is a guessed or stale credential: it costs a lookup, so it counts.
      if (presented) markCredentialFailed(context.switchToHttp().getResponse());
      throw AppError.unauthenticated(presented ? 'session_ended' : 'no_credentials');
    }
    if (changes && !sameSecret((request.body as { _csrf?: unknown } | undefined)?._csrf, session.csrfToken)) {
      return this.refuse(
        request,
        session,
        'csrf',
        'The form is missing its CSRF token or it is stale: reload the page and try again.',
      );
    }
    request.consoleSession = session;
    request.admin = session.admin;
    assertRequiredRole(this.reflector, context, session.admin);
    return true;
  }

  /**
   * A refused post as a forgery (another origin, a missing or stale CSRF token) goes into the
   * audit trail, with the admin whose session it carried when there was one: guards run before
   * the audit interceptor, which would never see it.
   */
  private async refuse(
    request: ConsoleRequest & { id?: string },
    session: ConsoleSessionRecord | null,
    refused: 'origin' | 'csrf',
    message: string,
  ): Promise<never> {
    const reason: AuthFailureReason = refused === 'origin' ? 'cross_origin' : 'csrf';
    attachToLog(request.res!, { auth_failure: reason });
    const route = (request.route as { path?: string } | undefined)?.path ?? request.path;
    await this.events
      .append({
        actorType: session ? 'admin' : 'unauthenticated',
        actor: session?.admin.name ?? NON_ADMIN_ACTORS.unauthenticated,
        actorId: session?.admin.id ?? null,
        action: actionOf(request),
        objectType: objectTypeOf(route),
        objectId: null,
        outcome: 'failure',
        statusCode: 403,
        requestId: request.id ?? null,
        clientIp: request.ip ?? null,
        details: { refused, ...(refused === 'origin' && { origin: String(request.headers.origin).slice(0, 200) }) },
      })
      .catch((error: Error) =>
        this.logger.error(`Could not write audit event for a refused console post: ${error.message}`),
      );
    throw new ForbiddenException(message);
  }
}

function sameSecret(presented: unknown, expected: string): boolean {
  // Compared as hashes: equal lengths whatever was sent (timingSafeEqual throws on unequal ones).
  return (
    typeof presented === 'string' &&
    timingSafeEqual(Buffer.from(hashToken(presented)), Buffer.from(hashToken(expected)))
  );
}

/** The signed-in console session (set by ConsoleAuthGuard). */
export const ConsoleSession = createParamDecorator((_: unknown, context: ExecutionContext): ConsoleSessionRecord => {
  const session = context.switchToHttp().getRequest<ConsoleRequest>().consoleSession;
  if (!session) throw AppError.unauthenticated('no_credentials');
  return session;
});
