import { Module } from '@nestjs/common';
import { IssuedLinkWriter } from './issued-link-writer';
import { IssuedLinksRepository } from './issued-links.repository';
import { IssuedUnderEndsRepository } from './issued-under-ends.repository';
import { LinkCountsRepository } from './link-counts.repository';
import { LinkIssuer } from './link-issuer';
import { RevocationRulesRepository } from './revocation-rules.repository';

/**
 * Issued links: minting them (LinkIssuer, used by the integration API), the one repository of
 * their rows, their counts (link_counts, for the console's overview), the revocation rules that
 * revoke them in bulk and the ends of what they were issued under (read with them: link-status.ts).
 */
@Module({
  providers: [
    IssuedLinksRepository,
    IssuedLinkWriter,
    IssuedUnderEndsRepository,
    LinkCountsRepository,
    LinkIssuer,
    RevocationRulesRepository,
  ],
  exports: [
    LinkIssuer,
    IssuedLinksRepository,
    IssuedUnderEndsRepository,
    LinkCountsRepository,
    RevocationRulesRepository,
  ],
})
export class LinksModule {}
