import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AdminModule } from './admin/admin.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CamerasModule } from './cameras/cameras.module';
import { GlobalExceptionFilter } from './common/global-exception.filter';
import { ApiValidationPipe } from './common/validation';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LinksModule } from './links/links.module';
import { VerificationModule } from './verification/verification.module';

export const REQUEST_ID_HEADER = 'x-request-id';

/** Credentials never reach the logs, whichever header or query parameter carries them. */
export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers["x-user-token"]', 'req.headers["x-media-server-secret"]', 'req.headers.cookie'];

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: requestId,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            // Query strings may carry link tokens: log the path only.
            serializers: { req: (req: { id: string; method: string; url: string; headers: object }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0], headers: req.headers }) },
          },
        }),
        DatabaseModule,
        HealthModule,
        AuthModule,
        AuditModule,
        CamerasModule,
        LinksModule,
        VerificationModule,
        AdminModule,
      ],
      providers: [
        { provide: APP_PIPE, useClass: ApiValidationPipe },
        { provide: APP_FILTER, useClass: GlobalExceptionFilter },
      ],
    };
  }
}
