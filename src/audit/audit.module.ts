import { Global, Module } from '@nestjs/common';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditInterceptor } from './audit.interceptor';

/** Global so that every admin controller's AuditInterceptor can be built where it is used. */
@Global()
@Module({
  providers: [AuditEventsRepository, AuditInterceptor],
  exports: [AuditEventsRepository, AuditInterceptor],
})
export class AuditModule {}
