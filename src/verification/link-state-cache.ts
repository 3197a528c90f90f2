import { Injectable } from '@nestjs/common';
import { ConfiguredCache } from '../database/change-aware-cache';
import type { LinkState } from './link-decision';

/** Link states by token hash, so a known token is decided without a query. */
@Injectable()
export class LinkStateCache extends ConfiguredCache<LinkState>('linkStates') {}

/**
 * Media server ids by verification-secret hash, so the asking server is known without a query.
 * Any change to media_servers (a new or removed secret) empties it, like the link states.
 */
@Injectable()
export class MediaServerBySecretCache extends ConfiguredCache<string>('mediaServersBySecret') {}
