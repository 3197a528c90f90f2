import { Global, Logger, Module } from '@nestjs/common';
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
      useFactory: async (config: AppConfig) => {
        const source = await resolveAdminToken(config);
        const logger = new Logger('AdminApi');
        // Where the token is, never the token itself.
        if (source.kind === 'file') logger.log(`Admin token: in ${source.path} (set ADMIN_TOKEN to choose your own)`);
        if (source.kind === 'closed') logger.warn('ADMIN_TOKEN is not set: the admin API is closed');
        return source;
      },
    },
  ],
  exports: [CredentialsRepository, CredentialCache, IntegrationAuthGuard, AdminAuthGuard, ADMIN_TOKEN],
})
export class AuthModule {}
