import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import type { Request } from 'express';
import type { AdminRequest } from '../auth/admin-auth.guard';
import { toErrorResponse } from '../common/global-exception.filter';
import { AuditEventsRepository, NON_ADMIN_ACTORS } from './audit-events.repository';

const SECRET_KEY = /secret|token(?!_prefix)|password|authorization|csrf/i;

/** Deeper than any body camlinks accepts (input-bounds.ts): a refused body is recorded this far. */
const MAX_RECORDED_DEPTH = 12;

/** jsonb cannot hold NUL: a refused body that carried one is recorded with U+FFFD in its place. */
const storable = (text: string) => text.replaceAll('\0', '\uFFFD').toWellFormed();

/**
 * Copies a request body with every secret-looking field replaced, at any depth, in a form the
 * audit trail can store whatever was sent: a failed change must not lose its audit event.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return storable(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_RECORDED_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((inner) => redactSecrets(inner, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      storable(key),
      SECRET_KEY.test(key) ? '[redacted]' : redactSecrets(inner, depth + 1),
    ]),
  );
}

type Audited = { auditDetails?: Record<string, unknown> };

/** What a handler adds to its audit event's details: a bulk revocation, the filter and how many links it revoked. */
export function addAuditDetails(request: object, details: Record<string, unknown>): void {
  (request as Audited).auditDetails = { ...(request as Audited).auditDetails, ...details };
}

/**
 * Writes an audit event for every admin action that changes something (reads are not
 * recorded), successful or not, before the response leaves: an action the client saw
 * succeed is always in the trail.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditInterceptor.name);

  constructor(private readonly events: AuditEventsRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AdminRequest & { id?: string; route?: { path?: string } }>();
    if (request.method === 'GET' || request.method === 'HEAD') return next.handle();
    // Nest sets the status after interceptors run: read what it will be from the route.
    const successStatus =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ??
      (request.method === 'POST' ? 201 : 200);
    return next.handle().pipe(
      mergeMap((result) => from(this.record(request, successStatus, result).then(() => result))),
      catchError((error: unknown) =>
        from(this.record(request, toErrorResponse(error).status)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  private async record(
    request: AdminRequest & { id?: string; route?: { path?: string } },
    statusCode: number,
    result?: unknown,
  ): Promise<void> {
    const routePath = routeOf(request);
    const params = request.params as Record<string, string>;
    const created = result as { id?: string; uuid?: string } | undefined;
    try {
      await this.events.append({
        actorType: request.admin ? 'admin' : 'unauthenticated',
        actor: request.admin?.name ?? NON_ADMIN_ACTORS.unknown,
        actorId: request.admin?.id ?? null,
        action: actionOf(request),
        objectType: objectTypeOf(routePath),
        objectId: redactSecrets(params.tokenId ?? params.id ?? params.uuid ?? created?.id ?? created?.uuid ?? null) as
          string | null,
        outcome: statusCode < 400 ? 'success' : 'failure',
        statusCode,
        requestId: request.id ?? null,
        clientIp: request.ip ?? null,
        details: {
          params: redactSecrets(params),
          body: redactSecrets(request.body ?? null),
          ...(request as Audited).auditDetails,
        },
      });
    } catch (error) {
      // The action itself has happened (or failed) already; losing its trail must be loud.
      this.logger.error(`Could not write audit event for ${request.method} ${routePath}: ${(error as Error).message}`);
    }
  }
}

/** The matched route's template (`/api/v1/admin/links/:id/revoke`), or the path when none matched. */
const routeOf = (request: Request) => (request.route as { path?: string } | undefined)?.path ?? request.path;

/** An audit event's `action`: the method and the route's template, e.g. `POST /api/v1/admin/links/:id/revoke`. */
export const actionOf = (request: Request): string => `${request.method} ${routeOf(request)}`;

/**
 * The resource a route acts on: `links` for `/api/v1/admin/links/:id/revoke`, the console's
 * `/admin/links/...` and an integration's `/api/v1/links/revoke`.
 */
export function objectTypeOf(route: string): string {
  return route.replace(/^\/?(api\/v1\/)?(admin\/)?/i, '').split('/')[0];
}
