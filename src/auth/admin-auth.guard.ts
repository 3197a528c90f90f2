import { type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
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
  private readonly actor: string;

  constructor(@Inject(ADMIN_TOKEN) source: AdminTokenSource) {
    const hash = source.kind === 'closed' ? undefined : hashToken(source.token);
    this.expected = hash ? Buffer.from(hash) : undefined;
    // Names the credential in audit events and revocations without revealing it.
    this.actor = `admin-token:${hash?.slice(0, 8)}`;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    if (!this.isAdminToken(bearerToken(request))) throw AppError.unauthenticated();
    request.adminActor = this.actor;
    return true;
  }

  isAdminToken(presented: string | undefined): boolean {
    return !!this.expected && !!presented && timingSafeEqual(Buffer.from(hashToken(presented)), this.expected);
  }
}

export type AdminRequest = Request & { adminActor?: string };

/** Which admin credential made this request, e.g. `admin-token:1a2b3c4d`. */
export const AdminActor = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const actor = context.switchToHttp().getRequest<AdminRequest>().adminActor;
  if (!actor) throw AppError.unauthenticated();
  return actor;
});
