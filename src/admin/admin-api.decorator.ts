import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { ChangesHereInterceptor } from './changes-here.interceptor';
import { AdminAuthGuard } from '../auth/admin-auth.guard';

/**
 * What every admin controller shares: the admin token and the audit trail. The errors every
 * operation shares (401, 422, 429, …) are added to the document by src/openapi/common-responses.ts.
 */
export function AdminApi(): ClassDecorator {
  return applyDecorators(
    UseGuards(AdminAuthGuard),
    UseInterceptors(AuditInterceptor, ChangesHereInterceptor),
    ApiBearerAuth('admin'),
  ) as ClassDecorator;
}
