import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { BlockAwareStorage } from './auth-failures';

/**
 * One fixed window per key, counted and checked in one atomic script, so that any number
 * of instances sharing this Redis never let more than `limit` requests through per window.
 * Past the limit the key is blocked for `blockDuration` (and at least until the window ends,
 * which is what Retry-After then says). Both keys share a hash tag, so the
 * script also runs on Redis Cluster.
 *   KEYS: hits, block. ARGV: window ms, limit, block ms.
 *   Returns: hits, window ms left, blocked (0/1), block ms left.
 */
const INCREMENT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  local left = redis.call('PTTL', KEYS[1])
  return { tonumber(redis.call('GET', KEYS[1]) or '0'), left, 1, math.max(blockLeft, left) }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local windowLeft = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  local blockMs = tonumber(ARGV[3])
  if blockMs > 0 then redis.call('SET', KEYS[2], '1', 'PX', blockMs) end
  return { hits, windowLeft, 1, math.max(blockMs, windowLeft) }
end
return { hits, windowLeft, 0, 0 }
`;

const blockKey = (key: string) => `camlinks:rl:{${key}}:block`;

const CONNECT_TIMEOUT_MS = 2000;
const WARN_EVERY_MS = 10_000;

type ThrottlerStorageRecord = Awaited<ReturnType<BlockAwareStorage['increment']>>;
type ThrottleCommand = (
  hitsKey: string,
  blockKey: string,
  windowMs: number,
  limit: number,
  blockMs: number,
) => Promise<[number, number, number, number]>;

/**
 * Rate-limit counters in Redis, shared by every instance. Availability comes first: while
 * Redis cannot be reached, requests are let through (and a warning is logged) rather than
 * refused or held up.
 */
export class RedisThrottlerStorage implements BlockAwareStorage, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis & { camlinksThrottle: ThrottleCommand };
  private lastWarning = 0;

  constructor(url: string) {
    // No offline queue: a command while disconnected fails at once instead of waiting.
    const redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: 500,
    });
    redis.defineCommand('camlinksThrottle', { numberOfKeys: 2, lua: INCREMENT });
    redis.on('error', (error: Error) => this.warn(`Redis: ${error.message}`));
    this.redis = redis as Redis & { camlinksThrottle: ThrottleCommand };
  }

  /** Connects before the app takes requests, so the first burst is counted too. */
  async onModuleInit(): Promise<void> {
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no connection within ${CONNECT_TIMEOUT_MS} ms`)), CONNECT_TIMEOUT_MS).unref(),
    );
    await Promise.race([this.redis.connect(), timeout]).catch((error: Error) =>
      this.warn(`Redis: ${error.message}; rate limits are off until it connects`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottlerStorageRecord> {
    try {
      const [hits, windowLeft, blocked, blockLeft] = await this.redis.camlinksThrottle(
        `camlinks:rl:{${key}}:hits`,
        blockKey(key),
        ttl,
        limit,
        blockDuration,
      );
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(windowLeft / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockLeft / 1000),
      };
    } catch (error) {
      this.warn(`Redis: ${(error as Error).message}; request let through unlimited`);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  async blockedForMs(key: string): Promise<number> {
    try {
      return Math.max(0, await this.redis.pttl(blockKey(key)));
    } catch (error) {
      this.warn(`Redis: ${(error as Error).message}; request let through unlimited`);
      return 0;
    }
  }

  private warn(message: string): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.logger.warn(message);
  }
}
