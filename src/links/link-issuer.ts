import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { generateLinkToken } from '../auth/tokens';
import { HourlyStats } from '../stats/hourly-stats';
import { Metrics } from '../metrics/metrics';
import { IssuedLinkWriter } from './issued-link-writer';
import type { LinkTerms } from './issued-links.repository';
import { buildUrl, type MediaServerUrls } from './url-templates';

export interface LinkRequest extends LinkTerms {
  mediaServer: MediaServerUrls;
}

export interface IssueContext {
  principal: Principal;
  now: Date;
  /** The route that issued the links, for metrics. */
  endpoint: string;
  clientIp?: string;
  userAgent?: string;
}

export interface IssuedLink {
  request: LinkRequest;
  url: string;
  expiresAt: Date;
}

/**
 * Mints one token per link and records every one (hash, never the token) with its TTL and
 * who asked, so links can be verified, revoked and audited. All links of a call are written
 * together or not at all, and committed before their URLs are handed out.
 */
@Injectable()
export class LinkIssuer {
  constructor(
    private readonly writer: IssuedLinkWriter,
    private readonly metrics: Metrics,
    private readonly stats: HourlyStats,
  ) {}

  async issue(requests: LinkRequest[], context: IssueContext): Promise<IssuedLink[]> {
    const { principal, now } = context;
    const minted = requests.map((request) => ({
      request,
      secret: generateLinkToken(now),
      expiresAt: new Date(now.getTime() + request.ttl * 1000),
    }));
    await this.writer.write(
      minted.map(({ request, secret, expiresAt }) => ({
        tokenHash: secret.hash,
        tokenPrefix: secret.displayPrefix,
        cameraUuid: request.cameraUuid,
        streamType: request.streamType,
        streamName: request.streamName,
        kind: request.kind,
        archiveFrom: request.archiveFrom,
        archiveTo: request.archiveTo,
        source: request.source,
        ttl: request.ttl,
        issuedAt: now,
        expiresAt,
        integrationId: principal.integration?.id ?? null,
        integrationTokenId: principal.integration?.tokenId ?? null,
        userId: principal.user?.id ?? null,
        userTokenId: principal.user?.tokenId ?? null,
        cameraGeneration: request.cameraGeneration,
        grantGeneration: request.grantGeneration,
        clientIp: context.clientIp ?? null,
        userAgent: context.userAgent?.slice(0, 512) ?? null,
      })),
    );
    for (const { request } of minted) this.metrics.linkIssued(context.endpoint, request.source, request.kind);
    this.stats.linksIssued(minted.length, now);
    return minted.map(({ request, secret, expiresAt }) => ({
      request,
      expiresAt,
      url: buildUrl(request.mediaServer, request, secret.token),
    }));
  }
}
