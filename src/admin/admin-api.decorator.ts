import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiUnauthorizedResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AdminAuthGuard } from '../auth/admin-auth.guard';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto';

/** What every admin controller shares: the admin token and the documented errors. */
export function AdminApi(): ClassDecorator {
  return applyDecorators(
    UseGuards(AdminAuthGuard),
    ApiBearerAuth('admin'),
    ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Missing or wrong admin token, or the admin API is closed.' }),
    ApiNotFoundResponse({ type: ErrorResponseDto }),
    ApiConflictResponse({ type: ErrorResponseDto }),
    ApiUnprocessableEntityResponse({ type: ValidationErrorResponseDto }),
  ) as ClassDecorator;
}
