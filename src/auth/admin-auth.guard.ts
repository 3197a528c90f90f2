import { type CanActivate, createParamDecorator, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { AppError, type AuthFailureReason } from '../common/app-error';
import { type AdminIdentity, BOOTSTRAP_ADMIN } from './admin-identity';
import { assertRequiredRole } from './admin-roles';
import { type AdminTokenSource } from './admin-token';
import { CredentialsRepository } from './credentials.repository';
import { requireBearer } from './integration-auth.guard';
import { hashToken, tokenKind } from './tokens';

export const ADMIN_TOKEN = Symbol('ADMIN_TOKEN');

/**
 * `Authorization: Bearer <admin token>`: a named admin's `cla_…` token, or the bootstrap token
 * (ADMIN_TOKEN or data/admin-token, compared in constant time), which acts as the built-in
 * admin `bootstrap`. Anything else is 401; without a bootstrap token only named admins get in.
 * An admin whose role is less than the route requires (`@RequiresRole`) is 403.
 */
@Injectable()
export class AdminAuthGuard implements CanActivate {
  private readonly bootstrap: Buffer | undefined;

  constructor(
    @Inject(ADMIN_TOKEN) source: AdminTokenSource,
    private readonly credentials: CredentialsRepository,
    private readonly reflector: Reflector,
  ) {
    this.bootstrap = source.kind === 'closed' ? undefined : Buffer.from(hashToken(source.token));
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const admin = await this.identify(requireBearer(request));
    if (typeof admin === 'string') throw AppError.unauthenticated(admin);
    request.admin = admin;
    assertRequiredRole(this.reflector, context, admin);
    return true;
  }

  /** Whether `hash` is the hash of the bootstrap token as configured now. */
  isBootstrapHash(hash: string | null): boolean {
    return (
      this.bootstrap !== undefined &&
      hash !== null &&
      hash.length === this.bootstrap.length &&
      timingSafeEqual(Buffer.from(hash), this.bootstrap)
    );
  }

  /** The admin a presented token belongs to; undefined when it is no admin's (unknown, revoked, malformed). */
  async authenticate(presented: string | undefined): Promise<AdminIdentity | undefined> {
    const admin = await this.identify(presented);
    return typeof admin === 'string' ? undefined : admin;
  }

  /** The admin a presented token belongs to, or why it is none. */
  async identify(presented: string | undefined): Promise<AdminIdentity | AuthFailureReason> {
    if (!presented) return 'no_credentials';
    const hash = hashToken(presented);
    if (this.isBootstrapHash(hash)) return BOOTSTRAP_ADMIN;
    const kind = tokenKind(presented);
    if (kind === 'integration' || kind === 'user' || kind === 'link') return 'wrong_api';
    if (kind !== 'admin') return this.bootstrap ? 'unknown_token' : 'admin_api_closed';
    // Not cached: admin requests are few, and a revoked admin token must stop at once on every instance.
    const admin = await this.credentials.findAdminToken(hash);
    if (!admin) return 'unknown_token';
    return admin.revokedAt ? 'revoked' : { id: admin.id, name: admin.name, role: admin.role };
  }
}

export type AdminRequest = Request & { admin?: AdminIdentity };

/** Which admin made this request (its name, id and role), for audit events and revocations. */
export const AdminActor = createParamDecorator((_: unknown, context: ExecutionContext): AdminIdentity => {
  const admin = context.switchToHttp().getRequest<AdminRequest>().admin;
  if (!admin) throw AppError.unauthenticated('no_credentials');
  return admin;
});
