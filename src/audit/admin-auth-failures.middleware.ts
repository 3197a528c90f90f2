import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from '../metrics/metrics';
import { AuditEventsRepository } from './audit-events.repository';
import { actionOf, objectTypeOf } from './audit.interceptor';

/**
 * Failed admin authentications (any 401 of the admin API) are counted in /metrics and written
 * to the audit trail with the route, address and request id, never the credential presented.
 * RATE_LIMIT_AUTH_FAILURES keeps a flood of them from becoming a flood of rows.
 */
@Injectable()
export class AdminAuthFailuresMiddleware implements NestMiddleware {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly events: AuditEventsRepository,
    private readonly metrics: Metrics,
  ) {}

  use(req: Request & { id?: string }, res: Response, next: NextFunction): void {
    res.once('finish', () => {
      if (res.statusCode !== 401) return;
      this.metrics.adminAuthFailed();
      this.events
        .append({
          actorType: 'unauthenticated',
          actor: 'unauthenticated',
          actorId: null,
          action: actionOf(req),
          objectType: objectTypeOf((req.route as { path?: string } | undefined)?.path ?? req.path),
          objectId: null,
          outcome: 'failure',
          statusCode: 401,
          requestId: req.id ?? null,
          clientIp: req.ip ?? null,
          details: { credential: req.headers.authorization ? 'rejected' : 'missing' },
        })
        .catch((error: Error) => this.logger.error(`Could not write audit event for a failed admin authentication: ${error.message}`));
    });
    next();
  }
}
