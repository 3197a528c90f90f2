import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG, Shutdown } from '../config/config.module';

const IDLE_CHECK_MS = 50;

/**
 * On SIGTERM, before anything else shuts down: readiness answers 503 at once, and for
 * SHUTDOWN_DRAIN_MS the server keeps taking requests (a load balancer sees the 503 and moves
 * away; one that did not yet is still answered) while every answer carries `Connection: close`,
 * so keep-alive clients open their next request elsewhere instead of having it reset. Then it
 * stops taking connections and lets the requests in flight finish, up to SHUTDOWN_TIMEOUT_MS.
 * Nest would close the server only after the beforeApplicationShutdown hooks, so a
 * verification finishing late would count usage after the final flush, and lose it.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  private readonly logger = new Logger(HttpDrain.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly shutdown: Shutdown,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.shutdown.begin();
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    const closeAfterAnswer = (_request: IncomingMessage, response: ServerResponse) =>
      response.setHeader('Connection', 'close');
    server.prependListener('request', closeAfterAnswer);
    await new Promise((resolve) => setTimeout(resolve, this.config.http.shutdownDrainMs));
    const closed = new Promise((resolve) => server.close(resolve));
    // A keep-alive connection turns idle when its last response is sent, and would then hold
    // the close up until it times out (5 s): close idle ones as they appear.
    const idle = setInterval(() => server.closeIdleConnections(), IDLE_CHECK_MS);
    const deadline = setTimeout(() => {
      this.logger.warn(
        `Requests still in flight after ${this.config.http.shutdownTimeoutMs} ms: closing their connections`,
      );
      server.closeAllConnections();
    }, this.shutdown.remainingMs());
    await closed;
    clearInterval(idle);
    clearTimeout(deadline);
    server.removeListener('request', closeAfterAnswer);
  }
}
