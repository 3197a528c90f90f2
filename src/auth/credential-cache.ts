import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { cacheBytes, ChangeAwareCache } from '../database/change-aware-cache';
import { DatabaseChanges } from '../database/database-changes';
import type { Credential } from './credentials.repository';

/** Integration and user tokens by kind and hash: most requests then authenticate without a query. */
@Injectable()
export class CredentialCache extends ChangeAwareCache<Credential> {
  constructor(changes: DatabaseChanges, @Inject(APP_CONFIG) config: AppConfig) {
    super({ foundMs: 60_000, missingMs: 10_000, maxBytes: cacheBytes(config, 'credentials') }, changes);
  }
}
