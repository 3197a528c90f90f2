import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { matchedRouteGroup, TOO_MANY_REQUESTS_MESSAGE } from './route-groups';

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

/**
 * A budget of failed or missing credentials per client address (RATE_LIMIT_AUTH_FAILURES),
 * checked before any credential is looked up: a flood of made-up tokens is refused with 429
 * once the budget is spent, instead of costing a lookup each. Failures are counted when the
 * response finishes, in the same storage as the other budgets (Redis when configured).
 */
@Injectable()
export class AuthFailureGuard implements CanActivate {
  constructor(
    @Inject(ThrottlerStorage) private readonly storage: BlockAwareStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const group = matchedRouteGroup(request);
    if (!group) return true;
    const response = http.getResponse<Response>();
    const key = `auth-failures:address:${request.ip ?? 'unknown'}`;
    const blockedMs = await this.storage.blockedForMs(key);
    if (blockedMs > 0) {
      response.setHeader('Retry-After', Math.ceil(blockedMs / 1000));
      throw new ThrottlerException(TOO_MANY_REQUESTS_MESSAGE);
    }
    response.once('finish', () => {
      if (!credentialFailed(group, response)) return;
      const { limit, windowSeconds } = this.config.rateLimit.budgets.authFailures;
      // The storage never rejects (Redis trouble lets requests through, with a warning).
      void this.storage.increment(key, windowSeconds * 1000, limit, windowSeconds * 1000, 'auth-failures');
    });
    return true;
  }
}
