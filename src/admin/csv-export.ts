import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ErrorResponseDto } from '../common/error-response.dto';

/**
 * Rows between two turns of the event loop. Turning every row into CSV, then the next batch's
 * mapping, runs without a pause otherwise: a week's export (a million rows) raised the
 * verification p99 of its instance from 6 to 46 ms (issue 22).
 */
export const ROWS_PER_TURN = 100;

/** Seconds a refused export is told to wait: an export runs for seconds to minutes, so a few seconds is a fair first retry. */
export const EXPORT_RETRY_AFTER_SECONDS = 5;

export const TOO_MANY_EXPORTS_MESSAGE = 'Too many exports are running on this instance; try again shortly.';

/** An export's 429: the instance's exports (its own answer), or the admin rate limits every admin route has. */
export const ApiExportLimit = () =>
  ApiTooManyRequestsResponse({
    type: ErrorResponseDto,
    description:
      'EXPORTS_MAX_CONCURRENT exports are already streaming on this instance; or over the rate limit of this token ' +
      '(RATE_LIMIT_ADMIN), or of failed credentials from this address (RATE_LIMIT_AUTH_FAILURES).',
    example: { message: TOO_MANY_EXPORTS_MESSAGE },
    headers: {
      'Retry-After': {
        required: true,
        description: 'Seconds to wait before trying again.',
        schema: { type: 'integer', minimum: 1 },
      },
    },
  });

/**
 * CSV downloads: at most EXPORTS_MAX_CONCURRENT at once per instance (one more gets 429 with
 * Retry-After before any query), each streamed batch by batch with backpressure, flat in memory,
 * giving the event loop back every ROWS_PER_TURN rows so that verification on the same instance
 * keeps its pace. The first batch is read before anything is sent, so a bad filter or cursor
 * still gets a JSON error, before any CSV. A slot is freed when the export ends, fails or its
 * client goes away.
 */
@Injectable()
export class CsvExports {
  private running = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async stream<T>(
    res: Response,
    filename: string,
    batches: AsyncGenerator<T[]>,
    columns: readonly string[],
    toRow: (item: T) => object,
  ): Promise<void> {
    if (this.running >= this.config.exports.maxConcurrent) {
      res.setHeader('Retry-After', EXPORT_RETRY_AFTER_SECONDS);
      throw new HttpException(TOO_MANY_EXPORTS_MESSAGE, HttpStatus.TOO_MANY_REQUESTS);
    }
    this.running++;
    try {
      await streamCsv(res, filename, batches, columns, toRow);
    } finally {
      this.running--;
      // A client that went away leaves the query loop at its next batch; close it now.
      await batches.return(undefined);
    }
  }
}

async function streamCsv<T>(
  res: Response,
  filename: string,
  batches: AsyncGenerator<T[]>,
  columns: readonly string[],
  toRow: (item: T) => object,
): Promise<void> {
  const first = await batches.next();
  res
    .status(200)
    .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` });
  async function* rows() {
    for (let batch = first; !batch.done; batch = await batches.next()) {
      for (let i = 0; i < batch.value.length; i++) {
        if (i > 0 && i % ROWS_PER_TURN === 0) await nextTurn();
        yield toRow(batch.value[i]);
      }
      await nextTurn();
    }
  }
  // Cells carry text others chose (camera names, user agents, reasons): one starting with
  // = + - @ tab or CR would run as a spreadsheet formula, so it gets a leading '.
  await pipeline(Readable.from(rows()), stringify({ header: true, columns: [...columns], escape_formulas: true }), res);
}
