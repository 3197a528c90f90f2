#!/usr/bin/env node
// Micro-benchmark of the verification decision, on the compiled code: `node bench/decide.js [root]`
// (root: a checkout whose dist/ to measure; default this one). A cached link state, nginx
// requests of each kind; nanoseconds per decide() call. The hot path's share of a verify hit.
const { join } = require('node:path');

const root = process.argv[2] ?? join(__dirname, '..');
const { decide } = require(join(root, 'dist/verification/link-decision.js'));
const N = Number(process.env.N ?? 1e6);
const NOW = new Date();
const link = (overrides) => ({
  id: 'link',
  kind: 'preview',
  streamName: 'gate-hd',
  source: 'jpg',
  archiveFrom: null,
  archiveTo: null,
  expiresAt: new Date(NOW.getTime() + 3600e3),
  revoked: false,
  subject: 'integration',
  camera: { blocked: false, hasStream: true },
  // `secretHash` for builds before media servers were identified by their secret.
  mediaServer: {
    id: 'edge',
    baseUrl: 'http://edge:8080',
    rtspBaseUrl: null,
    urlTemplates: {},
    hasSecret: false,
    secretHash: null,
  },
  integrationToken: { revoked: false, expiresAt: null },
  userToken: null,
  grant: null,
  issuedToUser: false,
  ...overrides,
});
const pad = (n) => String(n).padStart(2, '0');
const at = new Date(NOW.getTime() - 30e3);
const chunk = `${at.getUTCFullYear()}/${pad(at.getUTCMonth() + 1)}/${pad(at.getUTCDate())}/${pad(at.getUTCHours())}/${pad(at.getUTCMinutes())}/${pad(at.getUTCSeconds())}-06000.ts`;
const live = link({ kind: 'live', source: 'hls' });
const archive = link({ kind: 'archive', source: 'hls', archiveFrom: new Date(NOW.getTime() - 7200e3) });
const cases = [
  ['preview (the bench verify hit)', link(), '/gate-hd/preview.jpg'],
  ['live playlist', live, '/gate-hd/index.m3u8'],
  ['live segment', live, '/gate-hd/tracks-v1/segment-000123.ts'],
  ['live chunk', live, `/gate-hd/${chunk}`],
  ['archive chunk', archive, `/gate-hd/tracks-v1/${chunk}`],
  ['percent-encoded path', link(), '/gate%2Dhd/preview.jpg'],
  ['authority form (refused)', live, '//site2/gate-hd/index.m3u8'],
];
const asker = { presented: false };
for (const [label, state, path] of cases) {
  const resource = { protocol: 'nginx', path, method: 'GET' };
  const outcome = decide(state, resource, asker, NOW).allow ? 'allow' : 'deny';
  for (let i = 0; i < 1e5; i++) decide(state, resource, asker, NOW);
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) decide(state, resource, asker, NOW);
  console.log(
    `${label.padEnd(32)} ${outcome.padEnd(6)} ${(Number(process.hrtime.bigint() - start) / N).toFixed(0)} ns`,
  );
}
