import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { AdminAuthGuard, ADMIN_TOKEN } from './admin-auth.guard';
import { resolveAdminToken } from './admin-token';
import { CredentialCache } from './credential-cache';
import { CredentialsRepository } from './credentials.repository';
import { IntegrationAuthGuard } from './integration-auth.guard';

@Global()
@Module({
  providers: [
    CredentialsRepository,
    CredentialCache,
    IntegrationAuthGuard,
    AdminAuthGuard,
    {
      provide: ADMIN_TOKEN,
      inject: [APP_CONFIG],
      // Where the token is (never the token itself) is in the start-up banner (main.ts).
      useFactory: (config: AppConfig) => resolveAdminToken(config),
    },
  ],
  exports: [CredentialsRepository, CredentialCache, IntegrationAuthGuard, AdminAuthGuard, ADMIN_TOKEN],
})
export class AuthModule {}
