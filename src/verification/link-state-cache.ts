import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { cacheBytes, ChangeAwareCache } from '../database/change-aware-cache';
import { DatabaseChanges } from '../database/database-changes';
import type { LinkState } from './link-decision';

/** Link states by token hash, so a known token is decided without a query. */
@Injectable()
export class LinkStateCache extends ChangeAwareCache<LinkState> {
  constructor(changes: DatabaseChanges, @Inject(APP_CONFIG) config: AppConfig) {
    super({ foundMs: 60_000, missingMs: 10_000, maxBytes: cacheBytes(config, 'linkStates') }, changes);
  }
}

/**
 * Media server ids by verification-secret hash, so the asking server is known without a query.
 * Any change to media_servers (a new or removed secret) empties it, like the link states.
 */
@Injectable()
export class MediaServerBySecretCache extends ChangeAwareCache<string> {
  constructor(changes: DatabaseChanges, @Inject(APP_CONFIG) config: AppConfig) {
    super({ foundMs: 60_000, missingMs: 10_000, maxBytes: cacheBytes(config, 'mediaServersBySecret') }, changes);
  }
}
