import { Injectable } from '@nestjs/common';
import { ChangeAwareCache } from '../database/change-aware-cache';
import { DatabaseChanges } from '../database/database-changes';
import type { LinkState } from './link-decision';

/** Link states by token hash, so a known token is decided without a query. */
@Injectable()
export class LinkStateCache extends ChangeAwareCache<LinkState> {
  constructor(changes: DatabaseChanges) {
    super({ foundMs: 60_000, missingMs: 10_000 }, changes);
  }
}

/**
 * Media server ids by verification-secret hash, so the asking server is known without a query.
 * Any change to media_servers (a new or removed secret) empties it, like the link states.
 */
@Injectable()
export class MediaServerBySecretCache extends ChangeAwareCache<string> {
  constructor(changes: DatabaseChanges) {
    super({ foundMs: 60_000, missingMs: 10_000 }, changes);
  }
}
