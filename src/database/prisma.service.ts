import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { PrismaClient } from '../generated/prisma/client';
import type { OpenDatabase } from './adapter-factory';
import { describeTarget } from '../config/database-target';
import { applyMigrations, pendingMigrations, releaseEngine } from './migrations/schema-engine';

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

  async onModuleInit(): Promise<void> {
    // The embedded database has no operator to run `npm run db:migrate`: it migrates itself.
    // The engine (WebAssembly) is loaded only when there is something to apply, and let go after.
    if (this.config.database.kind === 'embedded' && (await pendingMigrations(await this.appliedMigrations())).length) {
      const applied = await applyMigrations(this.connection.factory);
      releaseEngine();
      if (applied.length) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
    }
    await this.$connect();
    this.logger.log(`Using ${describeTarget(this.config.database)}`);
  }

  /** What _prisma_migrations records as applied; nothing when the database is new (no such table yet). */
  private async appliedMigrations(): Promise<string[]> {
    const rows = await this.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    ).catch(() => []);
    return rows.map((row) => row.migration_name);
  }

  /** The last shutdown phase: others flush their writes in beforeApplicationShutdown. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.connection.close();
  }
}
