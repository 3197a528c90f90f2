import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { type Instance, startInstance } from './support/instance';
import { cloneTemplate, databaseUrl, dropDatabase } from './support/test-database';

const ADMIN = 'redis-limits-admin-token-0123456789abcdef';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = 10;

/** Two camlinks processes counting against one Redis: a budget is a budget, whichever instance is asked. */
describe('rate limits shared through Redis', () => {
  let dbName: string;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0 });
    try {
      await redis.connect();
      await redis.ping();
    } catch (error) {
      throw new Error(
        `Redis is not reachable at ${REDIS_URL} (${(error as Error).message}): start it, or point TEST_REDIS_URL at one`,
        { cause: error },
      );
    } finally {
      redis.disconnect();
    }
    dbName = await cloneTemplate();
    const env = {
      DATABASE_URL: databaseUrl(dbName),
      ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'warn',
      REDIS_URL,
      RATE_LIMIT_INTEGRATION: `${LIMIT}/60`,
      RATE_LIMIT_AUTH_FAILURES: `${LIMIT}/60`,
      // Each run its own client address (a trusted proxy's X-Forwarded-For): failure budgets outlive a run in Redis.
      TRUST_PROXY: 'loopback',
    };
    [a, b] = await Promise.all([startInstance(env), startInstance(env)]);
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (dbName) await dropDatabase(dbName);
  });

  it('lets no more than the limit through across both instances, in a concurrent burst', async () => {
    const created = await fetch(`${a.url}/api/v1/admin/integrations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'burst' }),
    });
    const { token } = (await created.json()) as { token: string };
    // A fresh token: a budget no other run has touched. An empty camera list is a cheap 422.
    const responses = await Promise.all(
      Array.from({ length: 4 * LIMIT }, (_, i) =>
        fetch(`${(i % 2 ? a : b).url}/api/v1/cameras/preview`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: '{"cameras":[]}',
        }),
      ),
    );
    const limited = responses.filter((response) => response.status === 429);
    expect(responses.length - limited.length).toBe(LIMIT);
    expect(responses.filter((response) => response.status === 422)).toHaveLength(LIMIT);
    for (const response of limited) expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited[0].json()).toEqual({ message: 'Too Many Attempts.' });
  });

  it('counts failed credentials per address across both instances, however many tokens are made up', async () => {
    const address = `2001:db8::${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}`;
    const statuses: number[] = [];
    for (let i = 0; i < 3 * LIMIT && !statuses.includes(429); i++) {
      const response = await fetch(`${(i % 2 ? a : b).url}/api/v1/admin/users`, {
        headers: { Authorization: `Bearer made-up-token-${i}-${Math.random()}`, 'X-Forwarded-For': address },
      });
      statuses.push(response.status);
    }
    // Failures are counted as each response finishes, and an instance trusts what it last heard
    // of an address for a second: past the limit, each instance lets only a few more through.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThan(LIMIT);
    expect(statuses.filter((status) => status === 401).length).toBeLessThan(2 * LIMIT);
  });
});
