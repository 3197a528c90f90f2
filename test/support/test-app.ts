import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { setUpApp } from '../../src/app.setup';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { PGlite } from '@electric-sql/pglite';
import { readFile } from 'node:fs/promises';
import { PGLITE_OPTIONS } from '../../src/database/embedded-database';
import { embeddedDatabase, type OpenDatabase, openDatabase } from '../../src/database/open-database';
import { CHANGES_CHANNEL, DatabaseChanges } from '../../src/database/database-changes';
import { DATABASE_CONNECTION, PrismaService } from '../../src/database/prisma.service';
import { anIntegration } from './builders';
import { QueryCounter } from './counting-factory';
import { type ObservedResponse, OpenApiResponseValidator } from './openapi-validator';
import { cloneTemplate, databaseUrl, dropDatabase, PGLITE_TEMPLATE_ENV } from './test-database';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  prisma: PrismaService;
  config: AppConfig;
  queries: QueryCounter;
  /** The status of the nginx media-auth answer for a GET of `link`, as nginx asks it. */
  mediaAuth(link: URL): Promise<number>;
  /** Resolves once every change committed so far has reached the app's caches (notifications arrive in commit order). */
  changesHeard(): Promise<void>;
  close(): Promise<void>;
}

/** A table no cache reads: its notification only tells a test that the ones before it arrived. */
const MARKER_TABLE = 'camlinks_test_marker';

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
    // Suites count queries of cache hits: an event loop stalled for a second by the machine's load
    // must not turn the caches cold under them. The 1 s default is test/change-listener.postgres-spec.ts's subject.
    CHANGES_HEARTBEAT_TIMEOUT_MS: '5000',
    // A connection that takes over the 1 s default on a loaded CI machine failed a suite at start
    // (test/metrics); the bound itself is the subject of the fault suites, which start their own processes.
    DATABASE_CONNECT_TIMEOUT_MS: '10000',
    // The kicker queries in the background (and would kick what a test just ended): only the
    // suites about it turn it on, so the others' statement counts and session states are theirs.
    KICKER_ENABLED: 'false',
    ...(dbName ? { DATABASE_URL: databaseUrl(dbName) } : { DATA_DIR: 'memory://' }),
    ...env,
  });
  const queries = new QueryCounter();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(DATABASE_CONNECTION)
    .useFactory({
      factory: async () => {
        const connection = dbName ? await openDatabase(config.database) : await openEmbeddedTemplate();
        return { ...connection, factory: queries.wrap(connection.factory), sql: queries.wrapDirect(connection.sql) };
      },
    })
    .compile();
  const app = moduleRef.createNestApplication({ bodyParser: false });
  setUpApp(app, config);
  await app.init();
  const prisma = app.get(PrismaService);
  let markerHeard = () => undefined as void;
  app.get(DatabaseChanges).subscribe({
    tables: [MARKER_TABLE],
    onChange: (table) => table === MARKER_TABLE && markerHeard(),
    onListening: () => undefined,
  });
  return {
    app,
    http: () => checkedAgainstDocument(request(app.getHttpServer())),
    prisma,
    config,
    queries,
    async mediaAuth(link) {
      const res = await checkedAgainstDocument(request(app.getHttpServer()))
        .get('/api/v1/media-auth/nginx')
        .set({ 'X-Original-URI': `${link.pathname}${link.search}`, 'X-Original-Method': 'GET' });
      return res.status;
    },
    async changesHeard() {
      let timer: NodeJS.Timeout | undefined;
      const heard = new Promise<void>((resolve, reject) => {
        markerHeard = resolve;
        timer = setTimeout(() => reject(new Error('The change listener did not hear a notification within 5 s')), 5000);
      });
      await prisma.$executeRaw`SELECT pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify({ table: MARKER_TABLE })})`;
      await heard.finally(() => clearTimeout(timer));
    },
    async close() {
      await app.close();
      if (dbName) await dropDatabase(dbName);
    },
  };
}

/** The app and an integration token for it, as most suites start. */
export async function createTestAppWithIntegration(
  env: NodeJS.ProcessEnv = {},
): Promise<{ t: TestApp; token: string }> {
  const t = await createTestApp(env);
  return { t, token: (await anIntegration(t.prisma)).token };
}

/**
 * An in-memory embedded database loaded from the migrated template of global-setup.ts; it finds
 * no migration pending at start, as the embedded default on existing data does.
 */
async function openEmbeddedTemplate(): Promise<OpenDatabase> {
  const template = process.env[PGLITE_TEMPLATE_ENV];
  if (!template)
    throw new Error(`${PGLITE_TEMPLATE_ENV} is not set: run the e2e tests through jest (test/support/global-setup.ts)`);
  const pglite = new PGlite({ ...PGLITE_OPTIONS, loadDataDir: new Blob([await readFile(template)]) });
  await pglite.waitReady;
  return embeddedDatabase(pglite);
}

let validator: OpenApiResponseValidator | undefined;

type Agent = ReturnType<typeof request>;
type PendingRequest = ReturnType<Agent['get']>;
const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/**
 * Every response a test receives is checked against the committed openapi.json, after the
 * test's own expectations: an undocumented status, header or body shape fails the test with
 * the route, the status and what differs.
 */
export function checkedAgainstDocument(agent: Agent): Agent {
  validator ??= OpenApiResponseValidator.fromCommittedFile();
  const documentValidator = validator;
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const test = (value as (...a: unknown[]) => PendingRequest).apply(target, args);
        const end = test.end.bind(test);
        test.end = (callback) =>
          end((error, res) => {
            const problems =
              error || !res ? [] : documentValidator.check(test.method, new URL(test.url).pathname, observed(res));
            callback?.(
              problems.length ? new Error(`Response differs from openapi.json:\n  ${problems.join('\n  ')}`) : error,
              res,
            );
          });
        return test;
      };
    },
  });
}

function observed(res: request.Response): ObservedResponse {
  const isJson = /^application\/([\w.+-]*\+)?json/i.test(res.headers['content-type'] ?? '');
  const text = typeof res.text === 'string' ? res.text : undefined;
  return {
    status: res.status,
    headers: res.headers as Record<string, string | undefined>,
    // A test's own parser (a streamed CSV) leaves the text in res.body.
    body: isJson
      ? res.body
      : text ||
        (typeof res.body === 'string' ? res.body : Buffer.isBuffer(res.body) ? res.body.toString('utf8') : undefined) ||
        undefined,
  };
}
