import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { type Observable, tap } from 'rxjs';
import { DatabaseChanges } from '../database/database-changes';

/**
 * After an admin change (a revocation, a revoked token, a deleted grant…), this instance's
 * caches forget at once: whoever made the change sees it on their next request, without
 * waiting for the database's notification to come back.
 */
@Injectable()
export class ChangesHereInterceptor implements NestInterceptor {
  constructor(private readonly changes: DatabaseChanges) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<Request>().method;
    if (method === 'GET' || method === 'HEAD') return next.handle();
    return next.handle().pipe(tap(() => this.changes.changedHere()));
  }
}
