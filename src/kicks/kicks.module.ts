import { Module } from '@nestjs/common';
import { SessionsModule } from '../sessions/sessions.module';
import { VerificationModule } from '../verification/verification.module';
import { SessionKicker } from './session-kicker';

/** Ending the viewing sessions of refused and expired links, on their media servers too. */
@Module({
  imports: [SessionsModule, VerificationModule],
  providers: [SessionKicker],
  exports: [SessionKicker],
})
export class KicksModule {}
