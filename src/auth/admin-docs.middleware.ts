import type { NextFunction, Request, Response } from 'express';
import type { AdminAuthGuard } from './admin-auth.guard';
import { bearerToken } from './integration-auth.guard';

/**
 * SWAGGER_REQUIRE_ADMIN: the API docs for admins only. A browser cannot send a bearer token
 * when opening a page, so HTTP Basic with the admin token as password works too (any user
 * name); the browser asks for it.
 */
export function requireAdminForDocs(guard: AdminAuthGuard) {
  return (request: Request, response: Response, next: NextFunction): void => {
    void guard.authenticate(bearerToken(request) ?? basicPassword(request)).then((admin) => {
      if (admin) return next();
      response.status(401).set('WWW-Authenticate', 'Basic realm="camlinks API docs", charset="UTF-8"').json({ message: 'Unauthenticated.' });
    }, next);
  };
}

function basicPassword(request: Request): string | undefined {
  const encoded = /^Basic\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}
