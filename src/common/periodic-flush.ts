import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import type { Shutdown } from '../config/config.module';
import { describeTarget } from '../config/database-target';
import { FlushSpool } from './flush-spool';

/** Between two tries of the last flush while the database does not take it. */
const RETRY_MS = 250;
/** Kept from the stop's deadline for writing the spool file. */
const SPOOL_MARGIN_MS = 300;

interface IdentifiedBatch<Item> {
  batch: Item[];
  id: string;
}

export interface FlushSettings {
  /** Names the spool files and the log lines: `usage`, `hourly-stats`. */
  name: string;
  intervalMs: number;
  config: AppConfig;
  shutdown: Shutdown;
}

/**
 * Counts kept in memory and written every interval (an unref'd timer: it never keeps a process
 * alive). Flushes never overlap: a tick is skipped while one runs, so a stalled database does not
 * pile them up. Every batch is written under an id of its own and a failed one is retried as it
 * was, under that id, before anything counted since: a try whose answer was lost (a timeout, a
 * dropped connection after the commit) is then not counted twice. A batch the database did not
 * take goes to the spool under DATA_DIR (fsynced), added before newer counts; on a stop the last
 * batches are retried until the stop's deadline (SHUTDOWN_TIMEOUT_MS) before they are spooled. A
 * crash (SIGKILL, out of memory) then loses at most one interval of counts, even during an outage;
 * without a DATA_DIR it loses what the outage held too.
 */
export abstract class PeriodicFlush<Item> implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<boolean>;
  /** Batches the database has not taken yet, oldest first (with a spool: only those it could not hold). */
  private held: IdentifiedBatch<Item>[] = [];
  private readonly spool?: FlushSpool<Item>;

  protected constructor(private readonly settings: FlushSettings) {
    this.logger = new Logger(`${new.target.name}`);
    const { spoolDir, database } = settings.config;
    if (spoolDir) this.spool = new FlushSpool(spoolDir, settings.name, describeTarget(database));
  }

  /** Hands over what is pending, in the order it is to be written, and forgets it. */
  protected abstract take(): Item[];
  /** Adds a batch to the database, only if no batch with that id was added before. */
  protected abstract write(batch: Item[], id: string): Promise<void>;

  onModuleInit(): void {
    this.timer = setInterval(() => {
      if (!this.running) void this.flush();
    }, this.settings.intervalMs);
    this.timer.unref();
  }

  /** What a previous stop spooled goes in before anything counted now. */
  onApplicationBootstrap(): void {
    if (this.spool) void this.flush();
  }

  /**
   * Writes the spool, then what is pending (after a flush still running); resolves false if the
   * database did not take it, which is kept for the next flush. Never throws.
   */
  flush(): Promise<boolean> {
    const flushing = (this.running ?? Promise.resolve(true)).then(() => this.writeSpoolThenPending());
    this.running = flushing;
    void flushing.finally(() => {
      if (this.running === flushing) this.running = undefined;
    });
    return flushing;
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    if (this.spool && !(await this.writeSpool()))
      this.logger.warn('Spooled counters from an earlier stop are still not written; kept for the next start');
    this.hold(this.take());
    const batches = this.held;
    this.held = [];
    for (const [n, { batch, id }] of batches.entries()) {
      while (!(await this.tryWithin(batch, id))) {
        const left = this.settings.shutdown.remainingMs() - SPOOL_MARGIN_MS;
        if (left <= RETRY_MS) {
          for (const rest of batches.slice(n)) await this.spoolLast(rest.batch, rest.id);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  /**
   * The spool, then the held batches, then what is pending. With a spool nothing waits in memory
   * for the database: what it does not take is spooled at once, so a crash during or after an
   * outage still loses at most one interval. Without one, nothing newer is taken while a held
   * batch fails, so an outage keeps one batch, not one per interval.
   */
  private async writeSpoolThenPending(): Promise<boolean> {
    if (!this.spool) {
      if (!(await this.writeHeld())) return false;
      this.hold(this.take());
      return this.writeHeld();
    }
    this.hold(this.take());
    if ((await this.writeSpool()) && (await this.writeHeld())) return true;
    await this.spoolHeld();
    return false;
  }

  private hold(batch: Item[]): void {
    if (batch.length) this.held.push({ batch, id: randomUUID() });
  }

  /** Writes the held batches in order; false at the first the database did not take. */
  private async writeHeld(): Promise<boolean> {
    while (this.held.length) {
      const { batch, id } = this.held[0];
      try {
        await this.write(batch, id);
        this.held.shift();
      } catch (error) {
        this.logger.warn(`Could not write ${this.settings.name} counters, will retry: ${(error as Error).message}`);
        return false;
      }
    }
    return true;
  }

  /** Moves the held batches to the spool; one that cannot be spooled stays held, in memory. */
  private async spoolHeld(): Promise<void> {
    while (this.held.length) {
      const { batch, id } = this.held[0];
      try {
        await this.spool!.append(id, batch);
        this.held.shift();
      } catch (error) {
        this.logger.error(
          `Could not spool ${batch.length} ${this.settings.name} counters, kept in memory: ${(error as Error).message}`,
        );
        return;
      }
    }
  }

  /** Adds every spooled entry, oldest first, removing each once added; false at the first failure. */
  private async writeSpool(): Promise<boolean> {
    try {
      for (const entry of await this.spool!.entries()) {
        await this.write(entry.items, entry.id);
        await entry.remove();
        this.logger.log(`Added ${this.settings.name} counters spooled by an earlier stop (${entry.id})`);
      }
      return true;
    } catch (error) {
      this.logger.warn(`Could not add spooled ${this.settings.name} counters, will retry: ${(error as Error).message}`);
      return false;
    }
  }

  /** One try of the last batch, given up (outcome unknown, hence the id) when the stop's deadline nears. */
  private async tryWithin(batch: Item[], id: string): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>(
      (resolve) => (timer = setTimeout(() => resolve(false), this.settings.shutdown.remainingMs() - SPOOL_MARGIN_MS)),
    );
    const written = this.write(batch, id).then(
      () => true,
      (error: Error) => {
        this.logger.warn(
          `Could not write ${this.settings.name} counters on stop, retrying until the deadline: ${error.message}`,
        );
        return false;
      },
    );
    return Promise.race([written, deadline]).finally(() => clearTimeout(timer));
  }

  private async spoolLast(batch: Item[], id: string): Promise<void> {
    if (!this.spool) {
      this.logger.error(
        `Lost ${batch.length} ${this.settings.name} counters: the database did not take them before the deadline, and there is no DATA_DIR to spool them to`,
      );
      return;
    }
    try {
      await this.spool.append(id, batch);
      this.logger.warn(
        `Spooled ${batch.length} ${this.settings.name} counters (${id}): they are added at the next start`,
      );
    } catch (error) {
      this.logger.error(
        `Lost ${batch.length} ${this.settings.name} counters: spooling failed: ${(error as Error).message}`,
      );
    }
  }
}
