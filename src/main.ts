import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { setUpApp } from './app.setup';
import { loadConfigOrExit } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, bodyParser: false });
  setUpApp(app, config);
  await app.listen(config.port, config.host);
  new Logger('camlinks').log(`camlinks listening on http://${config.host}:${config.port}${config.swaggerEnabled ? ' (Swagger UI: /api/docs)' : ''}`);
}

void bootstrap();
