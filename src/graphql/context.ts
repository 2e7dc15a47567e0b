// The request context, built in one place: a forked EntityManager, the caller, loaders, and the support domain's needs.
import type { SupportEventHandlers } from '../support/support.context.js';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { Caller } from '../auth/caller.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { DeskMetrics } from '../observability/metrics.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import type { OutboundChannel, SupportContext } from '../support/support.context.js';
import { createSupportContext } from '../support/support-context.factory.js';
import { createRequestLoaders, type RequestLoaders } from './loaders.js';
import { unauthenticated } from '../errors.js';
import type { WhatsappSimulator } from '../whatsapp/simulator.js';
import type { RateLimits } from '../rate-limit/rate-limiter.js';
import type { LoginLimits } from '../auth/login-limits.js';
import type { HttpExchange } from '../auth/session-cookie.js';
import type { TokenCache } from '../auth/token-cache.js';
import type { PresenceService } from '../support/presence.service.js';
import type { MediaStore } from '../media/media.store.js';
import type { ReportTicker } from '../reports/report.ticker.js';
import type { BotMenu } from '../whatsapp/bot.menu.js';

/** What lives as long as the process: one of each. */
export interface AppServices {
  config: Config;
  orm: MikroORM;
  pubsub: SupportPubSub;
  outbound: OutboundChannel;
  logger: Logger;
  /** The Prometheus metrics this server reports (and webhooks' deliveries, through recordWebhookDelivery). */
  metrics: DeskMetrics;
  /** The built-in WhatsApp simulator, when it is on. */
  simulator: WhatsappSimulator | null;
  rateLimits: RateLimits;
  loginLimits: LoginLimits;
  tokens: TokenCache;
  presence: PresenceService;
  /** Where fetched and uploaded files are kept. */
  media: MediaStore;
  /** When live reports are read again. */
  reports: ReportTicker;
  /** The bot's menu: what a retried webhook element is answered with, as the webhook would. */
  menu: BotMenu;
  /** The followers of domain events (SLA, timings, survey, audit, subscriptions, routing). */
  handlers: SupportEventHandlers;
}

export interface GraphqlContext {
  app: AppServices;
  caller: Caller | null;
  /** The client's address, for per-address limits. */
  ip: string;
  /** The WebSocket an operation came through (null over HTTP): presence reported through it ends with it. */
  connectionId: string | null;
  /** The client's User-Agent header, kept with a new session so that an agent can tell their sessions apart. */
  userAgent: string | null;
  /** The HTTP request and answer's cookies (null over the WebSocket): sign-in and sign-out set the session cookie. */
  http: HttpExchange | null;
  readonly em: SqlEntityManager;
  readonly loaders: RequestLoaders;
  readonly support: SupportContext;
  /** Drops the database scope (EntityManager, loaders), so that the next use opens a fresh one. */
  renew(): void;
}

/**
 * The request's database scope (a forked EntityManager, its loaders) is opened on first use: many
 * operations (`{ __typename }`, `me` from the token cache, refused ones) never touch the database.
 */
class RequestContext implements GraphqlContext {
  private scope: Pick<GraphqlContext, 'em' | 'loaders' | 'support'> | null = null;

  constructor(
    readonly app: AppServices,
    readonly caller: Caller | null,
    readonly ip: string,
    readonly connectionId: string | null,
    readonly userAgent: string | null,
    readonly http: HttpExchange | null,
  ) {}

  get em(): SqlEntityManager {
    return this.open().em;
  }

  get loaders(): RequestLoaders {
    return this.open().loaders;
  }

  get support(): SupportContext {
    return this.open().support;
  }

  renew(): void {
    this.scope = null;
  }

  private open() {
    if (this.scope) return this.scope;
    const { app } = this;
    const em = app.orm.em.fork() as SqlEntityManager;
    this.scope = {
      em,
      loaders: createRequestLoaders(em, this.caller?.admin.id ?? 0),
      support: createSupportContext(app, em),
    };
    return this.scope;
  }
}

export function buildContext(
  app: AppServices,
  caller: Caller | null,
  ip = 'unknown',
  connectionId: string | null = null,
  userAgent: string | null = null,
  http: HttpExchange | null = null,
): GraphqlContext {
  return new RequestContext(app, caller, ip, connectionId, userAgent, http);
}

/**
 * Gives the context a fresh EntityManager and fresh loaders. A subscription's context lives as long
 * as its socket, so each event it delivers starts here, and never reads a cached, stale row.
 */
export function renewScope(context: GraphqlContext): void {
  context.renew();
}

export function callerOf(context: GraphqlContext): Caller {
  if (!context.caller) throw unauthenticated();
  return context.caller;
}
