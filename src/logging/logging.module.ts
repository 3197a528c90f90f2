import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { createLogger, NestPinoLogger } from './logger';

export const PINO_LOGGER = Symbol('PINO_LOGGER');

/** The process's pino logger, and Nest's logger written through it (app.setup.ts installs both). */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      providers: [
        { provide: PINO_LOGGER, useFactory: () => createLogger(config) },
        { provide: NestPinoLogger, useFactory: (logger: Logger) => new NestPinoLogger(logger), inject: [PINO_LOGGER] },
      ],
      exports: [PINO_LOGGER, NestPinoLogger],
    };
  }
}
