import {
  type CallHandler,
  type DynamicModule,
  type ExecutionContext,
  Injectable,
  Module,
  type NestInterceptor,
} from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { from, mergeMap, type Observable } from 'rxjs';
import type { AppConfig } from '../config/app-config';
import { AuthFailureGuard, MemoryThrottlerStorage } from './auth-failures';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { matchedRouteGroup, type RouteGroup, TOO_MANY_REQUESTS_MESSAGE, trackerOf } from './route-groups';

const GROUP = Symbol('rateLimitGroup');

/** The throttler asks several times per request; the route is looked at once. */
function groupOf(context: ExecutionContext): RouteGroup | undefined {
  const request = context.switchToHttp().getRequest<{ [GROUP]?: RouteGroup | null }>();
  if (request[GROUP] === undefined) request[GROUP] = matchedRouteGroup(context.switchToHttp().getRequest()) ?? null;
  return request[GROUP] ?? undefined;
}

/**
 * The request budgets, applied after the route's guards: by then an integration or admin
 * credential is verified, and the budget is that credential's (route-groups.ts, trackerOf).
 * Global interceptors run before the controllers' own, so a refused request does no work.
 */
@Injectable()
class RequestBudgetInterceptor implements NestInterceptor {
  constructor(private readonly throttler: ThrottlerGuard) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return from(this.throttler.canActivate(context)).pipe(mergeMap(() => next.handle()));
  }
}

/**
 * @nestjs/throttler with one throttler whose budget, tracker and key depend on the matched
 * route's group, so every response carries the plain `Retry-After` and `X-RateLimit-*` headers;
 * and a budget of failed credentials per address (auth-failures.ts), checked before any guard
 * looks a credential up. Counters live in Redis when REDIS_URL is set (shared by all
 * instances), in memory otherwise. RATE_LIMIT_DISABLED leaves it out.
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
          throttlers: [
            { limit: (context) => budget(context).limit, ttl: (context) => budget(context).windowSeconds * 1000 },
          ],
          skipIf: (context) => groupOf(context) === undefined,
          getTracker: (request, context) => trackerOf(groupOf(context)!, request as Parameters<typeof trackerOf>[1]),
          // One budget per group and caller, whichever route of the group is called.
          generateKey: (context, tracker) => `${groupOf(context)}:${tracker}`,
          errorMessage: TOO_MANY_REQUESTS_MESSAGE,
          storage: config.redisUrl ? new RedisThrottlerStorage(config.redisUrl) : new MemoryThrottlerStorage(),
        }),
      ],
      providers: [
        ThrottlerGuard,
        AuthFailureGuard,
        { provide: APP_GUARD, useExisting: AuthFailureGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestBudgetInterceptor },
      ],
      // For the admin-only API docs, served outside Nest's routing (app.setup.ts).
      exports: [AuthFailureGuard],
    };
  }
}
