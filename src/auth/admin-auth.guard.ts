import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../common/app-error';
import { type AdminTokenSource } from './admin-token';
import { bearerToken } from './integration-auth.guard';
import { hashToken } from './tokens';

export const ADMIN_TOKEN = Symbol('ADMIN_TOKEN');

/** `Authorization: Bearer $ADMIN_TOKEN`, compared in constant time; always 401 when the admin API is closed. */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(ADMIN_TOKEN) source: AdminTokenSource) {
    this.expected = source.kind === 'closed' ? undefined : Buffer.from(hashToken(source.token));
  }

  canActivate(context: ExecutionContext): boolean {
    const presented = bearerToken(context.switchToHttp().getRequest<Request>());
    if (!this.expected || !presented || !timingSafeEqual(Buffer.from(hashToken(presented)), this.expected)) {
      throw AppError.unauthenticated();
    }
    return true;
  }
}
