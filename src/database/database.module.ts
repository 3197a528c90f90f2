import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AppliedFlushesRepository } from './applied-flushes';
import { openDatabase } from './open-database';
import { DatabaseChanges } from './database-changes';
import { DATABASE_CONNECTION, PrismaService } from './prisma.service';

@Global()
@Module({
  providers: [
    {
      provide: DATABASE_CONNECTION,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => openDatabase(config.database),
    },
    PrismaService,
    DatabaseChanges,
    AppliedFlushesRepository,
  ],
  exports: [PrismaService, DATABASE_CONNECTION, DatabaseChanges, AppliedFlushesRepository],
})
export class DatabaseModule {}
