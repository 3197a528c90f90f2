import { Inject, Injectable } from '@nestjs/common';
import type { NamedStatement } from '../database/direct-sql';
import type { OpenDatabase } from '../database/open-database';
import { tablesReadBy } from '../database/database-changes';
import { DATABASE_CONNECTION, PrismaService } from '../database/prisma.service';
import type { AdminIdentity } from './admin-identity';

/** An integration or user token; whether it still counts (revoked, expired) is the caller's to judge. */
export interface Credential {
  id: string;
  ownerId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export const FIND_INTEGRATION_TOKEN: NamedStatement = {
  name: 'camlinks_find_integration_token',
  text: 'SELECT id, integration_id AS "ownerId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM integration_tokens WHERE token_hash = $1',
};
export const FIND_USER_TOKEN: NamedStatement = {
  name: 'camlinks_find_user_token',
  text: 'SELECT id, user_id AS "ownerId", expires_at AS "expiresAt", revoked_at AS "revokedAt" FROM user_tokens WHERE token_hash = $1',
};

/** What integration and user credentials are read from: their cache hears changes of these tables. */
export const CREDENTIAL_TABLES = [
  ...new Set([...tablesReadBy(FIND_INTEGRATION_TOKEN.text), ...tablesReadBy(FIND_USER_TOKEN.text)]),
];

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

  /** The named admin whose token this is, revoked or not (the guard tells the two apart in its log). */
  findAdminToken(hash: string): Promise<(AdminIdentity & { revokedAt: Date | null }) | null> {
    return this.prisma.admin.findUnique({
      where: { tokenHash: hash },
      select: { id: true, name: true, role: true, revokedAt: true },
    });
  }
}
