const { setTimeout: sleep } = require('node:timers/promises');

/** Polls `${base}/health/ready` until it answers 200; fails when `server` exits first or after `attempts` polls. */
async function waitUntilReady(base, { server, attempts = 300, intervalMs = 100 } = {}) {
  for (let i = 0; i < attempts; i++) {
    if (server && server.exitCode !== null) throw new Error(`camlinks exited with ${server.exitCode}`);
    const ok = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await sleep(intervalMs);
  }
  throw new Error('camlinks did not start');
}

module.exports = { waitUntilReady };
