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
import { Prisma } from '../generated/prisma/client';

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
 * An export's text: its header line, then its rows' lines in chunks. Reading its first chunk
 * reads the first batch, so that a bad filter or cursor still gets a JSON error, before any CSV.
 */
export type CsvText = AsyncGenerator<string, void, undefined>;

/** The header once the first of `chunks` has been read, then the chunks. */
async function* headed(headers: readonly string[], chunks: CsvText): CsvText {
  try {
    const first = await chunks.next();
    yield headers.map(csvCell).join(',') + '\n';
    if (first.done) return;
    yield first.value;
    yield* chunks;
  } finally {
    // Closed before its first row was sent (a client gone): closes the batches' query loop.
    await chunks.return(undefined);
  }
}

/**
 * A CSV formatted here, ROWS_PER_TURN rows a chunk (the verifications of the instance wait at most
 * for that many rows' formatting): for exports of thousands of rows, as the sessions'.
 */
export function csvRows<T, R>(batches: AsyncGenerator<T[]>, columns: CsvColumns<R>, toRow: (item: T) => R): CsvText {
  const cells = Object.values(columns);
  async function* chunks(): CsvText {
    for await (const batch of batches) {
      for (let start = 0; start < batch.length; start += ROWS_PER_TURN) {
        let chunk = '';
        for (const item of batch.slice(start, start + ROWS_PER_TURN)) chunk += csvLine(toRow(item), cells);
        yield chunk;
      }
    }
  }
  return headed(Object.keys(columns), chunks());
}

/** A CSV's columns formatted by the database: each header with the SQL of its cell over a row `r`. */
export type SqlCsvColumns = Readonly<Record<string, Prisma.Sql>>;

/** How the fields of `r` (the record R's, by name) become cells in SQL. */
export function sqlCells<R>() {
  type Field = keyof R & string;
  return {
    /** Text through csv_cell (csvCell's twin in SQL, its migration says why). */
    text: (field: Field) => Prisma.raw(`csv_cell(r."${field}"::text)`),
    /** A number or an id: nothing to escape. */
    plain: (field: Field) => Prisma.raw(`coalesce(r."${field}"::text, '')`),
    /** A timestamp as the API writes it (toISOString: milliseconds, UTC, `Z`). */
    time: (field: Field) =>
      Prisma.raw(`coalesce(to_char(r."${field}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`),
  };
}

/** A row of `r` as one CSV line, line break included. */
export function csvLineSql(columns: SqlCsvColumns): Prisma.Sql {
  return Prisma.sql`concat_ws(',', ${Prisma.join(Object.values(columns))}) || E'\n'`;
}

/**
 * A CSV formatted by the database, a batch of lines a chunk (the links' export): its instance
 * receives a string a batch, where formatting a million rows here collected garbage every 100 ms
 * in front of its verifications (docs/BENCHMARKS.md).
 */
export function csvLines(columns: SqlCsvColumns, batches: AsyncGenerator<{ text: string }>): CsvText {
  async function* chunks(): CsvText {
    for await (const batch of batches) yield batch.text;
  }
  return headed(Object.keys(columns), chunks());
}

/**
 * After this much work (reading and formatting) an export rests as long as the work took; below
 * it, it gives the event loop a turn. A timer rests at least a millisecond, more than a chunk of
 * rows formatted here takes.
 */
const REST_AFTER_MS = 2;

/**
 * CSV downloads: at most EXPORTS_MAX_CONCURRENT at once per instance (one more gets 429 with
 * Retry-After before any query), streamed with backpressure, flat in memory, giving the event
 * loop back after every chunk and resting as long as the export worked, so that verification on
 * the same instance keeps its pace. A slot is freed when the export ends, fails or its client
 * goes away.
 */
@Injectable()
export class CsvExports {
  private running = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async stream(res: Response, filename: string, text: CsvText): Promise<void> {
    if (this.running >= this.config.exports.maxConcurrent) {
      res.setHeader('Retry-After', EXPORT_RETRY_AFTER_SECONDS);
      throw new HttpException(TOO_MANY_EXPORTS_MESSAGE, HttpStatus.TOO_MANY_REQUESTS);
    }
    this.running++;
    try {
      await streamCsv(res, filename, text);
    } finally {
      this.running--;
      // A client that went away leaves the query loop at its next batch; close it now.
      await text.return(undefined);
    }
  }
}

async function streamCsv(res: Response, filename: string, text: CsvText): Promise<void> {
  const header = await text.next();
  res
    .status(200)
    .set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${filename}"` });
  async function* paced() {
    if (header.done) return;
    yield header.value;
    let busyMs = 0;
    for (;;) {
      const began = performance.now();
      const next = await text.next();
      busyMs += performance.now() - began;
      if (next.done) return;
      yield next.value;
      // An export, however large, takes at most half of the time of its instance and of the
      // database, on few cores the same CPUs as the verifications'.
      if (busyMs < REST_AFTER_MS) {
        await nextTurn();
      } else {
        await sleep(busyMs);
        busyMs = 0;
      }
    }
  }
  await pipeline(Readable.from(paced()), res);
}
