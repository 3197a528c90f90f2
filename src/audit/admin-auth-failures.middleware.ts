import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { AdminRequest } from '../auth/admin-auth.guard';
import { Metrics } from '../metrics/metrics';
import { AuditEventsRepository, NON_ADMIN_ACTORS } from './audit-events.repository';
import { actionOf, objectTypeOf } from './audit.interceptor';

/**
 * Failed admin authentications (any 401 of the admin API) are counted in /metrics and written
 * to the audit trail with the route, address and request id, never the credential presented.
 * RATE_LIMIT_AUTH_FAILURES keeps a flood of them from becoming a flood of rows. A 403 (an admin
 * whose role does not allow the route; the audit interceptor never sees it, the guard refused
 * first) is written too, with the admin and its role: a rogue admin's attempts leave a trace.
 */
@Injectable()
export class AdminAuthFailuresMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly events: AuditEventsRepository,
    private readonly metrics: Metrics,
  ) {}

  use(req: AdminRequest & { id?: string }, res: Response, next: NextFunction): void {
    res.once('finish', () => {
      const refused = res.statusCode === 403 ? req.admin : undefined;
      if (res.statusCode !== 401 && !refused) return;
      if (!refused) this.metrics.adminAuthFailed();
      this.events
        .append({
          actorType: refused ? 'admin' : 'unauthenticated',
          actor: refused?.name ?? NON_ADMIN_ACTORS.unauthenticated,
          actorId: refused?.id ?? null,
          action: actionOf(req),
          objectType: objectTypeOf((req.route as { path?: string } | undefined)?.path ?? req.path),
          objectId: null,
          outcome: 'failure',
          statusCode: res.statusCode,
          requestId: req.id ?? null,
          clientIp: req.ip ?? null,
          details: refused
            ? { role: refused.role }
            : { credential: req.headers.authorization ? 'rejected' : 'missing' },
        })
        .catch((error: Error) =>
          this.logger.error(`Could not write audit event for a failed admin authentication: ${error.message}`),
        );
    });
    next();
  }
}
