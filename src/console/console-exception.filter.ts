import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { logAuthFailure, toErrorResponse } from '../common/global-exception.filter';
import { setSessionCookie } from './console-auth.guard';

/**
 * The console's errors as pages, not JSON: no session sends the browser to sign in (after a
 * failed sign-in, back to the form with a message); anything else is an error page with the
 * same status and message the API would give.
 */
@Catch()
export class ConsoleExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Console');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = toErrorResponse(exception);
    if (status === HttpStatus.INTERNAL_SERVER_ERROR)
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    logAuthFailure(response, exception);
    if (response.headersSent) return;
    if (status === HttpStatus.UNAUTHORIZED) {
      setSessionCookie(request, response, null);
      // By the matched route: Express also routes /Admin/sign-in/ here.
      const failedSignIn =
        request.method === 'POST' && (request.route as { path?: string } | undefined)?.path === '/admin/sign-in';
      return response.redirect(303, failedSignIn ? '/admin/sign-in?failed=1' : '/admin/sign-in');
    }
    response.status(status).render('error', {
      title: `Error ${status}`,
      status,
      message: body.message,
      errors: Object.values(body.errors ?? {}).flat(),
    });
  }
}
