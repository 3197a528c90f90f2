import type { Request } from 'express';
import type { RequestOrigin } from './camera-links.service';

/** Who asked, as recorded with every issued link. */
export function requestOrigin(request: Request): RequestOrigin {
  return {
    endpoint: (request.route as { path: string }).path,
    clientIp: request.ip,
    userAgent: request.get('user-agent'),
  };
}
