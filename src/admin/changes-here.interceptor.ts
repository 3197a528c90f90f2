import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type Observable, tap } from 'rxjs';
import { DatabaseChanges } from '../database/database-changes';

const ANNOUNCES_ITS_CHANGES = 'camlinks:announces-its-changes';

/**
 * On a route whose service tells this instance's caches itself what it changed (a revocation
 * naming its link, `DatabaseChanges.changedHere(change)`): the blanket forgetting after it is
 * skipped, so the caches keep everything else.
 */
export const AnnouncesItsChanges = (): MethodDecorator => SetMetadata(ANNOUNCES_ITS_CHANGES, true);

/**
 * After an admin change (a revocation, a revoked token, a deleted grant…), this instance's
 * caches forget at once: whoever made the change sees it on their next request, without
 * waiting for the database's notification to come back.
 */
@Injectable()
export class ChangesHereInterceptor implements NestInterceptor {
  constructor(
    private readonly changes: DatabaseChanges,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const method = context.switchToHttp().getRequest<Request>().method;
    if (method === 'GET' || method === 'HEAD') return next.handle();
    if (this.reflector.get<boolean>(ANNOUNCES_ITS_CHANGES, context.getHandler())) return next.handle();
    return next.handle().pipe(tap(() => this.changes.changedHere()));
  }
}
