import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { PrismaService } from '../database/prisma.service';
import type { MediaServerUrls } from '../links/url-templates';

export interface LinkableCamera {
  uuid: string;
  defaultStreamType: string;
  archiveRetentionDays: number;
  streams: { type: string; name: string }[];
  mediaServer: MediaServerUrls;
}

/** Camera reads for the integration API. Writes belong to the admin module's repository. */
@Injectable()
export class CamerasRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The cameras among `uuids` that the principal may link to: not blocked and, for a user,
   * granted by a grant that has not expired. One round trip set, whatever the number of uuids.
   */
  findLinkable(principal: Principal, uuids: string[], now: Date): Promise<LinkableCamera[]> {
    const user = principal.user;
    return this.prisma.camera.findMany({
      where: {
        uuid: { in: uuids },
        blocked: false,
        ...(user && { grants: { some: { userId: user.id, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } }),
      },
      select: {
        uuid: true,
        defaultStreamType: true,
        archiveRetentionDays: true,
        streams: { select: { type: true, name: true } },
        mediaServer: { select: { baseUrl: true, livePreviewTemplate: true, archivePreviewTemplate: true } },
      },
    });
  }
}
