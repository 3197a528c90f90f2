import type { Response } from 'express';
import { Writable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { CsvExports, ROWS_PER_TURN } from './csv-export';

/** A response that takes every chunk at once: nothing but the export itself can give the loop a turn. */
function instantResponse(): Response & { text: string } {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      sink.text += chunk.toString();
      done();
    },
  }) as Writable & { text: string };
  sink.text = '';
  return Object.assign(sink, { status: () => sink, set: () => sink }) as unknown as Response & { text: string };
}

async function* batchesOf(rows: number, size: number) {
  for (let start = 0; start < rows; start += size) {
    yield Array.from({ length: Math.min(size, rows - start) }, (_, i) => ({ n: start + i }));
  }
}

describe('CsvExports', () => {
  it('gives the event loop a turn every ROWS_PER_TURN rows, so requests beside an export are answered', async () => {
    const exports = new CsvExports({ exports: { maxConcurrent: 1 } } as AppConfig);
    const res = instantResponse();
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const rows = 5_000;
    await exports.stream(res, 'n.csv', batchesOf(rows, 500), ['n'], (row) => row);
    ticking = false;
    expect(res.text.split('\n').filter(Boolean)).toHaveLength(rows + 1);
    // Batches come from memory here: without the turns, the whole export ran before the ticker's second turn.
    expect(turns).toBeGreaterThanOrEqual(rows / ROWS_PER_TURN);
  });
});
