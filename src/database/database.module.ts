import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { openDatabase } from './adapter-factory';
import { DATABASE_CONNECTION, PrismaService } from './prisma.service';

@Global()
@Module({
  providers: [
    { provide: DATABASE_CONNECTION, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openDatabase(config.database) },
    PrismaService,
  ],
  exports: [PrismaService, DATABASE_CONNECTION],
})
export class DatabaseModule {}
