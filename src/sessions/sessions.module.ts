import { Module } from '@nestjs/common';
import { SessionRecorder } from './session-recorder';
import { ViewingSessionsRepository } from './viewing-sessions.repository';

/** Viewing sessions: who is watching through which link, recorded from allowed verifications. */
@Module({
  providers: [ViewingSessionsRepository, SessionRecorder],
  exports: [ViewingSessionsRepository, SessionRecorder],
})
export class SessionsModule {}
