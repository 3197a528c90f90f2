/** Polls until `check` passes, or rethrows its last failure after `ms` (by default the promised revocation bound, a second). */
export async function eventually(check: () => Promise<void>, ms = 1000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
