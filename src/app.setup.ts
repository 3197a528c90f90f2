import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { json, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AdminAuthGuard } from './auth/admin-auth.guard';
import { requireAdminForDocs } from './auth/admin-docs.middleware';
import { AuthFailureGuard } from './rate-limit/auth-failures';
import type { AppConfig } from './config/app-config';
import { accessLog } from './logging/access-log';
import { NestPinoLogger } from './logging/logger';
import { PINO_LOGGER } from './logging/logging.module';
import { buildOpenApiDocument } from './openapi/openapi';
import { setUpConsole } from './console/console.setup';

/** MediaMTX's authentication body is under 1 KB; the integration and admin APIs take BODY_LIMIT_KB. */
export const MEDIA_AUTH_BODY_LIMIT_KB = 16;

/** What both the server and the tests apply to the app, so tests go through the real stack. */
export function setUpApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(NestPinoLogger));
  // First, so that every answer (a body refused by the parser included) has its id and its line.
  express.use(accessLog(app.get(PINO_LOGGER)));
  express.disable('x-powered-by');
  // Every answer is fresh (links, decisions): hashing bodies for ETags would be wasted work.
  express.set('etag', false);
  // req.ip (rate limits, audit, issued links) comes from X-Forwarded-For only when set by these proxies.
  express.set('trust proxy', config.http.trustProxy);
  // Camlinks is often reached over plain HTTP inside a network: upgrading the docs' requests to HTTPS would break them.
  express.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  if (config.http.corsOrigins.length) {
    express.enableCors({
      origin: config.http.corsOrigins.includes('*') ? '*' : config.http.corsOrigins,
      allowedHeaders: ['Authorization', 'Content-Type', 'X-User-Token', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  }
  // No answer of the API may be kept by a cache or a browser: links, tokens shown once, decisions,
  // and the errors too (before the body parsers, so a 400 or 413 has it as well).
  express.use('/api/v1', (_request: Request, response: Response, next: NextFunction) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Media servers post a few short fields; the parser that runs first reads the body, the other skips it.
  express.use('/api/v1/media-auth', json({ limit: `${MEDIA_AUTH_BODY_LIMIT_KB}kb` }));
  express.useBodyParser('json', { limit: `${config.http.bodyLimitKb}kb` });
  setUpConsole(express);
  app.enableShutdownHooks();
  if (config.swaggerEnabled) {
    if (config.http.swaggerRequireAdmin) {
      const failures = config.rateLimit.disabled ? undefined : app.get(AuthFailureGuard);
      express.use(
        ['/api/docs', '/api/docs-json', '/api/docs-yaml'],
        requireAdminForDocs(app.get(AdminAuthGuard), failures),
      );
    }
    SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  }
}
