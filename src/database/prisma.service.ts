import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { PrismaClient } from '../generated/prisma/client';
import type { OpenDatabase } from './adapter-factory';
import { describeTarget } from '../config/database-target';
import { applyMigrations } from './migrations/schema-engine';

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
    if (this.config.database.kind === 'embedded') {
      const applied = await applyMigrations(this.connection.factory);
      if (applied.length) this.logger.log(`Applied migrations: ${applied.join(', ')}`);
    }
    await this.$connect();
    this.logger.log(`Using ${describeTarget(this.config.database)}`);
  }

  /** The last shutdown phase: others flush their writes in beforeApplicationShutdown. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.connection.close();
  }
}
