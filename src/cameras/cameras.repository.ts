import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { PrismaService } from '../database/prisma.service';
import type { MediaServerUrls, TemplateKey } from '../links/url-templates';
import type { TimeRange } from './archive-availability';

export interface LinkableCamera {
  uuid: string;
  defaultStreamType: string;
  archiveRetentionDays: number;
  streams: { type: string; name: string }[];
  /** Stored archive ranges, by stream type; empty unless asked for. */
  archiveRanges: (TimeRange & { streamType: string })[];
  mediaServer: MediaServerUrls;
}

/** Camera reads for the integration API. Writes belong to the admin module's repository. */
@Injectable()
export class CamerasRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * The cameras among `uuids` that the principal may link to: not blocked and, for a user,
   * granted by a grant that has not expired. A fixed number of round trips, whatever the
   * number of uuids.
   */
  async findLinkable(principal: Principal, uuids: string[], now: Date, withArchiveRanges: boolean): Promise<LinkableCamera[]> {
    const user = principal.user;
    const cameras = await this.prisma.camera.findMany({
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
        mediaServer: { select: { baseUrl: true, rtspBaseUrl: true, urlTemplates: true } },
        ...(withArchiveRanges && { archiveRanges: { select: { streamType: true, from: true, to: true }, orderBy: { from: 'asc' as const } } }),
      },
    });
    return cameras.map((camera) => ({
      ...camera,
      archiveRanges: 'archiveRanges' in camera ? camera.archiveRanges : [],
      mediaServer: { ...camera.mediaServer, urlTemplates: camera.mediaServer.urlTemplates as Partial<Record<TemplateKey, string>> },
    }));
  }
}
