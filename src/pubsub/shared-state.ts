// What instances share besides the database: subscription events and rate-limit counters. In process
// memory for a single instance; in Redis when REDIS_URL is set.
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { memoryLimiters, redisLimiters, type LimiterFactory } from '../rate-limit/rate-limiter.js';
import { FanOutEventTarget } from './fan-out.js';
import { createPubSub, type SupportPubSub } from './pubsub.js';

export interface SharedState {
  pubsub: SupportPubSub;
  /** Rate-limit counters on the same store. */
  limiters: LimiterFactory;
  close(): Promise<void>;
}

export function createSharedState(redisUrl: string | null, prefix: string, logger: Logger): SharedState {
  if (!redisUrl) return { pubsub: createPubSub(), limiters: memoryLimiters(), close: async () => undefined };
  const options = { lazyConnect: false, retryStrategy: (times: number) => Math.min(times * 200, 5000) };
  // Commands fail at once while Redis is away (no queue to grow without bound); subscriptions are restored on reconnect.
  const publisher = new Redis(redisUrl, { ...options, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = new Redis(redisUrl, options);
  let reported = false;
  for (const client of [publisher, subscriber]) {
    client.on('error', (error: Error) => {
      if (!reported) logger.warn({ err: error.message }, 'Redis unreachable; serving this instance’s own subscribers until it returns');
      reported = true;
    });
    client.on('ready', () => {
      if (reported) logger.info('Redis reachable again');
      reported = false;
    });
  }
  return {
    pubsub: createPubSub(new FanOutEventTarget(publisher, subscriber, logger, prefix)),
    limiters: redisLimiters(publisher, `${prefix}rate:`),
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
