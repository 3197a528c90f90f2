import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Milliseconds background work rests for each millisecond a piece of it took: a bulk revocation's
 * marking between batches, a CSV export between batches. On a few cores it keeps to a third of
 * its process and of the database, beside verification. At half (resting as long as it worked),
 * verification p99 at 10 M links rose 1.6–2.9x during a week's export and 1.2–2.4x while a
 * million links were marked (docs/BENCHMARKS.md).
 */
export const REST_PER_WORK_MS = 2;

/** Rests after a piece of background work that took `workMs`. */
export function restAfter(workMs: number): Promise<void> {
  return sleep(REST_PER_WORK_MS * workMs);
}
