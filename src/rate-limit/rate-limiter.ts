// Rate limits, counted by rate-limiter-flexible: in process memory for one instance; in Redis when REDIS_URL
// is set, so that every instance counts together. While Redis cannot answer, each instance counts in its own
// memory instead (the library's insurance limiter), so that a Redis outage never switches the limits off.
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

export interface LimitOptions {
  /** Names the counter in Redis keys: `<REDIS_PREFIX>rate:<name>:<key>`. */
  name: string;
  /** How many a key may take in one window. */
  points: number;
  /** The window, counted in whole seconds (Redis expires keys in seconds here). */
  durationMs: number;
  /**
   * Count in memory while Redis is away (the default). Off for a limit that must hold across instances or not
   * at all: its `consume` then rejects with an Error during the outage.
   */
  insured?: boolean;
}

export type LimiterFactory = (options: LimitOptions) => RateLimiterAbstract;

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
const memoryLimiter = ({ name, points, durationMs }: LimitOptions) =>
  new RateLimiterMemory({ keyPrefix: name, points, duration: seconds(durationMs) });

export function memoryLimiters(): LimiterFactory {
  return memoryLimiter;
}

/** `redis` should fail commands at once while disconnected (enableOfflineQueue: false), as the shared client does. */
export function redisLimiters(redis: Redis, prefix: string): LimiterFactory {
  return (options) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}${options.name}`,
      points: options.points,
      duration: seconds(options.durationMs),
      rejectIfRedisNotReady: true,
      insuranceLimiter: options.insured === false ? undefined : memoryLimiter(options),
    });
}

/** Takes one from `key`'s budget: 0 when allowed, otherwise the milliseconds until it is. */
export async function take(limiter: RateLimiterAbstract, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
    throw refusal;
  }
}

/** The limits every instance applies, built once from the settings. */
export interface RateLimits {
  /** Mutations per session or API token per minute (RATE_LIMIT_MUTATIONS_PER_MINUTE). */
  mutations: RateLimiterAbstract;
  /** Uploads per session or API token per minute (RATE_LIMIT_UPLOADS_PER_MINUTE). */
  uploads: RateLimiterAbstract;
  /** Wrong current passwords per agent in changePassword, per 15 minutes (RATE_LIMIT_LOGIN_ATTEMPTS). */
  passwordGuesses: RateLimiterAbstract;
  /** Builds another limit on the same store. */
  make: LimiterFactory;
}

export function createRateLimits(
  make: LimiterFactory,
  settings: { mutationsPerMinute: number; uploadsPerMinute: number; loginAttempts: number },
): RateLimits {
  return {
    mutations: make({ name: 'mutations', points: settings.mutationsPerMinute, durationMs: 60_000 }),
    uploads: make({ name: 'uploads', points: settings.uploadsPerMinute, durationMs: 60_000 }),
    passwordGuesses: make({ name: 'password-change', points: settings.loginAttempts, durationMs: 15 * 60_000 }),
    make,
  };
}
