import { Injectable } from '@nestjs/common';
import { ChangeAwareCache } from '../database/change-aware-cache';
import { DatabaseChanges } from '../database/database-changes';
import type { Credential } from './credentials.repository';

/** Integration and user tokens by kind and hash: most requests then authenticate without a query. */
@Injectable()
export class CredentialCache extends ChangeAwareCache<Credential> {
  constructor(changes: DatabaseChanges) {
    super({ foundMs: 60_000, missingMs: 10_000 }, changes);
  }
}
