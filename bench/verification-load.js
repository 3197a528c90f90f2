// One instance's paced verification load, on a thread of its own (bench/scale.js starts one per
// instance): its timings wait for no other work of the benchmark (polling, queries, parsing the
// progress of a revocation), only for the instance's answer. Runs until told to stop, then
// sends its samples: { at (ms epoch), ms, ok }.
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { setTimeout: sleep } = require('node:timers/promises');

const { base, paths, rate, offset } = workerData;
let running = true;
parentPort.once('message', () => {
  running = false;
});

(async () => {
  const samples = [];
  const inFlight = new Set();
  const interval = 1000 / rate;
  let next = performance.now();
  for (let n = 0; running; n++) {
    const path = paths[(n * 2 + offset) % paths.length];
    const started = performance.now();
    const request = fetch(`${base}/api/v1/media-auth/nginx`, {
      headers: { 'X-Original-URI': path, 'X-Original-Method': 'GET' },
    })
      .then(async (res) => {
        await res.arrayBuffer();
        samples.push({ at: Date.now(), ms: performance.now() - started, ok: res.status === 200 });
      })
      .catch(() => samples.push({ at: Date.now(), ms: performance.now() - started, ok: false }))
      .finally(() => inFlight.delete(request));
    inFlight.add(request);
    next += interval;
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    else next = performance.now();
  }
  await Promise.all(inFlight);
  parentPort.postMessage(samples);
})();
