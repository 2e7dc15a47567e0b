// Assembles the process, in order: the database, the services that live as long as it, the GraphQL server,
// the HTTP routes, the background jobs; and owns how it starts listening and how it stops.
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import type { FastifyInstance } from 'fastify';
import { createAppServices } from './app.services.js';
import { ensureFirstAdmin } from './auth/auth.service.js';
import { scryptParams } from './auth/password.js';
import { generatePassword, type Config } from './config.js';
import { createOrm, migrateUp } from './db/orm.js';
import type { AppServices } from './graphql/context.js';
import { createGraphqlServer } from './graphql/graphql.server.js';
import { closeHttpServer, createHttpServer } from './http/http.server.js';
import { registerRoutes } from './http/routes.js';
import { createBackgroundJobs } from './jobs/background-jobs.js';
import { createLogger, type Logger } from './logger.js';
import { watchConnectionPool, watchDatabase } from './observability/database-gauges.js';
import { DeskMetrics } from './observability/metrics.js';
import { listenForScrapes, type MetricsListener } from './observability/metrics.route.js';
import { startTracing } from './observability/tracing.js';
import { createSupportContext } from './support/support-context.factory.js';
import { loadBotMenu } from './whatsapp/bot.menu.js';
import { connectCloudApi } from './whatsapp/cloud-api.connect.js';

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
  /** Where METRICS_LISTEN serves /metrics once listening (e.g. http://127.0.0.1:9464); null without it. */
  metricsUrl(): string | null;
  close(): Promise<void>;
}

export async function createServer(config: Config, options: ServerOptions = {}): Promise<SupportServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const menu = loadBotMenu(config.bot.menuFile, config.bot.greeting);
  const tracing = await startTracing(config.observability);
  const metrics = new DeskMetrics();
  const orm = await openDatabase(config, logger, options.onQuery, metrics);
  watchDatabase(metrics, orm, logger);
  watchConnectionPool(metrics, orm, config.database.dialect);
  const { app, typingIndicator, closeSharedState } = createAppServices(config, orm, logger, menu, metrics);
  const support = () => createSupportContext(app);
  const graphql = await createGraphqlServer(app);
  const http = createHttpServer(config, logger);
  let closing = false;
  let metricsListener: MetricsListener | null = null;
  await registerRoutes(http, app, { graphql, support, isClosing: () => closing });
  const jobs = createBackgroundJobs(app, support);

  return {
    http,
    services: app,
    async listen() {
      await http.listen({ port: config.port, host: config.host });
      const url = listeningUrl(http.server.address() as AddressInfo);
      const { metricsListen } = config.observability;
      if (metricsListen) metricsListener = await listenForScrapes(metrics, metricsListen, logger);
      // The simulator's Cloud API lives at the server's own address: known only now.
      app.simulator?.attach(url);
      const cloudApi = connectCloudApi(config.whatsapp, app.simulator, metrics);
      if (cloudApi) typingIndicator.attach(cloudApi);
      jobs.start(cloudApi);
      return url;
    },
    metricsUrl: () => metricsListener?.url ?? null,
    async close() {
      // Order matters: stop taking work, let what is in flight finish, hand back claims, then let go of the database.
      const started = Date.now();
      const step = async (name: string, work: () => Promise<unknown>) => {
        await work();
        logger.debug({ step: name, ms: Date.now() - started }, 'shutdown step done');
      };
      closing = true;
      await step('websockets', () => graphql.closeWebSockets());
      app.presence.close();
      app.reports.close();
      await step('http', () => closeHttpServer(http));
      await step('metrics', async () => metricsListener?.close());
      await step('graphql', () => graphql.stop());
      await step('background jobs', () => jobs.stop());
      await step('redis', () => closeSharedState());
      await step('database', () => orm.close(true));
      await step('tracing', async () => tracing?.shutdown());
    },
  };
}

/** Opens the database, brings its schema up to date, and makes sure someone can sign in. */
async function openDatabase(
  config: Config,
  logger: Logger,
  onQuery: ((sql: string) => void) | undefined,
  metrics: DeskMetrics,
): Promise<MikroORM> {
  const orm = await createOrm(config.database, {
    onQuery,
    observeQuery: {
      statement: (milliseconds, failed) => metrics.observeQuery(milliseconds, failed),
      committed: () => metrics.observeCommit(),
    },
  });
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
  return orm;
}

function listeningUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}
