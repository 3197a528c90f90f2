import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { PrismaClient } from '../generated/prisma/client';
import type { OpenDatabase } from './open-database';
import { StartupError } from '../common/startup-error';
import { appliedMigrations, existingTables, migrationMismatch, tablesOf, unreachable } from './migration-check';
import { applyMigrations, pendingMigrations, readMigrations, releaseEngine } from './migrations/schema-engine';

export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

/** The one Prisma client of the process. Only repositories use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(PrismaService.name);

  constructor(
    @Inject(DATABASE_CONNECTION) private readonly connection: OpenDatabase,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super({ adapter: connection.factory });
  }

  /** The code's migrations and the tables they create (read once: they do not change under a running process). */
  private expected: Promise<{ migrations: string[]; tables: string[] }> | undefined;

  async onModuleInit(): Promise<void> {
    const applied = await appliedMigrations(this.connection.sql).catch((error: Error) =>
      Promise.reject(unreachable(error, this.config.database)),
    );
    // The embedded database has no operator to run `npm run db:migrate`: it migrates itself.
    // The engine (WebAssembly) is loaded only when there is something to apply, and let go after.
    if (this.config.database.kind === 'embedded' && (await pendingMigrations(applied)).length) {
      const done = await applyMigrations(this.connection.factory);
      releaseEngine();
      if (done.length) this.logger.log(`Applied migrations: ${done.join(', ')}`);
    }
    // Serving on a database without the code's tables (or with a newer camlinks' ones) answers 500s: refuse to start.
    const problem = await this.migrationProblem();
    if (problem) throw new StartupError(problem);
    await this.$connect();
  }

  /** Why the database's migrations are not exactly the code's, or undefined; also the readiness probe's check. */
  async migrationProblem(): Promise<string | undefined> {
    this.expected ??= readMigrations().then(({ migrationDirectories }) => ({
      migrations: migrationDirectories.map((migration) => migration.path),
      tables: tablesOf(
        migrationDirectories.map(({ migrationFile }) =>
          migrationFile.content.tag === 'ok' ? migrationFile.content.value : '',
        ),
      ),
    }));
    const { migrations, tables } = await this.expected;
    const [applied, existing] = await Promise.all([
      appliedMigrations(this.connection.sql),
      existingTables(this.connection.sql),
    ]);
    const missingTables = tables.filter((table) => !existing.includes(table));
    return migrationMismatch(applied, migrations, missingTables, this.config.database);
  }

  /** The last shutdown phase: others flush their writes in beforeApplicationShutdown. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.connection.close();
  }
}
