#!/usr/bin/env node
// The load generator, in a process of its own so that it never shares an event loop with the
// server: `node bench/load.js '<scenario JSON>'` runs autocannon once and prints its result.
const autocannon = require('autocannon');
const { randomBytes } = require('node:crypto');

const scenario = JSON.parse(process.argv[2]);
const request = { method: scenario.method, path: scenario.path, headers: scenario.headers, body: scenario.body };
if (scenario.unknownTokens) {
  // Every request a token never issued: each one a cache miss and one query.
  request.setupRequest = (req) => ({
    ...req,
    headers: {
      ...req.headers,
      'x-original-uri': `${scenario.unknownTokens}?token=cll_${randomBytes(32).toString('base64url')}`,
    },
  });
}
const statuses = {};
request.onResponse = (status) => (statuses[status] = (statuses[status] ?? 0) + 1);

autocannon(
  { url: scenario.url, connections: scenario.connections, duration: scenario.seconds, requests: [request] },
  (error, result) => {
    if (error) throw error;
    process.stdout.write(
      JSON.stringify({
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        total: result.requests.total,
        errors: result.errors + result.timeouts,
        statuses,
      }),
    );
  },
);
