import { Module } from '@nestjs/common';
import { IssuedLinksRepository } from './issued-links.repository';
import { LinkIssuer } from './link-issuer';

@Module({
  providers: [IssuedLinksRepository, LinkIssuer],
  exports: [LinkIssuer],
})
export class LinksModule {}
