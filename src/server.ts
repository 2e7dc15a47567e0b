// Assembles the process: database, GraphQL over HTTP and WebSocket, health probes.
import { createDomainFollowers } from './domain-followers.js';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import type { MikroORM } from '@mikro-orm/core';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerAdminUi } from './admin-ui.js';
import { ensureFirstAdmin } from './auth/auth.service.js';
import { deviceCookieKey, LoginLimits } from './auth/login-limits.js';
import {
  clearSessionCookie,
  isChangingMethod,
  readCookies,
  requestToken,
  SESSION_COOKIE,
  type HttpExchange,
} from './auth/session-cookie.js';
import { TokenCache } from './auth/token-cache.js';
import { scryptParams } from './auth/password.js';
import { generatePassword, type Config } from './config.js';
import { createOrm, migrateUp } from './db/orm.js';
import { authPlugin } from './graphql/auth.plugin.js';
import { buildContext, type AppServices, type GraphqlContext } from './graphql/context.js';
import { createErrorFormatter, DATABASE_UNREACHABLE } from './graphql/format-error.js';
import { isDatabaseUnreachable } from './db/transient.js';
import { GraphQLError } from 'graphql';
import { createSchema } from './graphql/schema.js';
import { attachGraphqlWebSocket } from './graphql/websocket.js';
import { createLogger, type Logger } from './logger.js';
import { createSharedState } from './pubsub/shared-state.js';
import { deleteExpiredTickets } from './support/retention.service.js';
import { startSnoozeSweep, startSweep, type Sweep } from './support/snooze.sweep.js';
import { escalateBreachedTickets } from './desk/sla.service.js';
import type { SupportContext } from './support/support.context.js';
import { queryLimitProtections } from './graphql/limits.js';
import { loadBotMenu } from './whatsapp/bot.menu.js';
import { CloudApiClient } from './whatsapp/cloud-api.client.js';
import { defaultDispatcherOptions, OutboxDispatcher } from './whatsapp/outbox.dispatcher.js';
import { OutboxWakeup } from './whatsapp/outbox.wakeup.js';
import { outboxChannel } from './whatsapp/outbox.service.js';
import { WhatsappSimulator } from './whatsapp/simulator.js';
import { defaultPresenceOptions, PresenceService } from './support/presence.service.js';
import { TypingIndicator } from './whatsapp/typing-indicator.js';
import { registerWebhookRoute } from './whatsapp/webhook.route.js';
import { MediaFetcher } from './media/media.fetcher.js';
import { registerMediaRoute } from './media/media.route.js';
import { MediaUrlSigner } from './media/media.signing.js';
import { LocalMediaStore } from './media/media.store.js';
import { S3MediaStore } from './media/s3.store.js';
import { ReportTicker } from './reports/report.ticker.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { capConnectionsPerAddress, limitBodyTime } from './http/slow-clients.js';
import { createRateLimits } from './rate-limit/rate-limiter.js';
import { registerReportRoutes } from './reports/report.route.js';

export interface ServerOptions {
  logger?: Logger;
  /** Sees every SQL statement (tests count them). */
  onQuery?: (sql: string) => void;
}

