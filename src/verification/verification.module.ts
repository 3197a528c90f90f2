import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { ControlApiGate } from './control-api-gate';
import { LinkStateCache, MediaServerBySecretCache } from './link-state-cache';
import { LinkVerifier } from './link-verifier';
import { MediaAuthController } from './media-auth.controller';
import { UsageRecorder } from './usage-recorder';
import { VerificationRepository } from './verification.repository';

@Module({
  imports: [SessionsModule],
  controllers: [MediaAuthController],
  providers: [
    LinkStateCache,
    MediaServerBySecretCache,
    LinkVerifier,
    UsageRecorder,
    VerificationRepository,
    ControlApiGate,
  ],
  exports: [UsageRecorder, VerificationRepository],
})
export class VerificationModule {}
