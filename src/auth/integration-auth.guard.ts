import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError, type AuthFailureReason } from '../common/app-error';
import { CredentialCache } from './credential-cache';
import { CredentialsRepository } from './credentials.repository';
import type { Principal } from './principal';
import { hashToken, tokenKind } from './tokens';

type AuthenticatedRequest = Request & { principal?: Principal };

export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** The bearer token, or a 401 saying why there is none. */
export function requireBearer(request: Request): string {
  const token = bearerToken(request);
  if (!token) throw AppError.unauthenticated(request.headers.authorization ? 'malformed' : 'no_credentials');
  return token;
}

/** Why a token of another kind than `expected` is refused: another API's, or not one of ours at all. */
function wrongKind(token: string): AuthFailureReason {
  const kind = tokenKind(token);
  return kind === 'admin' || kind === 'link' ? 'wrong_api' : 'malformed';
}

/**
 * Authenticates the integration API: `Authorization: Bearer <integration or user token>`, and
 * optionally `X-User-Token` for an integration acting for one of its users. Any credential
 * that is missing, malformed, unknown, expired or revoked is the same 401; the log line says which.
 */
@Injectable()
export class IntegrationAuthGuard implements CanActivate {
  constructor(
    private readonly credentials: CredentialsRepository,
    private readonly cache: CredentialCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticate(requireBearer(request), request.header('x-user-token'));
    return true;
  }

  private async authenticate(bearer: string, actingFor: string | undefined): Promise<Principal> {
    const kind = tokenKind(bearer);
    if (kind === 'user' && actingFor === undefined) return { user: await this.credential('user', bearer) };
    if (kind !== 'integration') throw AppError.unauthenticated(wrongKind(bearer));
    const [integration, user] = await Promise.all([
      this.credential('integration', bearer),
      actingFor === undefined ? undefined : this.credential('user', actingFor.trim()),
    ]);
    return { integration, ...(user && { user }) };
  }

  /** A token of this kind that is known, not revoked and not expired; anything else is 401. */
  private async credential(kind: 'integration' | 'user', token: string): Promise<{ id: string; tokenId: string }> {
    if (tokenKind(token) !== kind) throw AppError.unauthenticated(wrongKind(token));
    const hash = hashToken(token);
    const found = await this.cache.through(`${kind}:${hash}`, () =>
      kind === 'user' ? this.credentials.findUserToken(hash) : this.credentials.findIntegrationToken(hash),
    );
    if (!found) throw AppError.unauthenticated('unknown_token');
    if (found.revokedAt) throw AppError.unauthenticated('revoked');
    if (found.expiresAt && found.expiresAt <= new Date()) throw AppError.unauthenticated('expired');
    return { id: found.ownerId, tokenId: found.id };
  }
}

/** The principal the IntegrationAuthGuard established for this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw AppError.unauthenticated('no_credentials');
  return principal;
});
