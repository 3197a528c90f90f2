import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Rows as a CSV download, batch by batch with backpressure: an export of a month of rows stays
 * flat in memory. The first batch is read before anything is sent, so a bad filter or cursor
 * still gets a JSON error, before any CSV.
 */
export async function streamCsv<T>(
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
      for (const item of batch.value) yield toRow(item);
    }
  }
  // Cells carry text others chose (camera names, user agents, reasons): one starting with
  // = + - @ tab or CR would run as a spreadsheet formula, so it gets a leading '.
  await pipeline(Readable.from(rows()), stringify({ header: true, columns: [...columns], escape_formulas: true }), res);
}