export interface SupportServer {
  http: FastifyInstance;
  services: AppServices;
  /** Starts listening; resolves to the base URL, e.g. http://127.0.0.1:4000. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';

async function isDatabaseReachable(orm: MikroORM): Promise<boolean> {
  try {
    await orm.em.fork().getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}

export async function createServer(config: Config, options: ServerOptions = {}): Promise<SupportServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const menu = loadBotMenu(config.bot.menuFile, config.bot.greeting);
  const orm = await createOrm(config.database, { onQuery: options.onQuery });
  const applied = await migrateUp(orm);
  if (applied > 0) logger.info({ applied }, 'database migrations applied');
  const firstAdmin = await ensureFirstAdmin(
    orm.em.fork(),
    config.admin,
    scryptParams(config.passwords.hashCost),
    generatePassword,
  );
  if (firstAdmin.generatedPassword) {
    // Printed once, on purpose and outside the structured log: there is no other way to learn it.
    process.stdout.write(
      `\nFirst admin created: ${config.admin.email} / ${firstAdmin.generatedPassword}\n(shown once; set ADMIN_EMAIL and ADMIN_PASSWORD to choose your own)\n\n`,
    );
  }

  const shared = createSharedState(config.redisUrl, config.redisPrefix, logger);
  const { pubsub, limiters } = shared;
  const rateLimits = createRateLimits(limiters, config.limits);
  const loginLimits = new LoginLimits(
    limiters,
    config.limits.loginAttempts,
    deviceCookieKey(config.whatsapp.appSecret),
  );
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
  const mediaStore = s3 ? new S3MediaStore(s3) : new LocalMediaStore(config.media.dir);
  if (s3)
    logger.info(
      { endpoint: s3.endpoint, bucket: s3.bucket, prefix: s3.prefix },
      'media are kept in an S3-compatible bucket',
    );
  const reports = new ReportTicker(
    pubsub,
    config.reportUpdateMs,
    config.limits.reportSubscriptionsPerToken,
    config.database.dialect === 'sqlite' ? 1 : 4,
  );
  const handlers = createDomainFollowers();
  const services: AppServices = {
    config,
    orm,
    pubsub,
    outbound: outboxChannel,
    logger,
    simulator,
    rateLimits,
    loginLimits,
    tokens,
    presence,
    media: mediaStore,
    reports,
    menu,
    handlers,
  };
  const schema = await createSchema(pubsub);
  const formatError = createErrorFormatter(logger);

  const { http: timeouts, trustProxy } = config;
  // Node's requestTimeout is one value for the server: the longest any body may take (uploads); limitBodyTime
  // holds every other route to HTTP_BODY_TIMEOUT_MS. Deadlines are checked every connectionsCheckingInterval.
  const longestRequestMs = Math.max(timeouts.uploadTimeoutMs, timeouts.bodyTimeoutMs, timeouts.headersTimeoutMs);
  const http: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // A number of proxies is read the way Express and proxy-addr read it: the nearest `n` hops are trusted.
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    requestTimeout: longestRequestMs,
    connectionTimeout: timeouts.idleTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    http: {
      headersTimeout: timeouts.headersTimeoutMs,
      connectionsCheckingInterval: Math.max(
        50,
        Math.min(1000, Math.floor(Math.min(timeouts.headersTimeoutMs, timeouts.bodyTimeoutMs) / 4)),
      ),
    },
  });
  capConnectionsPerAddress(http.server, timeouts.maxConnectionsPerAddress, logger);
  limitBodyTime(http, timeouts, logger);
  await registerSecurityHeaders(http, config.publicUrl);
  const protections = queryLimitProtections(config.limits);
  const apollo = new ApolloServer<GraphqlContext>({
    schema,
    // Apollo's defaults follow NODE_ENV: ours, from the one config, not whatever the process was started with.
    nodeEnv: config.env,
    // The schema is for every caller with a valid token or session, in production too (tools need it);
    // authPlugin refuses introspection, like every operation but login, to callers without one.
    introspection: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Shutdown is ours (main.ts): Apollo must not stop by itself on SIGTERM while requests are in flight.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // Compact JSON: Apollo's default indents every answer, which costs time and bytes on a page of 50 tickets.
    stringifyResult: (result) => JSON.stringify(result),
    // Suggestions ("Did you mean …?") help agents and tools; authPlugin strips them for callers without a token.
    hideSchemaDetailsFromClientErrors: false,
    validationRules: protections.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // No HTTP caching of GraphQL answers: Apollo's cache-control plugin would wrap every field's resolver for nothing.
    plugins: [
      ...protections.plugins,
      authPlugin(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  await http.register(fastifyApollo(apollo), {
    path: GRAPHQL_PATH,
    context: async (request, reply) => {
      const exchange: HttpExchange = {
        cookies: readCookies(request.headers.cookie),
        setCookie: (cookie) => void reply.header('set-cookie', cookie),
      };
      const token = requestToken(request.headers, isChangingMethod(request.method), config);
      try {
        const caller = token ? await tokens.authenticate(() => orm.em.fork(), token) : null;
        // A session cookie that no longer signs anyone in is dropped, so the browser stops sending it.
        if (!caller && token && token === exchange.cookies[SESSION_COOKIE]) clearSessionCookie(exchange, config);
        return buildContext(services, caller, request.ip, null, request.headers['user-agent'] ?? null, exchange);
      } catch (error) {
        if (!isDatabaseUnreachable(error)) throw error;
        throw new GraphQLError(DATABASE_UNREACHABLE, {
          originalError: error as Error,
          extensions: { code: 'INTERNAL_SERVER_ERROR', http: { status: 503 } },
        });
      }
    },
  });
  // Once shutting down, every answer says Connection: close, so clients reconnect to another instance.
  let closing = false;
  http.addHook('onRequest', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  http.get('/healthz', async () => ({ status: 'ok' }));
  http.get('/readyz', async (_request, reply) => {
    const ready = await isDatabaseReachable(orm);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unreachable' });
  });

  const supportContext = (): SupportContext => ({
    em: orm.em.fork(),
    pubsub,
    outbound: outboxChannel,
    ticketsPerPhonePerHour: config.limits.ticketsPerPhonePerHour,
    satisfactionSurvey: config.satisfactionSurvey,
    reopenWithinMs: config.reopenWithinMs,
    handlers,
  });
  await registerWebhookRoute(http, {
    appSecret: config.whatsapp.appSecret,
    verifyToken: config.whatsapp.verifyToken,
    menu,
    logger,
    support: supportContext,
  });
  simulator?.registerCloudApi(http);
  registerReportRoutes(http, { orm, tokens, cookies: config });
  await registerMediaRoute(http, {
    orm,
    tokens,
    maxBytes: config.media.maxBytes,
    store: mediaStore,
    signer: new MediaUrlSigner(config.whatsapp.appSecret, config.media.urlTtlSeconds),
    logger,
    uploads: rateLimits.uploads,
    cookies: config,
    uploadTimeoutMs: timeouts.uploadTimeoutMs,
  });
  await registerAdminUi(http);
  const websocket = attachGraphqlWebSocket(
    http.server,
    GRAPHQL_PATH,
    schema,
    services,
    formatError,
    protections.validationRules,
  );
  let dispatcher: OutboxDispatcher | null = null;
  let mediaFetcher: MediaFetcher | null = null;
  let retentionTimer: NodeJS.Timeout | null = null;
  let snoozeSweep: Sweep | null = null;
  let slaSweep: Sweep | null = null;
  const sweepOldTickets = () =>
    deleteExpiredTickets(orm.em.fork(), config.retentionDays, { store: mediaStore, logger })
      .then(
        (deleted) =>
          deleted > 0 &&
          logger.info({ deleted, days: config.retentionDays }, 'retention: old resolved tickets deleted'),
      )
      .catch((error: unknown) => logger.error({ err: error }, 'retention sweep failed; it runs again in an hour'));

  return {
    http,
    services,
    async listen() {
      await http.listen({ port: config.port, host: config.host });
      const address = http.server.address() as AddressInfo;
      const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      const url = `http://${host}:${address.port}`;
      simulator?.attach(url);
      const { whatsapp } = config;
      const credentials = simulator
        ? { baseUrl: simulator.apiUrl, phoneNumberId: 'simulator', accessToken: simulator.accessToken }
        : whatsapp.accessToken && whatsapp.phoneNumberId
          ? { baseUrl: whatsapp.apiUrl, phoneNumberId: whatsapp.phoneNumberId, accessToken: whatsapp.accessToken }
          : null;
      if (credentials) {
        const client = new CloudApiClient({
          ...credentials,
          version: whatsapp.apiVersion,
          timeoutMs: whatsapp.timeoutMs,
        });
        const started = new OutboxDispatcher(
          orm,
          client,
          pubsub,
          logger,
          { ...defaultDispatcherOptions, ...config.outbox },
          mediaStore,
        );
        orm.em.getEventManager().registerSubscriber(new OutboxWakeup(() => started.wake()));
        started.start();
        dispatcher = started;
        // Typing indicators are best effort: a short wait, no retry (see typing-indicator.ts).
        const { media } = config;
        mediaFetcher = new MediaFetcher(
          orm,
          { ...credentials, version: whatsapp.apiVersion, timeoutMs: whatsapp.timeoutMs },
          mediaStore,
          pubsub,
          logger,
          {
            pollMs: media.pollMs,
            retryBaseMs: media.retryBaseMs,
            maxAttempts: media.fetchMaxAttempts,
            downloadTimeoutMs: media.fetchTimeoutMs,
            maxBytes: media.maxBytes,
          },
        );
        mediaFetcher.start();
        typingIndicator.attach(
          new CloudApiClient({
            ...credentials,
            version: whatsapp.apiVersion,
            timeoutMs: Math.min(whatsapp.timeoutMs, 5000),
          }),
        );
      } else {
        logger.warn('no WhatsApp credentials and the simulator is off: replies wait in the outbox');
      }
      if (config.retentionDays > 0) {
        void sweepOldTickets();
        retentionTimer = setInterval(sweepOldTickets, 3600_000);
        retentionTimer.unref();
      }
      snoozeSweep = startSnoozeSweep(supportContext, config.snoozeSweepMs, logger);
      slaSweep = startSweep(
        'sla',
        () => escalateBreachedTickets(supportContext()),
        config.slaSweepMs,
        logger,
        'sla: tickets past a target escalated',
      );
      return url;
    },
    async close() {
      // Order matters: stop taking work, let what is in flight finish, hand back claims, then let go of the database.
      const started = Date.now();
      const step = async (name: string, work: () => Promise<unknown>) => {
        await work();
        logger.debug({ step: name, ms: Date.now() - started }, 'shutdown step done');
      };
      if (retentionTimer) clearInterval(retentionTimer);
      closing = true;
      await step('websockets', () => websocket.close());
      presence.close();
      reports.close();
      // In-flight requests finish; keep-alive connections are closed as soon as they fall idle, and a
      // connection still busy after 8 s is cut, so that the whole stop stays under 10 s.
      const closeIdle = setInterval(() => http.server.closeIdleConnections(), 50);
      const cutStragglers = setTimeout(() => http.server.closeAllConnections(), 8000);
      await step('http', () => http.close());
      clearInterval(closeIdle);
      clearTimeout(cutStragglers);
      await step('graphql', () => apollo.stop());
      await step('snooze sweep', async () => snoozeSweep?.stop());
      await step('sla sweep', async () => slaSweep?.stop());
      await step('outbox', async () => dispatcher?.stop());
      await step('media', async () => mediaFetcher?.stop());
      await step('redis', () => shared.close());
      await step('database', () => orm.close(true));
    },
  };
}
