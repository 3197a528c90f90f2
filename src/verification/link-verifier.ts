import { Injectable, Logger } from '@nestjs/common';
import { hashToken, linkTokenDay, tokenKind } from '../auth/tokens';
import { Metrics } from '../metrics/metrics';
import { type Asker, type Decision, decide, type RequestedResource } from './link-decision';
import { LinkStateCache, MediaServerBySecretCache } from './link-state-cache';
import { type SessionClue, SessionRecorder } from '../sessions/session-recorder';
import { UsageRecorder } from './usage-recorder';
import { HourlyStats } from '../stats/hourly-stats';
import { VerificationRepository } from './verification.repository';

/** A verification as its media server asked it; the SessionClue fields place it in a viewing session. */
export interface VerifyRequest extends SessionClue {
  token: string | undefined;
  secret: string | undefined;
  resource: RequestedResource;
  viewerIp: string | undefined;
}

const NO_SECRET: Asker = { presented: false };
/** The cache key of "a media server without a secret": no hash of a secret looks like it. */
const WITHOUT_SECRET = 'without-secret';

/**
 * The hot path: is this token good for this resource, now? A cached token costs no query,
 * an uncached one exactly one. Fails closed: any internal error is a deny.
 */
@Injectable()
export class LinkVerifier {
  private readonly logger = new Logger(LinkVerifier.name);

  constructor(
    private readonly cache: LinkStateCache,
    private readonly serversBySecret: MediaServerBySecretCache,
    private readonly repository: VerificationRepository,
    private readonly usage: UsageRecorder,
    private readonly sessions: SessionRecorder,
    private readonly stats: HourlyStats,
    private readonly metrics: Metrics,
  ) {}

  async verify(request: VerifyRequest): Promise<Decision> {
    const now = new Date();
    const decision = await this.decide(request, now);
    this.metrics.decision(request.resource.protocol, decision.allow ? null : decision.reason);
    this.stats.decision(decision.allow ? null : decision.reason, now);
    return decision;
  }

  /**
   * The secret is decided before the token is read: a caller without a secret the deployment
   * accepts gets one answer whatever token it sends, so it cannot tell real tokens from made-up ones.
   */
  private async decide(request: VerifyRequest, now: Date): Promise<Decision> {
    try {
      const asker = await this.asker(request.secret);
      if (asker.presented && asker.serverId === null) return { allow: false, reason: 'secret_wrong' };
      // Only a media server without a secret (one that trusts its network) is answered without one.
      if (!asker.presented && (await this.serverWithoutSecret()) === null)
        return { allow: false, reason: 'secret_missing' };
      if (!request.token) return { allow: false, reason: 'no_token' };
      // Strings not shaped like a link token are refused without a lookup.
      const token = request.token;
      const hash = tokenKind(token) === 'link' ? hashToken(token) : undefined;
      const state = hash
        ? await this.cache.through(hash, () => this.repository.findLinkState(hash, linkTokenDay(token)))
        : null;
      const decision = decide(state, request.resource, asker, now);
      this.usage.record(decision, request.viewerIp, now);
      // An allowed link has its media server (decide() refuses one without).
      if (decision.allow)
        this.sessions.record(
          decision.link,
          decision.link.mediaServer!.id,
          request.resource.protocol,
          request,
          request.viewerIp,
          now,
        );
      return decision;
    } catch (error) {
      this.logger.error(`Verification failed, refusing: ${(error as Error).message}`);
      return { allow: false, reason: 'error' };
    }
  }

  /** The media server a presented secret belongs to: its hash is looked up (and cached), never compared per link. */
  private async asker(secret: string | undefined): Promise<Asker> {
    if (!secret) return NO_SECRET;
    const hash = hashToken(secret);
    return {
      presented: true,
      serverId: await this.serversBySecret.through(hash, () => this.repository.findMediaServerIdBySecretHash(hash)),
    };
  }

  private serverWithoutSecret(): Promise<string | null> {
    return this.serversBySecret.through(WITHOUT_SECRET, () => this.repository.findMediaServerIdWithoutSecret());
  }
}
