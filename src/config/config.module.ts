import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from './app-config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * The stop of this process as its shutdown hooks share it: the first hook to run (the HTTP
 * drain) begins it; readiness answers 503 from then on, and everything is over by the deadline.
 */
export class Shutdown {
  private startedAt?: number;

  constructor(private readonly timeoutMs: number) {}

  begin(): void {
    this.startedAt ??= Date.now();
  }

  get stopping(): boolean {
    return this.startedAt !== undefined;
  }

  /** Milliseconds left until SHUTDOWN_TIMEOUT_MS after the stop began (begins it if nothing did). */
  remainingMs(): number {
    this.begin();
    return Math.max(0, this.startedAt! + this.timeoutMs - Date.now());
  }
}

/** Makes the configuration parsed at start-up injectable as `@Inject(APP_CONFIG)`, and the shared Shutdown. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ConfigModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Shutdown, useValue: new Shutdown(config.http.shutdownTimeoutMs) },
      ],
      exports: [APP_CONFIG, Shutdown],
    };
  }
}
