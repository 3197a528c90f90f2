// Start-up of the embedded default, as a newcomer meets it: `node dist/main.js` with no
// DATABASE_URL, on a fresh data folder and again on the data it left. Measures the time from
// spawning the process to the first answer of GET /health/ready, and resident memory at rest.
const { spawn } = require('node:child_process');
const { mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { setTimeout: sleep } = require('node:timers/promises');
const { waitUntilReady } = require('./ready');

const ROOT = join(__dirname, '..');
const REST_MS = 5000;

function memoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)[1]) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

/** One start on `dataDir`: ms to the first answer, memory right then and after REST_MS at rest. */
async function startOnce(dataDir, port, env = {}) {
  const started = process.hrtime.bigint();
  const server = spawn(process.execPath, [join(ROOT, 'dist/main.js')], {
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilReady(`http://127.0.0.1:${port}`, { server, attempts: Infinity, intervalMs: 20 });
    const firstAnswerMs = Number(process.hrtime.bigint() - started) / 1e6;
    const atFirstAnswer = memoryMb(server.pid);
    await sleep(REST_MS);
    const atRest = memoryMb(server.pid);
    return { firstAnswerMs, rssAtFirstAnswerMb: atFirstAnswer.rss, rssAtRestMb: atRest.rss, peakRssMb: atRest.peak };
  } finally {
    server.kill('SIGTERM');
    if (server.exitCode === null) await new Promise((resolve) => server.on('exit', resolve));
  }
}

/** A fresh folder, then the same folder again (`runs` times each; the median is reported). */
async function measureStart({ port, runs = 3, env } = {}) {
  const fresh = [];
  const existing = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'camlinks-bench-start-'));
    try {
      fresh.push(await startOnce(dataDir, port, env));
      existing.push(await startOnce(dataDir, port, env));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const median = (samples) => {
    const sorted = [...samples].sort((a, b) => a.firstAnswerMs - b.firstAnswerMs);
    return sorted[Math.floor(sorted.length / 2)];
  };
  return { fresh: median(fresh), existing: median(existing), runs };
}

module.exports = { measureStart };

if (require.main === module) {
  measureStart({ port: Number(process.env.BENCH_PORT ?? 3917), runs: Number(process.env.BENCH_START_RUNS ?? 3) }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
