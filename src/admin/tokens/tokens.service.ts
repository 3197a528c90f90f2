import { Injectable } from '@nestjs/common';
import type { AdminIdentity } from '../../auth/admin-identity';
import { generateToken } from '../../auth/tokens';
import { AppError } from '../../common/app-error';
import { parseOptionalDate } from '../../common/timestamps';
import { type NewTokenFields, type TokenOwner, type TokenRecord, TokensRepository } from './tokens.repository';

/** A token just issued: the stored record and the plaintext, which exists only until the response is sent. */
export interface IssuedToken {
  record: TokenRecord;
  token: string;
}

const OWNER_NAMES: Record<TokenOwner['kind'], string> = { user: 'User', integration: 'Integration' };

/** A new token of `kind`: the fields to store (hash and display prefix, never the plaintext) and the plaintext. */
export function mintToken(
  kind: TokenOwner['kind'],
  expiresAt: string | null | undefined,
): { fields: NewTokenFields; token: string } {
  const secret = generateToken(kind);
  return {
    token: secret.token,
    fields: {
      tokenHash: secret.hash,
      tokenPrefix: secret.displayPrefix,
      expiresAt: parseOptionalDate(expiresAt) ?? null,
    },
  };
}

/** The token rules users and integrations share: issue, list, revoke. */
@Injectable()
export class TokensService {
  constructor(private readonly tokens: TokensRepository) {}

  async issue(owner: TokenOwner, expiresAt: string | null | undefined): Promise<IssuedToken> {
    await this.requireOwner(owner);
    const { fields, token } = mintToken(owner.kind, expiresAt);
    return { record: await this.tokens.create(owner, fields), token };
  }

  async list(owner: TokenOwner): Promise<TokenRecord[]> {
    await this.requireOwner(owner);
    return this.tokens.list(owner);
  }

  /** Idempotent: revoking a revoked token succeeds and keeps the first revocation time. Its links are revoked with it. */
  async revoke(owner: TokenOwner, tokenId: string, actor: AdminIdentity): Promise<void> {
    const revocation = { by: actor, reason: `${owner.kind} token revoked`, at: new Date() };
    if (!(await this.tokens.revoke(owner, tokenId, revocation))) throw AppError.notFound('Token');
  }

  private async requireOwner(owner: TokenOwner): Promise<void> {
    if (!(await this.tokens.ownerExists(owner))) throw AppError.notFound(OWNER_NAMES[owner.kind]);
  }
}
