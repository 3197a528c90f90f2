import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { LinkKind } from './link-issuer';

export interface NewIssuedLink {
  tokenHash: string;
  tokenPrefix: string;
  cameraUuid: string;
  streamType: string;
  streamName: string;
  kind: LinkKind;
  archiveFrom: Date | null;
  source: string;
  ttl: number;
  issuedAt: Date;
  expiresAt: Date;
  integrationId: string | null;
  integrationTokenId: string | null;
  userId: string | null;
  userTokenId: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

@Injectable()
export class IssuedLinksRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** One INSERT for all links of a request: a single statement is atomic, so a failure leaves no rows. */
  async insertMany(links: NewIssuedLink[]): Promise<void> {
    await this.prisma.issuedLink.createMany({ data: links });
  }
}
