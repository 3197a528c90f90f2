import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { setUpApp } from './app.setup';
import { ADMIN_TOKEN } from './auth/admin-auth.guard';
import type { AdminTokenSource } from './auth/admin-token';
import { StartupError } from './common/startup-error';
import { type AppConfig, loadConfigOrExit, localUrl } from './config/app-config';
import { describeTarget } from './config/database-target';
import { checkPortFree, listenError } from './startup/port';
import { holdUntilStopped } from './startup/stop-deadline';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  // Before anything is opened or migrated: a port in use is found in milliseconds, not after the migrations.
  await checkPortFree(config);
  // A failed start rejects here and is printed below as one line: not aborted (abortOnError), and
  // the buffered start-up logs are not flushed to Nest's console logger with a stack (autoFlushLogs).
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    autoFlushLogs: false,
    bodyParser: false,
    abortOnError: false,
  });
  setUpApp(app, config);
  holdUntilStopped(config);
  app.flushLogs();
  await app
    .listen(config.port, config.host)
    .catch((error: NodeJS.ErrnoException) => Promise.reject(listenError(error, config)));
  new Logger('camlinks').log(banner(config, app.get<AdminTokenSource>(ADMIN_TOKEN)));
}

/** The first thing a newcomer reads: where camlinks is, where to go next, and where the admin token is (never the token). */
function banner(config: AppConfig, admin: AdminTokenSource): string {
  const url = localUrl(config);
  const token = {
    env: 'from ADMIN_TOKEN',
    file: admin.kind === 'file' && `in ${admin.path} (set ADMIN_TOKEN to choose your own)`,
    closed: 'none: ADMIN_TOKEN is not set: the admin API is closed',
  }[admin.kind];
  return [
    `camlinks is running at ${url}`,
    config.swaggerEnabled ? `  API docs:    ${url}/api/docs` : '  API docs:    off (SWAGGER_ENABLED=false)',
    `  console:     ${url}/admin`,
    `  admin token: ${token}`,
    `  database:    ${describeTarget(config.database)}`,
  ].join('\n');
}

bootstrap().catch((error: unknown) => {
  if (!(error instanceof StartupError)) throw error;
  // One line, no stack: what is wrong and the command that fixes it.
  console.error(`camlinks cannot start: ${error.message}`);
  process.exit(1);
});
