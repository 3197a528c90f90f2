import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { ErrorResponseDto } from '../common/error-response.dto';

/**
 * Rows between two turns of the event loop: the verifications of the instance wait at most for
 * this many rows' formatting (a week's export, a million rows, raised their p99 from 6 to 46 ms
 * before it gave turns, issue 22).
 */
export const ROWS_PER_TURN = 100;

/** A cell as the exports write it: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null;

/** A CSV's columns in order, each header with how to read its cell from a row. */
export type CsvColumns<R> = Readonly<Record<string, (row: R) => CsvCell>>;

/** Columns that are a flat row's own fields, under their names. */
export function fieldColumns<R extends Record<K, CsvCell>, K extends keyof R & string>(
  fields: readonly K[],
): CsvColumns<R> {
  return Object.fromEntries(fields.map((field) => [field, (row: R) => row[field]]));
}

/** A spreadsheet runs a cell starting with one of these (or their full-width forms) as a formula. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell as csv-stringify writes it with `escape_formulas` (csv-export.spec.ts holds the two
 * together), at a fraction of its cost: text that others chose (camera names, user agents,
 * reasons) and starts a formula gets a leading ', a cell with a quote, comma or line break is
 * quoted. A number is written as is, even a negative one.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const cell = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(value) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvLine<R>(row: R, cells: readonly ((row: R) => CsvCell)[]): string {
  let line = csvCell(cells[0](row));
  for (let i = 1; i < cells.length; i++) line += ',' + csvCell(cells[i](row));
  return line + '\n';
}

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
 * giving the event loop back every ROWS_PER_TURN rows and resting after each batch so that
 * verification on the same instance keeps its pace. The first batch is read before anything is sent, so a bad filter or cursor
 * still gets a JSON error, before any CSV. A slot is freed when the export ends, fails or its
 * client goes away.
 */
@Injectable()
export class CsvExports {
  private running = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async stream<T, R>(
    res: Response,
    filename: string,
    batches: AsyncGenerator<T[]>,
    columns: CsvColumns<R>,
    toRow: (item: T) => R,
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

async function streamCsv<T, R>(
  res: Response,
  filename: string,
  batches: AsyncGenerator<T[]>,
  columns: CsvColumns<R>,
  toRow: (item: T) => R,
): Promise<void> {
  const first = await batches.next();
  res
    .status(200)
    .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` });
  const cells = Object.values(columns);
  // One chunk of text per turn: a stream step per row cost more than its row's formatting.
  async function* chunks() {
    yield Object.keys(columns).map(csvCell).join(',') + '\n';
    for (let batch = first; !batch.done;) {
      let busyMs = 0;
      for (let start = 0; start < batch.value.length; start += ROWS_PER_TURN) {
        await nextTurn();
        const began = performance.now();
        let chunk = '';
        for (const item of batch.value.slice(start, start + ROWS_PER_TURN)) chunk += csvLine(toRow(item), cells);
        busyMs += performance.now() - began;
        yield chunk;
      }
      const reading = performance.now();
      batch = await batches.next();
      busyMs += performance.now() - reading;
      // As long a rest as the batch's work (its query and its formatting): an export, however
      // large, takes at most half of the time of its instance and of the database, on few cores
      // the same CPUs as the verifications'.
      await sleep(busyMs);
    }
  }
  await pipeline(Readable.from(chunks()), res);
}
