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
  // The subscriber's SUBSCRIBE commands wait for Redis however long it is away (ioredis subscribes again on
  // reconnect): with a retry limit they were rejected after ~20 reconnects, and @graphql-yoga/redis-event-target
  // leaves that rejection unhandled, which ends a Node process.
  const subscriber = new Redis(redisUrl, { ...options, maxRetriesPerRequest: null });
  let reported = false;
  for (const client of [publisher, subscriber]) {
    client.on('error', (error: Error) => {
      if (!reported)
        logger.warn(
          { err: error.message },
          'Redis unreachable; serving this instance’s own subscribers until it returns',
        );
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
      // QUIT waits for an answer: only a client that is connected can give one (a queued QUIT to an absent
      // Redis would wait for ever).
      await Promise.allSettled(
        [publisher, subscriber].filter((client) => client.status === 'ready').map((client) => client.quit()),
      );
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}
