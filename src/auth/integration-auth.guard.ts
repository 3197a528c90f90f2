import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
import { CredentialCache } from './credential-cache';
import { CredentialsRepository } from './credentials.repository';
import type { Principal } from './principal';
import { hashToken, tokenKind } from './tokens';

type AuthenticatedRequest = Request & { principal?: Principal };

export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/**
 * Authenticates the integration API: `Authorization: Bearer <integration or user token>`, and
 * optionally `X-User-Token` for an integration acting for one of its users. Any credential
 * that is missing, malformed, unknown, expired or revoked is the same 401.
 */
@Injectable()
export class IntegrationAuthGuard implements CanActivate {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly cache: CredentialCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticate(bearerToken(request), request.header('x-user-token'));
    return true;
  }

  private async authenticate(bearer: string | undefined, actingFor: string | undefined): Promise<Principal> {
    const kind = bearer ? tokenKind(bearer) : undefined;
    if (kind === 'user' && actingFor === undefined) return { user: await this.credential('user', bearer!) };
    if (kind !== 'integration') throw AppError.unauthenticated();
    const [integration, user] = await Promise.all([
      this.credential('integration', bearer!),
      actingFor === undefined ? undefined : this.credential('user', actingFor.trim()),
    ]);
    return { integration, ...(user && { user }) };
  }

  /** A token of this kind that is known, not revoked and not expired; anything else is 401. */
  private async credential(kind: 'integration' | 'user', token: string): Promise<{ id: string; tokenId: string }> {
    if (tokenKind(token) !== kind) throw AppError.unauthenticated();
    const hash = hashToken(token);
    const found = await this.cache.through(`${kind}:${hash}`, () =>
      kind === 'user' ? this.credentials.findUserToken(hash) : this.credentials.findIntegrationToken(hash),
    );
    if (!found || (found.expiresAt && found.expiresAt <= new Date())) throw AppError.unauthenticated();
    return { id: found.ownerId, tokenId: found.id };
  }
}

/** The principal the IntegrationAuthGuard established for this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw AppError.unauthenticated();
  return principal;
});
