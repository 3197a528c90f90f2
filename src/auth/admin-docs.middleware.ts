import type { NextFunction, Request, Response } from 'express';
import { ThrottlerException } from '@nestjs/throttler';
import type { AuthFailureGuard } from '../rate-limit/auth-failures';
import { TOO_MANY_REQUESTS_MESSAGE } from '../rate-limit/route-groups';
import type { AdminAuthGuard } from './admin-auth.guard';
import { bearerToken } from './integration-auth.guard';

/**
 * SWAGGER_REQUIRE_ADMIN: the API docs for admins only. A browser cannot send a bearer token
 * when opening a page, so HTTP Basic with the admin token as password works too (any user
 * name); the browser asks for it. Wrong tokens draw from the same per-address budget as on the
 * admin API (`failures`; absent with RATE_LIMIT_DISABLED), so the docs are no way around it; a
 * request that presents none is not a try, and is not counted.
 */
export function requireAdminForDocs(guard: AdminAuthGuard, failures: AuthFailureGuard | undefined) {
  const check = async (request: Request, response: Response): Promise<boolean> => {
    const presented = bearerToken(request) ?? basicPassword(request);
    // A browser's first request carries nothing, then the token it prompts for: only tries count.
    if (presented === undefined) return false;
    await failures?.admit(request, response, 'admin');
    return (await guard.authenticate(presented)) !== undefined;
  };
  return (request: Request, response: Response, next: NextFunction): void => {
    // The document names what the admin token can do: no shared cache keeps it, nor the refusals.
    response.setHeader('Cache-Control', 'no-store');
    check(request, response).then(
      (admitted) => {
        if (admitted) return next();
        response
          .status(401)
          .set('WWW-Authenticate', 'Basic realm="camlinks API docs", charset="UTF-8"')
          .json({ message: 'Unauthenticated.' });
      },
      (error: unknown) => {
        if (!(error instanceof ThrottlerException)) return next(error);
        response.status(429).json({ message: TOO_MANY_REQUESTS_MESSAGE });
      },
    );
  };
}

function basicPassword(request: Request): string | undefined {
  const encoded = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}
