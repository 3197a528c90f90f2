import { Module } from '@nestjs/common';
import { IssuedLinksRepository } from './issued-links.repository';
import { LinkIssuer } from './link-issuer';
import { LinksAdminController } from './links-admin.controller';
import { LinksAdminService } from './links-admin.service';

/** Issued links: minting them (LinkIssuer, used by the integration API), auditing and revoking them. */
@Module({
  controllers: [LinksAdminController],
  providers: [IssuedLinksRepository, LinkIssuer, LinksAdminService],
  exports: [LinkIssuer, IssuedLinksRepository],
})
export class LinksModule {}
