import { Module } from '@nestjs/common';
import { ViewingSessionsRepository } from './viewing-sessions.repository';

/** Viewing sessions: who is watching through which link, recorded from allowed verifications. */
@Module({
  providers: [ViewingSessionsRepository],
  exports: [ViewingSessionsRepository],
})
export class SessionsModule {}
