import { MARK_BATCH, nextBatch } from './revocation-job';

describe('nextBatch', () => {
  it('halves a batch that took over a second, down to 500', () => {
    expect(nextBatch(MARK_BATCH, 1_200)).toBe(2_500);
    expect(nextBatch(600, 3_000)).toBe(500);
    expect(nextBatch(500, 3_000)).toBe(500);
  });

  it('keeps a batch that took a quarter to one second, and doubles a quicker one back up to MARK_BATCH', () => {
    expect(nextBatch(2_500, 600)).toBe(2_500);
    expect(nextBatch(1_250, 100)).toBe(2_500);
    expect(nextBatch(4_000, 100)).toBe(MARK_BATCH);
  });
});
