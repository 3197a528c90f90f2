import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { setUpApp } from './app.setup';
import { StartupError } from './common/startup-error';
import { loadConfigOrExit } from './config/app-config';
import { checkPortFree, listenError } from './startup/port';

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
  app.flushLogs();
  await app.listen(config.port, config.host).catch((error: NodeJS.ErrnoException) => Promise.reject(listenError(error, config)));
  new Logger('camlinks').log(`camlinks listening on http://${config.host}:${config.port}${config.swaggerEnabled ? ' (Swagger UI: /api/docs)' : ''}`);
}

bootstrap().catch((error: unknown) => {
  if (!(error instanceof StartupError)) throw error;
  // One line, no stack: what is wrong and the command that fixes it.
  console.error(`camlinks cannot start: ${error.message}`);
  process.exit(1);
});
