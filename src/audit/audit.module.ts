import { Global, type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { AdminAuthFailuresMiddleware } from './admin-auth-failures.middleware';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditInterceptor } from './audit.interceptor';

/** Global so that every admin controller's AuditInterceptor can be built where it is used. */
@Global()
@Module({
  providers: [AuditEventsRepository, AuditInterceptor],
  exports: [AuditEventsRepository, AuditInterceptor],
})
export class AuditModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AdminAuthFailuresMiddleware).forRoutes({ path: 'api/v1/admin/{*splat}', method: RequestMethod.ALL });
  }
}
