import { PASS_RETRY_MS, SerialPass } from './serial-pass';

describe('SerialPass', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('tries a failed pass again by itself, with nothing else asking', async () => {
    const outcomes = [new Error('statement timeout'), undefined];
    let passes = 0;
    const failures: string[] = [];
    const pass = new SerialPass(
      async () => {
        passes++;
        const outcome = outcomes.shift();
        if (outcome) throw outcome;
      },
      () => true,
      (error) => failures.push(error.message),
    );
    pass.run();
    await jest.advanceTimersByTimeAsync(PASS_RETRY_MS - 1);
    expect([passes, failures]).toEqual([1, ['statement timeout']]);
    await jest.advanceTimersByTimeAsync(1);
    expect(passes).toBe(2);
    await jest.advanceTimersByTimeAsync(10 * PASS_RETRY_MS);
    expect(passes).toBe(2);
  });

  it('runs one pass at a time, and once more after one asked for while it ran', async () => {
    let release!: () => void;
    let passes = 0;
    const pass = new SerialPass(
      () => {
        passes++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      () => true,
      () => undefined,
    );
    pass.run();
    pass.run();
    pass.run();
    expect(passes).toBe(1);
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(passes).toBe(2);
    release();
    await jest.advanceTimersByTimeAsync(0);
    expect(passes).toBe(2);
  });

  it('runs nothing, and retries nothing, when not allowed', async () => {
    let allowed = true;
    let passes = 0;
    const pass = new SerialPass(
      () => (passes++, Promise.reject(new Error('down'))),
      () => allowed,
      () => undefined,
    );
    pass.run();
    await jest.advanceTimersByTimeAsync(0);
    allowed = false;
    await jest.advanceTimersByTimeAsync(PASS_RETRY_MS);
    expect(passes).toBe(1);
  });
});
