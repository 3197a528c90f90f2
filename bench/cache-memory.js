#!/usr/bin/env node
// What a cached link state really takes in the V8 heap, against the estimate that bounds the
// caches (CACHE_MAX_MB): `node --expose-gc bench/cache-memory.js [entries]`, after a build.
const { randomBytes, randomUUID } = require('node:crypto');
const { ChangeAwareCache } = require('../dist/database/change-aware-cache');

const ENTRIES = Number(process.argv[2] ?? 20_000);
const changes = { subscribe: (cache) => cache.onListening(true) };

/** A link state as VerificationRepository.findLinkState returns it (a preview issued to an integration). */
function linkState() {
  const now = Date.now();
  return {
    id: randomUUID(),
    kind: 'preview',
    streamName: `cam-${randomBytes(4).toString('hex')}-hd`,
    source: 'jpg',
    archiveFrom: null,
    archiveTo: null,
    expiresAt: new Date(now + 3600_000),
    revoked: false,
    subject: randomUUID(),
    camera: { blocked: false, hasStream: true },
    mediaServer: {
      id: randomUUID(),
      baseUrl: 'https://edge-1.example.net',
      rtspBaseUrl: null,
      urlTemplates: {},
      hasSecret: true,
    },
    integrationToken: { revoked: false, expiresAt: null },
    userToken: null,
    grant: null,
    issuedToUser: false,
  };
}

function heapUsed() {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed;
}

const cache = new ChangeAwareCache({ foundMs: 60_000, missingMs: 10_000, maxBytes: 2 ** 40 }, changes);
const before = heapUsed();
// Keys and values made per entry, as the server reads them from the database one by one.
for (let i = 0; i < ENTRIES; i++)
  cache.set(randomBytes(32).toString('base64url'), linkState(), Date.now(), cache.generation);
const after = heapUsed();
const real = (after - before) / ENTRIES;
const estimated = cache.usage().bytes / ENTRIES;
console.log(
  JSON.stringify({
    entries: ENTRIES,
    realBytesPerEntry: Math.round(real),
    estimatedBytesPerEntry: Math.round(estimated),
    ratio: +(real / estimated).toFixed(2),
  }),
);
