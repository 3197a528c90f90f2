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
