import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { setUpApp } from '../../src/app.setup';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { openDatabase } from '../../src/database/adapter-factory';
import { DATABASE_CONNECTION, PrismaService } from '../../src/database/prisma.service';
import { QueryCounter } from './counting-factory';
import { cloneTemplate, databaseUrl, dropDatabase } from './test-database';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  prisma: PrismaService;
  config: AppConfig;
  queries: QueryCounter;
  close(): Promise<void>;
}

/**
 * The real application (pipes, guards, filter, Swagger) on a fresh database of its own: a
 * clone of the migrated template on PostgreSQL, or an in-memory PGlite that migrates itself,
 * as the embedded default does. TEST_DB (set per Jest project) picks which.
 */
export async function createTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const onPostgres = process.env.TEST_DB !== 'embedded';
  const dbName = onPostgres ? await cloneTemplate() : undefined;
  const config = loadConfig({
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    LOG_LEVEL: 'silent',
    ...(dbName ? { DATABASE_URL: databaseUrl(dbName) } : { DATA_DIR: 'memory://' }),
    ...env,
  });
  const queries = new QueryCounter();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(DATABASE_CONNECTION)
    .useFactory({
      factory: async () => {
        const connection = await openDatabase(config.database);
        return { ...connection, factory: queries.wrap(connection.factory) };
      },
    })
    .compile();
  const app = moduleRef.createNestApplication({ bodyParser: false });
  setUpApp(app, config);
  await app.init();
  return {
    app,
    http: () => request(app.getHttpServer()),
    prisma: app.get(PrismaService),
    config,
    queries,
    async close() {
      await app.close();
      if (dbName) await dropDatabase(dbName);
    },
  };
}
