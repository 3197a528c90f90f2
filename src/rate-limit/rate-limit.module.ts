import { type DynamicModule, type ExecutionContext, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import type { AppConfig } from '../config/app-config';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { type RouteGroup, routeGroupOf, trackerOf } from './route-groups';

/** The vendor's words (Laravel's) for a 429, in its `{message}` shape via the global filter. */
export const TOO_MANY_REQUESTS_MESSAGE = 'Too Many Attempts.';

const GROUP = Symbol('rateLimitGroup');
type GroupedRequest = Request & { [GROUP]?: RouteGroup | null };

/** The throttler asks several times per request; the path is looked at once. */
function groupOf(context: ExecutionContext): RouteGroup | undefined {
  const request = context.switchToHttp().getRequest<GroupedRequest>();
  if (request[GROUP] === undefined) request[GROUP] = routeGroupOf(request.path) ?? null;
  return request[GROUP] ?? undefined;
}

/**
 * @nestjs/throttler as a global guard, before any credential is looked up: one throttler
 * whose budget, tracker and key depend on the route group, so every response carries the
 * plain `Retry-After` and `X-RateLimit-*` headers. Counters live in Redis when REDIS_URL is
 * set (shared by all instances), in memory otherwise. RATE_LIMIT_DISABLED leaves it out.
 */
@Module({})
export class RateLimitModule {
  static forRoot(config: AppConfig): DynamicModule {
    if (config.rateLimit.disabled) return { module: RateLimitModule };
    const budget = (context: ExecutionContext) => config.rateLimit.budgets[groupOf(context)!];
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ limit: (context) => budget(context).limit, ttl: (context) => budget(context).windowSeconds * 1000 }],
          skipIf: (context) => groupOf(context) === undefined,
          getTracker: (request, context) => trackerOf(groupOf(context)!, request as Request),
          // One budget per group and caller, whichever route of the group is called.
          generateKey: (context, tracker) => `${groupOf(context)}:${tracker}`,
          errorMessage: TOO_MANY_REQUESTS_MESSAGE,
          storage: config.redisUrl ? new RedisThrottlerStorage(config.redisUrl) : undefined,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
