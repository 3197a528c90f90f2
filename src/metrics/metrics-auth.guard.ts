import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { hashToken } from '../auth/tokens';
import { bearerToken } from '../auth/integration-auth.guard';
import { AppError } from '../common/app-error';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** With METRICS_TOKEN set, /metrics asks for `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time); unset, it is open. */
@Injectable()
export class MetricsAuthGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.metricsToken ? Buffer.from(hashToken(config.metricsToken)) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const presented = bearerToken(context.switchToHttp().getRequest<Request>());
    if (!presented) throw AppError.unauthenticated('no_credentials');
    if (!timingSafeEqual(Buffer.from(hashToken(presented)), this.expected))
      throw AppError.unauthenticated('unknown_token');
    return true;
  }
}
