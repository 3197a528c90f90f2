import { applyDecorators, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AuditInterceptor } from '../audit/audit.interceptor';
import { ChangesHereInterceptor } from './changes-here.interceptor';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto';

/** What every admin controller shares: the admin token, the audit trail and the documented errors. */
export function AdminApi(): ClassDecorator {
  return applyDecorators(
    UseGuards(AdminAuthGuard),
    UseInterceptors(AuditInterceptor, ChangesHereInterceptor),
    ApiBearerAuth('admin'),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Missing or wrong admin token, or the admin API is closed.' }),
    ApiNotFoundResponse({ type: ErrorResponseDto }),
    ApiConflictResponse({ type: ErrorResponseDto }),
    ApiUnprocessableEntityResponse({ type: ValidationErrorResponseDto }),
  ) as ClassDecorator;
}
