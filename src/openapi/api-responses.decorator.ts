import { ApiConflictResponse, ApiNotFoundResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { AppError, type FieldErrors } from '../common/app-error';
import { ErrorResponseDto, ValidationErrorResponseDto } from '../common/error-response.dto';

/** The one 404 of a resource (its findOrFail), with the message camlinks sends. */
export const ApiNotFound = (what: string, description = `No ${what.toLowerCase()} has this id.`) =>
  ApiNotFoundResponse({ type: ErrorResponseDto, description, example: { message: AppError.notFound(what).message } });

export const ApiConflict = (description: string, message: string) =>
  ApiConflictResponse({ type: ErrorResponseDto, description, example: { message } });

/** A 422 whose example is built the way the server builds its answer: the first message, and how many more. */
export function ApiInvalid(
  errors: FieldErrors,
  description = 'A field is invalid; `errors` names each one by its path.',
) {
  const error = AppError.validation(errors);
  return ApiUnprocessableEntityResponse({
    type: ValidationErrorResponseDto,
    description,
    example: { message: error.message, errors },
  });
}
