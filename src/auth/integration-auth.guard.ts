import { type CanActivate, createParamDecorator, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from '../common/app-error';
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
  constructor(private readonly credentials: CredentialsRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticate(bearerToken(request), request.header('x-user-token'));
    return true;
  }

  private async authenticate(bearer: string | undefined, actingFor: string | undefined): Promise<Principal> {
    const now = new Date();
    const kind = bearer && tokenKind(bearer);
    if (kind === 'user' && actingFor === undefined) {
      return { user: await this.userCredential(bearer!, now) };
    }
    if (kind !== 'integration') throw AppError.unauthenticated();
    const [integration, user] = await Promise.all([
      this.credentials.findActiveIntegrationToken(hashToken(bearer!), now),
      actingFor === undefined ? undefined : this.userCredential(actingFor.trim(), now),
    ]);
    if (!integration) throw AppError.unauthenticated();
    return { integration: { id: integration.ownerId, tokenId: integration.id }, ...(user && { user }) };
  }

  private async userCredential(token: string, now: Date): Promise<NonNullable<Principal['user']>> {
    const found = tokenKind(token) === 'user' ? await this.credentials.findActiveUserToken(hashToken(token), now) : undefined;
    if (!found) throw AppError.unauthenticated();
    return { id: found.ownerId, tokenId: found.id };
  }
}

/** The principal the IntegrationAuthGuard established for this request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw AppError.unauthenticated();
  return principal;
});
