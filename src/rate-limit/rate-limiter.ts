// Counters in fixed time windows, for rate limits. In process memory for one instance; in Redis when
// REDIS_URL is set, so that every instance counts together.
import type { Redis } from 'ioredis';

export interface RateLimiter {
  /** Adds one to the key's counter for the current window; returns the count so far. */
  hit(key: string, windowMs: number): Promise<number>;
  /** The key's count in the current window, without adding to it. */
  count(key: string): Promise<number>;
  /** How long until the key's current window ends (0 without one): what a refusal's Retry-After says. */
  msLeft(key: string): Promise<number>;
}

export function createMemoryRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; endsAt: number }>();
  const current = (key: string) => {
    const window = windows.get(key);
    if (window && window.endsAt > now()) return window;
    windows.delete(key);
    return null;
  };
  return {
    async hit(key, windowMs) {
      if (windows.size > 100_000) for (const [stale, window] of windows) if (window.endsAt <= now()) windows.delete(stale);
      const window = current(key) ?? { count: 0, endsAt: now() + windowMs };
      window.count += 1;
      windows.set(key, window);
      return window.count;
    },
    async count(key) {
      return current(key)?.count ?? 0;
    },
    async msLeft(key) {
      const window = current(key);
      return window ? window.endsAt - now() : 0;
    },
  };
}

export function createRedisRateLimiter(redis: Redis, prefix = 'support:rate:'): RateLimiter {
  return {
    async hit(key, windowMs) {
      const [[, count]] = (await redis.multi().incr(prefix + key).pexpire(prefix + key, windowMs, 'NX').exec()) as [[unknown, number]];
      return count;
    },
    async count(key) {
      return Number((await redis.get(prefix + key)) ?? 0);
    },
    async msLeft(key) {
      return Math.max(0, await redis.pttl(prefix + key));
    },
  };
}
