import type { BeforeApplicationShutdown, OnModuleInit } from '@nestjs/common';

/**
 * Counts kept in memory and written every interval (an unref'd timer: it never keeps a process
 * alive), and once more on shutdown, so that nothing counted is lost when camlinks stops.
 */
export abstract class PeriodicFlush implements OnModuleInit, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;

  protected constructor(private readonly intervalMs: number) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** Writes what is pending; on failure keeps it for the next flush (never throws). */
  abstract flush(): Promise<void>;
}
