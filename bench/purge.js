#!/usr/bin/env node
// Runs camlinks' retention job once, the app's own code (dist/retention), on DATABASE_URL with the
// environment's LINK_RETENTION_DAYS: bench/scale.js's purge. Prints {links, …, ms} as JSON.
const { NestFactory } = require('@nestjs/core');
const { AppModule } = require('../dist/app.module');
const { loadConfig } = require('../dist/config/app-config');
const { RetentionService } = require('../dist/retention/retention.service');

(async () => {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(loadConfig(process.env)), {
    logger: false,
  });
  const started = Date.now();
  const result = await app.get(RetentionService).purge(new Date());
  process.stdout.write(JSON.stringify({ ...result, ms: Date.now() - started }));
  await app.close();
})();
