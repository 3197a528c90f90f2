import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';

/**
 * Media servers understand only their protocol's answers (nginx treats anything but 2xx, 401
 * and 403 as an error), so a verification over its rate limit is a refusal in that protocol:
 * fail closed, as for any other reason. Retry-After stays on the response.
 */
@Catch(ThrottlerException)
export class ThrottledVerificationFilter implements ExceptionFilter {
  catch(_: ThrottlerException, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    // The matched route's template: the raw path may differ in letter case or end with a slash.
    const status = ((request.route as { path?: string } | undefined)?.path ?? request.path).endsWith('/mediamtx')
      ? 401
      : 403;
    http.getResponse<Response>().status(status).end();
  }
}
