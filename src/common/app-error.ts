/** Field path (dotted, like `cameras.0.uuid`) → human-readable messages. */
export type FieldErrors = Record<string, string[]>;

/** Fields a 422 lists at most; its message still counts them all. */
export const MAX_FIELD_ERRORS = 20;

/**
 * Why a credential was refused. It goes to the request's access-log line (`auth_failure`) and
 * never into the answer, which stays the vendor's `{"message":"Unauthenticated."}`: a caller
 * probing tokens learns nothing, an operator reading the log learns what to fix.
 */
export type AuthFailureReason =
  | 'no_credentials'
  | 'malformed'
  | 'wrong_api'
  | 'unknown_token'
  | 'revoked'
  | 'expired'
  | 'admin_api_closed'
  | 'session_ended'
  | 'cross_origin'
  | 'csrf';

export enum ErrorCode {
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Validation = 'validation',
  Unavailable = 'unavailable',
}

/**
 * The one error vocabulary of camlinks: services throw these, and the global exception filter
 * turns them into the vendor's wire format `{message, errors?}`.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldErrors,
    readonly authFailure?: AuthFailureReason,
  ) {
    super(message);
  }

  static unauthenticated(reason: AuthFailureReason): AppError {
    return new AppError(ErrorCode.Unauthenticated, 'Unauthenticated.', undefined, reason);
  }

  /** Authenticated, but the admin's role does not allow this. */
  static forbidden(message: string): AppError {
    return new AppError(ErrorCode.Forbidden, message);
  }

  static notFound(what: string): AppError {
    return new AppError(ErrorCode.NotFound, `${what} not found.`);
  }

  static validation(errors: FieldErrors): AppError {
    const messages = Object.values(errors).flat();
    const more = messages.length - 1;
    const suffix = more > 0 ? ` (and ${more} more error${more > 1 ? 's' : ''})` : '';
    const listed =
      Object.keys(errors).length > MAX_FIELD_ERRORS
        ? Object.fromEntries(Object.entries(errors).slice(0, MAX_FIELD_ERRORS))
        : errors;
    return new AppError(ErrorCode.Validation, `${messages[0] ?? 'The given data was invalid.'}${suffix}`, listed);
  }

  /** One invalid field, phrased like the validation pipe phrases it. */
  static invalidField(path: string, problem: string): AppError {
    return AppError.validation({ [path]: [fieldMessage(path, problem)] });
  }
}

export function fieldMessage(path: string, problem: string): string {
  return `The ${path} field ${problem.replace(/\.$/, '')}.`;
}
