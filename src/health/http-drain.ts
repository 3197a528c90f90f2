import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

const IDLE_CHECK_MS = 50;

/**
 * On SIGTERM, stops taking connections and lets the requests in flight finish (up to
 * SHUTDOWN_TIMEOUT_MS) before anything else shuts down. Nest would close the server only after
 * the beforeApplicationShutdown hooks, so a verification finishing late would count usage
 * after the final flush, and lose it.
 */
@Injectable()
export class HttpDrain implements OnModuleDestroy {
  private readonly logger = new Logger(HttpDrain.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    const closed = new Promise((resolve) => server.close(resolve));
    // A keep-alive connection turns idle when its last response is sent, and would then hold
    // the close up until it times out (5 s): close idle ones as they appear.
    const idle = setInterval(() => server.closeIdleConnections(), IDLE_CHECK_MS);
    const deadline = setTimeout(() => {
      this.logger.warn(`Requests still in flight after ${this.config.http.shutdownTimeoutMs} ms: closing their connections`);
      server.closeAllConnections();
    }, this.config.http.shutdownTimeoutMs);
    await closed;
    clearInterval(idle);
    clearTimeout(deadline);
  }
}
