import { Inject, Injectable } from '@nestjs/common';
import type { NamedStatement, OpenDatabase } from '../database/adapter-factory';
import { tablesReadBy } from '../database/database-changes';
import { DATABASE_CONNECTION, PrismaService } from '../database/prisma.service';
import type { AdminIdentity } from './admin-identity';

/** An unrevoked integration or user token; whether it has expired is the caller's to judge. */
export interface Credential {
  id: string;
  ownerId: string;
  expiresAt: Date | null;
}

export const FIND_INTEGRATION_TOKEN: NamedStatement = {
  name: 'camlinks_find_integration_token',
  text: 'SELECT id, integration_id AS "ownerId", expires_at AS "expiresAt" FROM integration_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
};
export const FIND_USER_TOKEN: NamedStatement = {
  name: 'camlinks_find_user_token',
  text: 'SELECT id, user_id AS "ownerId", expires_at AS "expiresAt" FROM user_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
};

/** What integration and user credentials are read from: their cache hears changes of these tables. */
export const CREDENTIAL_TABLES = [...new Set([...tablesReadBy(FIND_INTEGRATION_TOKEN.text), ...tablesReadBy(FIND_USER_TOKEN.text)])];

/**
 * Looks up integration, user and admin tokens by hash. The integration and user lookups run on
 * every link request (through CredentialCache): named statements on the driver, like the other
 * cached reads, so test/cache-dependencies.postgres-spec.ts checks what they read.
 */
@Injectable()
export class CredentialsRepository {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(DATABASE_CONNECTION) private readonly db: OpenDatabase,
  ) {}

  async findIntegrationToken(hash: string): Promise<Credential | null> {
    return (await this.db.sql.query<Credential>(FIND_INTEGRATION_TOKEN, [hash]))[0] ?? null;
  }

  async findUserToken(hash: string): Promise<Credential | null> {
    return (await this.db.sql.query<Credential>(FIND_USER_TOKEN, [hash]))[0] ?? null;
  }

  /** The named admin whose unrevoked token this is. */
  findAdminToken(hash: string): Promise<AdminIdentity | null> {
    return this.prisma.admin.findFirst({ where: { tokenHash: hash, revokedAt: null }, select: { id: true, name: true } });
  }
}
