// The request context, built in one place: a forked EntityManager, the caller, loaders, and the support domain's needs.
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Caller } from '../auth/caller.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import type { OutboundChannel, SupportContext } from '../support/support.context.js';
import { createSupportLoaders, type SupportLoaders } from '../support/support.loaders.js';
import { unauthenticated } from '../errors.js';
import type { WhatsappSimulator } from '../whatsapp/simulator.js';
import type { RateLimiter } from '../rate-limit/rate-limiter.js';
import type { TokenCache } from '../auth/token-cache.js';
import type { PresenceService } from '../support/presence.service.js';

/** What lives as long as the process: one of each. */
export interface AppServices {
  config: Config;
  orm: MikroORM;
  pubsub: SupportPubSub;
  outbound: OutboundChannel;
  logger: Logger;
  /** The built-in WhatsApp simulator, when it is on. */
  simulator: WhatsappSimulator | null;
  limiter: RateLimiter;
  tokens: TokenCache;
  presence: PresenceService;
}

export interface GraphqlContext {
  app: AppServices;
  caller: Caller | null;
  /** The client's address, for per-address limits. */
  ip: string;
  /** The WebSocket an operation came through (null over HTTP): presence reported through it ends with it. */
  connectionId: string | null;
  em: SqlEntityManager;
  loaders: SupportLoaders;
  support: SupportContext;
}

export function buildContext(app: AppServices, caller: Caller | null, ip = 'unknown', connectionId: string | null = null): GraphqlContext {
  const context = { app, caller, ip, connectionId } as GraphqlContext;
  renewScope(context);
  return context;
}

/**
 * Gives the context a fresh EntityManager and fresh loaders. A subscription's context lives as long
 * as its socket, so each event it delivers starts here, and never reads a cached, stale row.
 */
export function renewScope(context: GraphqlContext): void {
  const em = context.app.orm.em.fork() as SqlEntityManager;
  context.em = em;
  context.loaders = createSupportLoaders(em, context.caller?.admin.id ?? 0);
  context.support = { em, pubsub: context.app.pubsub, outbound: context.app.outbound, ticketsPerPhonePerHour: context.app.config.limits.ticketsPerPhonePerHour };
}

export function callerOf(context: GraphqlContext): Caller {
  if (!context.caller) throw unauthenticated();
  return context.caller;
}
