import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import type { Response } from 'express';
import { Writable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import { trickyText } from '../../test/support/csv-text';
import { type CsvCell, csvCell, CsvExports, csvRows, fieldColumns, ROWS_PER_TURN } from './csv-export';

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

async function* batchesOf<T>(rows: T[], size: number) {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}

/** What the exports wrote with csv-stringify before they formatted cells themselves: the bytes to keep. */
const asCsvStringify = (header: string[], rows: CsvCell[][]) =>
  stringify(rows, { header: true, columns: header, escape_formulas: true });

type Row = { a: CsvCell; b: CsvCell; c: CsvCell };
const cell: fc.Arbitrary<CsvCell> = fc.oneof(trickyText, fc.integer(), fc.double(), fc.constant(null));

describe('csvCell', () => {
  it('writes every cell as csv-stringify does with escape_formulas', () => {
    fc.assert(
      fc.property(cell, (value) => {
        expect(csvCell(value)).toBe(
          asCsvStringify(['x'], [[value]])
            .split('\n')
            .slice(1, -1)
            .join('\n'),
        );
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('CsvExports', () => {
  const exports = () => new CsvExports({ exports: { maxConcurrent: 1 } } as AppConfig);

  it('streams the bytes csv-stringify wrote, header included, whatever the batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(cell, cell, cell), { maxLength: 250 }),
        fc.integer({ min: 1, max: 300 }),
        async (rows, batch) => {
          const res = instantResponse();
          const header = ['a', 'b', 'c'];
          const objects = rows.map(([a, b, c]) => ({ a, b, c }));
          await exports().stream(
            res,
            'x.csv',
            csvRows(batchesOf(objects, batch), fieldColumns<Row, keyof Row>(['a', 'b', 'c']), (row) => row),
          );
          expect(res.text).toBe(asCsvStringify(header, rows));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('formats at most ROWS_PER_TURN rows between two turns of the event loop', async () => {
    const res = instantResponse();
    let turns = 0;
    let ticking = true;
    const tick = () => {
      turns++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    // The turn each row was formatted in: no turn may hold more than ROWS_PER_TURN of them.
    const turnOfRow: number[] = [];
    const rows = Array.from({ length: 5_000 }, (_, n) => ({ n }));
    await exports().stream(
      res,
      'n.csv',
      csvRows(batchesOf(rows, 500), fieldColumns<{ n: number }, 'n'>(['n']), (row) => {
        turnOfRow.push(turns);
        return row;
      }),
    );
    ticking = false;
    expect(res.text.split('\n').filter(Boolean)).toHaveLength(rows.length + 1);
    const rowsPerTurn = new Map<number, number>();
    for (const turn of turnOfRow) rowsPerTurn.set(turn, (rowsPerTurn.get(turn) ?? 0) + 1);
    expect(Math.max(...rowsPerTurn.values())).toBe(ROWS_PER_TURN);
  });

  it('rests after each batch as long as reading and formatting it took', async () => {
    const READ_MS = 40;
    async function* slowBatches() {
      for (let n = 0; n < 3; n++) {
        await new Promise((resolve) => setTimeout(resolve, READ_MS));
        yield [{ n }];
      }
    }
    const res = instantResponse();
    const started = performance.now();
    await exports().stream(
      res,
      'n.csv',
      csvRows(slowBatches(), fieldColumns<{ n: number }, 'n'>(['n']), (row) => row),
    );
    // Three reads (the first before the answer starts), and a rest as long after the two that
    // followed a batch: without the rests the export would take 3 reads.
    expect(performance.now() - started).toBeGreaterThanOrEqual(5 * READ_MS - 5);
  });
});
