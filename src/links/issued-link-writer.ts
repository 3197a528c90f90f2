import { Injectable, Logger } from '@nestjs/common';
import { AppError, ErrorCode } from '../common/app-error';
import { IssuedLinksRepository, type NewIssuedLink } from './issued-links.repository';

export const LINKS_NOT_RECORDED_MESSAGE = 'The links could not be recorded. Try again shortly.';

interface Pending {
  links: NewIssuedLink[];
  done: () => void;
  failed: (error: Error) => void;
}

/**
 * Writes the links of every request that reaches it within one event-loop turn as one INSERT
 * (one statement, one transaction, one WAL flush), and answers each request only once that
 * statement has committed. Under load the loop is saturated, so a turn already gathers several
 * requests; a timed window would only add latency (measured: docs/BENCHMARKS.md). A failed
 * statement writes nothing, so each request of the batch fails whole (503) and none partly.
 */
@Injectable()
export class IssuedLinkWriter {
  private readonly logger = new Logger(IssuedLinkWriter.name);
  private queue: Pending[] = [];

  constructor(private readonly links: IssuedLinksRepository) {}

  /** Resolves when `links` are committed; rejects with 503 when their batch failed. */
  write(links: NewIssuedLink[]): Promise<void> {
    if (!links.length) return Promise.resolve();
    return new Promise((done, failed) => {
      // setImmediate runs after the poll phase: every request whose bytes arrived in this turn is queued by then.
      if (!this.queue.length) setImmediate(() => void this.flush());
      this.queue.push({ links, done, failed });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    try {
      await this.links.insertMany(batch.flatMap((pending) => pending.links));
    } catch (error) {
      this.logger.error(`Could not record ${batch.length} request(s)' links: ${(error as Error).message}`);
      const unavailable = new AppError(ErrorCode.Unavailable, LINKS_NOT_RECORDED_MESSAGE);
      for (const pending of batch) pending.failed(unavailable);
      return;
    }
    for (const pending of batch) pending.done();
  }
}
