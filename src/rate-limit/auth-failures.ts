import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { matchedRouteGroup, type RouteGroup, TOO_MANY_REQUESTS_MESSAGE } from './route-groups';

/** A throttler storage that can also say, without counting, how long a key stays blocked. */
export interface BlockAwareStorage extends ThrottlerStorage {
  blockedForMs(key: string): Promise<number>;
}

/** @nestjs/throttler's in-memory storage (one instance), able to tell a block without counting. */
export class MemoryThrottlerStorage extends ThrottlerStorageService implements BlockAwareStorage {
  blockedForMs(key: string): Promise<number> {
    const record = this.storage.get(key);
    return Promise.resolve(record?.isBlocked ? Math.max(0, record.blockExpiresAt - Date.now()) : 0);
  }
}

/**
 * Marks a response as a failed credential that its status does not tell: a media server's wrong
 * verification secret is refused like any other link (403, or 401 for MediaMTX).
 */
export function markCredentialFailed(response: Response): void {
  (response.locals as { credentialFailed?: boolean }).credentialFailed = true;
}

/** What counts as a failed or missing credential, by route group. */
function credentialFailed(group: string, response: Response): boolean {
  if ((response.locals as { credentialFailed?: boolean }).credentialFailed) return true;
  // A 401 from verification is a viewer's missing link token: counting it against the media
  // server's address would let viewers lock every other viewer out.
  return group !== 'verify' && response.statusCode === 401;
}

/** How long an instance trusts what it last learnt of an address's block. */
const KNOWN_FOR_MS = 1000;
/** Addresses remembered at most; past it the memory starts afresh (each address asks the storage again). */
const KNOWN_MAX = 10_000;

/**
 * A budget of failed or missing credentials per client address (RATE_LIMIT_AUTH_FAILURES),
 * checked before any credential is looked up: a flood of made-up tokens is refused with 429
 * once the budget is spent, instead of costing a lookup each. Failures are counted when the
 * response finishes, in the same storage as the other budgets (Redis when configured).
 * What the storage says of an address is remembered for a second, so that with Redis an
 * address costs one round trip a second, not one a request; a block this instance counts
 * itself is known at once, one counted elsewhere within that second.
 */
@Injectable()
export class AuthFailureGuard implements CanActivate {
  private readonly known = new Map<string, { checkedUntil: number; blockedUntil: number }>();

  constructor(
    @Inject(ThrottlerStorage) private readonly storage: BlockAwareStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const group = matchedRouteGroup(request);
    if (group) await this.admit(request, http.getResponse<Response>(), group);
    return true;
  }

  /**
   * Refuses (ThrottlerException, with Retry-After set) an address whose budget is spent, and
   * counts this request against it if it ends as a failed credential of `group`. Also for what
   * is served outside Nest's routing (the admin-only API docs).
   */
  async admit(request: Request, response: Response, group: RouteGroup): Promise<void> {
    const key = `auth-failures:address:${request.ip ?? 'unknown'}`;
    const now = Date.now();
    const blockedMs = (await this.blockedUntil(key, now)) - now;
    if (blockedMs > 0) {
      response.setHeader('Retry-After', Math.ceil(blockedMs / 1000));
      throw new ThrottlerException(TOO_MANY_REQUESTS_MESSAGE);
    }
    response.once('finish', () => {
      if (credentialFailed(group, response)) void this.recordFailure(key);
    });
  }

  private async blockedUntil(key: string, now: number): Promise<number> {
    const known = this.known.get(key);
    if (known && now < known.checkedUntil) return known.blockedUntil;
    const blockedUntil = now + (await this.storage.blockedForMs(key));
    this.remember(key, { checkedUntil: now + KNOWN_FOR_MS, blockedUntil });
    return blockedUntil;
  }

  private async recordFailure(key: string): Promise<void> {
    const { limit, windowSeconds } = this.config.rateLimit.budgets.authFailures;
    // The storage never rejects (Redis trouble lets requests through, with a warning).
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(
      key,
      windowSeconds * 1000,
      limit,
      windowSeconds * 1000,
      'auth-failures',
    );
    if (isBlocked) {
      const blockedUntil = Date.now() + timeToBlockExpire * 1000;
      this.remember(key, { checkedUntil: blockedUntil, blockedUntil });
    }
  }

  private remember(key: string, state: { checkedUntil: number; blockedUntil: number }): void {
    if (this.known.size >= KNOWN_MAX) this.known.clear();
    this.known.set(key, state);
  }
}
