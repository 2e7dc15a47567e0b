// What lives as long as the process, built once at start: shared state (pubsub, counters), limits, sessions,
// presence, the media store, live reports, the bot's menu, and the simulator when it is on.
import { createDomainFollowers } from './domain-followers.js';
import type { MikroORM } from '@mikro-orm/core';
import { deviceCookieKey, LoginLimits } from './auth/login-limits.js';
import { TokenCache } from './auth/token-cache.js';
import type { Config } from './config.js';
import type { AppServices } from './graphql/context.js';
import type { Logger } from './logger.js';
import type { DeskMetrics } from './observability/metrics.js';
import { LocalMediaStore } from './media/media.store.js';
import { S3MediaStore } from './media/s3.store.js';
import { createSharedState } from './pubsub/shared-state.js';
import { createRateLimits } from './rate-limit/rate-limiter.js';
import { ReportTicker } from './reports/report.ticker.js';
import { defaultPresenceOptions, PresenceService } from './support/presence.service.js';
import type { BotMenu } from './whatsapp/bot.menu.js';
import { outboxChannel } from './whatsapp/outbox.service.js';
import { WhatsappSimulator } from './whatsapp/simulator.js';
import { TypingIndicator } from './whatsapp/typing-indicator.js';

export interface ProcessServices {
  app: AppServices;
  /** Shows people that an agent types; it sends once the server has a Cloud API (at listen). */
  typingIndicator: TypingIndicator;
  /** Lets go of Redis, when there is one. */
  closeSharedState(): Promise<void>;
}

/** `menu` is read before the database is opened, so that a bad menu file stops the start before any migration. */
export function createAppServices(
  config: Config,
  orm: MikroORM,
  logger: Logger,
  menu: BotMenu,
  metrics: DeskMetrics,
): ProcessServices {
  const shared = createSharedState(config.redisUrl, config.redisPrefix, logger);
  const { pubsub, limiters } = shared;
  const simulator = config.whatsapp.simulator
    ? new WhatsappSimulator(config.whatsapp.appSecret, '15550000000', logger)
    : null;
  simulator?.onChange((phoneNumber) => pubsub.publish('SIMULATOR_PHONE_UPDATED', { phoneNumber }));
  const tokens = new TokenCache();
  tokens.follow(pubsub);
  const typingIndicator = new TypingIndicator(orm, limiters, logger);
  const presence = new PresenceService(pubsub, logger, (ticketId) => typingIndicator.agentTyping(ticketId), {
    ...defaultPresenceOptions,
    ttlMs: config.presenceTtlMs,
  });
  const { s3 } = config.media;
  if (s3)
    logger.info(
      { endpoint: s3.endpoint, bucket: s3.bucket, prefix: s3.prefix },
      'media are kept in an S3-compatible bucket',
    );
  const app: AppServices = {
    config,
    orm,
    pubsub,
    outbound: outboxChannel,
    logger,
    metrics,
    simulator,
    rateLimits: createRateLimits(limiters, config.limits),
    loginLimits: new LoginLimits(limiters, config.limits.loginAttempts, deviceCookieKey(config.whatsapp.appSecret)),
    tokens,
    presence,
    media: s3 ? new S3MediaStore(s3) : new LocalMediaStore(config.media.dir),
    reports: new ReportTicker(
      pubsub,
      config.reportUpdateMs,
      config.limits.reportSubscriptionsPerToken,
      config.database.dialect === 'sqlite' ? 1 : 4,
    ),
    menu,
    // Who follows the domain events: registered once, here, for the life of the process.
    handlers: createDomainFollowers(),
  };
  return { app, typingIndicator, closeSharedState: () => shared.close() };
}
