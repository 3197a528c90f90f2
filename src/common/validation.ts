import { type ArgumentMetadata, Inject, Injectable, type PipeTransform, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { AppError, ErrorCode, type FieldErrors, fieldMessage } from './app-error';
import { inputProblems } from './input-bounds';

const ALLOWS_UNKNOWN_FIELDS = Symbol('allowsUnknownFields');

/**
 * Marks a request DTO whose unknown fields are dropped instead of rejected: the vendor's
 * integration endpoints share bodies with siblings, and clients send their fields to all.
 */
export function AllowUnknownFields(): ClassDecorator {
  return (target) => Reflect.defineMetadata(ALLOWS_UNKNOWN_FIELDS, true, target);
}

/** Flattens class-validator's tree into dotted paths: `cameras.0.uuid`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      // Default messages start with the property name ("uuid must be a UUID"); say the full path instead.
      const messages = Object.entries(error.constraints).map(([constraint, message]) =>
        fieldMessage(
          path,
          constraint === 'whitelistValidation'
            ? 'is not allowed'
            : message.startsWith(`${error.property} `)
              ? message.slice(error.property.length + 1)
              : message,
        ),
      );
      result[path] = [...new Set(messages)];
    }
    Object.assign(result, toFieldErrors(error.children ?? [], path));
  }
  return result;
}

const options = (forbidNonWhitelisted: boolean) =>
  new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted,
    forbidUnknownValues: true,
    exceptionFactory: (errors) => AppError.validation(toFieldErrors(errors)),
  });

/**
 * The global pipe: DTOs are the single source of validation; failures are 422 with field paths.
 * What would make validation itself costly or crash (input-bounds.ts) is refused first.
 */
@Injectable()
export class ApiValidationPipe implements PipeTransform {
  private readonly lenient = options(false);
  private readonly strict = options(true);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new AppError(ErrorCode.Validation, 'The request body must be a JSON object.', {
        body: ['The request body must be a JSON object.'],
      });
    }
    // Whole bodies and query objects; a single query value (nginx's `secret`) is the handler's plain string.
    if ((metadata.type === 'body' || metadata.type === 'query') && metadata.data === undefined) {
      const problems = inputProblems(value, metadata.metatype, this.config);
      if (problems) throw AppError.validation(problems);
    }
    const lenient = metadata.metatype && Reflect.getMetadata(ALLOWS_UNKNOWN_FIELDS, metadata.metatype);
    return (lenient ? this.lenient : this.strict).transform(value, metadata);
  }
}
