import { Module } from '@nestjs/common';
import { IssuedLinkWriter } from './issued-link-writer';
import { IssuedLinksRepository } from './issued-links.repository';
import { LinkCountsRepository } from './link-counts.repository';
import { LinkIssuer } from './link-issuer';
import { RevocationRulesRepository } from './revocation-rules.repository';

/**
 * Issued links: minting them (LinkIssuer, used by the integration API), the one repository of
 * their rows, their counts (link_counts, for the console's overview), and the revocation rules
 * that revoke them in bulk (read with them: link-status.ts).
 */
@Module({
  providers: [IssuedLinksRepository, IssuedLinkWriter, LinkCountsRepository, LinkIssuer, RevocationRulesRepository],
  exports: [LinkIssuer, IssuedLinksRepository, LinkCountsRepository, RevocationRulesRepository],
})
export class LinksModule {}
