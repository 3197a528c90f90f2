import { Module } from '@nestjs/common';
import { IssuedLinkWriter } from './issued-link-writer';
import { IssuedLinksRepository } from './issued-links.repository';
import { LinkIssuer } from './link-issuer';

/** Issued links: minting them (LinkIssuer, used by the integration API) and the one repository of their rows. */
@Module({
  providers: [IssuedLinksRepository, IssuedLinkWriter, LinkIssuer],
  exports: [LinkIssuer, IssuedLinksRepository],
})
export class LinksModule {}
