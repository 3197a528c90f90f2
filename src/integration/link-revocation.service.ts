import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { hashToken } from '../auth/tokens';
import { DatabaseChanges } from '../database/database-changes';
import { IssuedLinksRepository, type LinkOwner, type OwnRevocation } from '../links/issued-links.repository';
import { linkTokenOf } from '../links/link-references';
import type { OwnLinksRevokedDto, RevokeOwnLinksDto } from './link-revocation.dto';

/** Where the request came from, for its audit event. */
export interface RevocationRequest {
  action: string;
  requestId: string | null;
  clientIp: string | null;
}

/**
 * POST /links/revoke: an integration or user takes back links it issued (a user signed out, a
 * ticket closed). The same revocation as an admin's, by the same repository and notification,
 * narrowed to the caller's own links.
 */
@Injectable()
export class LinkRevocationService {
  constructor(
    private readonly links: IssuedLinksRepository,
    private readonly changes: DatabaseChanges,
  ) {}

  async revoke(principal: Principal, body: RevokeOwnLinksDto, request: RevocationRequest): Promise<OwnLinksRevokedDto> {
    const references = [...new Set(body.links)];
    const hashes = new Map(references.map((reference) => [reference, hashOf(linkTokenOf(reference))]));
    const reason = body.reason ?? null;
    // Every accepted request is audited, one that named no link of the caller's included.
    const outcome = await this.links.revokeOwn({
      owner: ownerOf(principal),
      tokenHashes: [...new Set([...hashes.values()].filter((hash) => hash !== undefined))],
      reason,
      at: new Date(),
      auditEvent: ({ revoked, alreadyRevoked, actorType, actor, actorId }) => {
        const notFound = classify(hashes, { revoked, alreadyRevoked }).not_found.length;
        return {
          actorType,
          actor,
          actorId,
          action: request.action,
          objectType: 'links',
          objectId: null,
          outcome: 'success',
          statusCode: 200,
          requestId: request.requestId,
          clientIp: request.clientIp,
          // Ids and a count, never what was sent: a link's token opens it.
          details: {
            reason,
            revoked: [...revoked.values()],
            already_revoked: [...alreadyRevoked.values()],
            not_found: notFound,
            ...(principal.integration && principal.user && { for_user_id: principal.user.id }),
          },
        };
      },
    });
    // This instance's caches forget at once; the others hear the notification.
    if (outcome.revoked.size) this.changes.changedHere({ table: 'issued_links', keys: [...outcome.revoked.keys()] });
    return classify(hashes, outcome);
  }
}

const hashOf = (token: string | undefined) => token && hashToken(token);

/** Each reference, as sent, in the one list its link's fate puts it in. */
function classify(hashes: Map<string, string | undefined>, outcome: OwnRevocation): OwnLinksRevokedDto {
  const answer: OwnLinksRevokedDto = { revoked: [], already_revoked: [], not_found: [] };
  for (const [reference, hash] of hashes) {
    const list =
      hash && outcome.revoked.has(hash)
        ? answer.revoked
        : hash && outcome.alreadyRevoked.has(hash)
          ? answer.already_revoked
          : answer.not_found;
    list.push(reference);
  }
  return answer;
}

/** An integration's own links (only its user's, when acting for one), or a user's own. */
function ownerOf(principal: Principal): LinkOwner {
  if (principal.integration)
    return { integrationId: principal.integration.id, ...(principal.user && { userId: principal.user.id }) };
  return { userId: principal.user!.id };
}
