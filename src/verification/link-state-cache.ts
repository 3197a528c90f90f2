import { Injectable } from '@nestjs/common';
import { ConfiguredCache } from '../database/change-aware-cache';
import type { LinkState } from './link-decision';
import { LINK_STATE_TABLES, MEDIA_SERVER_SECRET_TABLES } from './verification.repository';

/**
 * Link states by token hash, so a known token is decided without a query. A revocation of a few
 * links names their token hashes (the issued_links trigger), and only those entries go.
 */
@Injectable()
export class LinkStateCache extends ConfiguredCache<LinkState>('linkStates', LINK_STATE_TABLES, 'issued_links') {}

/**
 * Media server ids by verification-secret hash, so the asking server is known without a query.
 * Any change to media_servers (a new or removed secret) empties it, like the link states.
 */
@Injectable()
export class MediaServerBySecretCache extends ConfiguredCache<string>(
  'mediaServersBySecret',
  MEDIA_SERVER_SECRET_TABLES,
) {}
