import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { fromPrismaError } from './prisma-errors';
import { attachToLog } from '../logging/access-log';
import { AppError, ErrorCode } from './app-error';

const STATUS: Record<ErrorCode, number> = {
  [ErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ErrorCode.Validation]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorCode.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * Every error leaves camlinks here, as the vendor's `{message, errors?}`. Unknown errors are
 * logged with their stack and answered with a generic 500: no SQL, stack or secret goes out.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorResponse(exception);
    if (status === HttpStatus.INTERNAL_SERVER_ERROR)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    logAuthFailure(response, exception);
    if (response.headersSent) return;
    response.status(status).json(body);
  }
}

/** Why a credential was refused, in the request's log line (the answer says only "Unauthenticated."). */
export function logAuthFailure(response: Response, exception: unknown): void {
  if (exception instanceof AppError && exception.authFailure)
    attachToLog(response, { auth_failure: exception.authFailure });
}

/** The status and body an error is answered with; also what the audit trail records as outcome. */
export function toErrorResponse(exception: unknown): {
  status: number;
  body: { message: string; errors?: Record<string, string[]> };
} {
  const appError = exception instanceof AppError ? exception : fromPrismaError(exception);
  if (appError) {
    return {
      status: STATUS[appError.code],
      body: { message: appError.message, ...(appError.errors && { errors: appError.errors }) },
    };
  }
  if (exception instanceof HttpException) {
    // An unparsable body is bad input like any other: the vendor's 422, naming the body.
    if (isUnparsableJson(exception))
      return {
        status: HttpStatus.UNPROCESSABLE_ENTITY,
        body: { message: INVALID_JSON, errors: { body: [INVALID_JSON] } },
      };
    // Framework errors: unknown route (404), body too large (413).
    const status = exception.getStatus();
    if (status < 500) return { status, body: { message: clientMessage(exception) } };
    // Terminus reports an unhealthy dependency as 503 with the check results: they are the answer.
    if (status === HttpStatus.SERVICE_UNAVAILABLE)
      return { status, body: exception.getResponse() as { message: string } };
  }
  return { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { message: 'Server Error' } };
}

const INVALID_JSON = 'The request body is not valid JSON.';

function isUnparsableJson(exception: HttpException): boolean {
  return (
    exception.getStatus() === HttpStatus.BAD_REQUEST &&
    (exception.cause as { type?: string } | undefined)?.type === 'entity.parse.failed'
  );
}

function clientMessage(exception: HttpException): string {
  const body = exception.getResponse();
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
  return typeof message === 'string' ? message : exception.message;
}
