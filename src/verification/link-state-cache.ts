import { Injectable } from '@nestjs/common';
import { ConfiguredCache } from '../database/change-aware-cache';
import type { LinkState } from './link-decision';
import { LINK_STATE_TABLES, MEDIA_SERVER_SECRET_TABLES } from './verification.repository';

/**
 * Link states by token hash, so a known token is decided without a query. A revocation of a few
 * links names their token hashes (the issued_links trigger), and only those entries go; a bulk
 * revocation's rule sends its selection, and only the states it covers go.
 */
@Injectable()
export class LinkStateCache extends ConfiguredCache<LinkState>('linkStates', LINK_STATE_TABLES, {
  keyedBy: 'issued_links',
  selectedBy: { table: 'revocation_rules', covers: ruleCovers },
}) {}

/**
 * Whether a revocation rule's selection (as its trigger sends it: prisma/migrations/
 * *_revocation_rules, *_revocation_rule_selectors) may cover a link: RULE_SELECTS_SQL's test,
 * leaning to "covers" (a state dropped needlessly costs one read) where a field is missing or
 * unreadable, and for the token prefix, which a state does not hold.
 */
export function ruleCovers(selection: Readonly<Record<string, unknown>>, state: LinkState): boolean {
  const { issued, source, kind } = state;
  const is = (field: string, value: string | null) =>
    selection[field] === null || selection[field] === undefined || selection[field] === value;
  const time = (field: string) => (typeof selection[field] === 'string' ? Date.parse(selection[field]) : NaN);
  const cutOff = time('cut_off');
  const [from, to] = [time('issued_from'), time('issued_to')];
  const at = issued.at.getTime();
  return (
    is('camera_uuid', issued.cameraUuid) &&
    is('integration_id', issued.integrationId) &&
    is('user_id', issued.userId) &&
    is('source', source) &&
    is('kind', kind) &&
    !(at > cutOff) &&
    !(at < from) &&
    !(at >= to)
  );
}

/**
 * Media server ids by verification-secret hash, so the asking server is known without a query.
 * Any change to media_servers (a new or removed secret) empties it, like the link states.
 */
@Injectable()
export class MediaServerBySecretCache extends ConfiguredCache<string>(
  'mediaServersBySecret',
  MEDIA_SERVER_SECRET_TABLES,
) {}
