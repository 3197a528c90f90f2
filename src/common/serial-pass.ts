/** After a failed pass (the database away, rows held past the statement timeout), the next try. */
export const PASS_RETRY_MS = 1_000;

/**
 * A background pass run one at a time: asked for while one runs, another runs after it. A failed
 * pass is tried again after PASS_RETRY_MS, since nothing else may ask for one (a quiet database
 * sends no change). Used by the leaders' jobs (the kicker, the revocation job).
 */
export class SerialPass {
  private running?: Promise<void>;
  private again = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly pass: () => Promise<void>,
    /** Whether a pass may run now (this instance leads, and is not stopping). */
    private readonly allowed: () => boolean,
    private readonly failed: (error: Error) => void,
  ) {}

  /** The pass running now, if any. */
  get current(): Promise<void> | undefined {
    return this.running;
  }

  run(): void {
    if (!this.allowed()) return;
    if (this.running) return void (this.again = true);
    this.running = this.pass()
      .catch((error: Error) => {
        this.failed(error);
        clearTimeout(this.retry);
        this.retry = setTimeout(() => this.run(), PASS_RETRY_MS).unref();
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.run();
        }
      });
  }

  /** No retry after this; the pass running, if any, is left to finish. */
  cancelRetry(): void {
    clearTimeout(this.retry);
  }
}
