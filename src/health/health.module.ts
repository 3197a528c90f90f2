import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { HttpDrain } from './http-drain';

@Module({
  imports: [TerminusModule],
  controllers: [HealthController],
  providers: [HttpDrain],
})
export class HealthModule {}
