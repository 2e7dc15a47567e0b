// Every HTTP route the desk serves, in the order they are registered: GraphQL, health probes, the WhatsApp
// webhook (and the simulator's Cloud API), reports, media, and the admin UI.
import type { MikroORM } from '@mikro-orm/core';
import type { FastifyInstance } from 'fastify';
import { registerAdminUi } from '../admin-ui.js';
import type { AppServices } from '../graphql/context.js';
import type { GraphqlServer } from '../graphql/graphql.server.js';
import { registerMediaRoute } from '../media/media.route.js';
import { MediaUrlSigner } from '../media/media.signing.js';
import { registerReportRoutes } from '../reports/report.route.js';
import type { SupportContext } from '../support/support.context.js';
import { registerWebhookRoute } from '../whatsapp/webhook.route.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerMetricsRoute } from '../observability/metrics.route.js';
import { observeRequests } from '../observability/request-hooks.js';

export interface RouteParts {
  graphql: GraphqlServer;
  /** A fresh SupportContext per webhook delivery. */
  support: () => SupportContext;
  /** Whether the server is shutting down. */
  isClosing: () => boolean;
}

export async function registerRoutes(http: FastifyInstance, app: AppServices, parts: RouteParts): Promise<void> {
  const { config, orm, tokens, logger } = app;
  observeRequests(http, logger);
  await registerSecurityHeaders(http, config.publicUrl);
  await parts.graphql.mount(http);
  // Once shutting down, every answer says Connection: close, so clients reconnect to another instance.
  http.addHook('onRequest', async (_request, reply) => {
    if (parts.isClosing()) reply.header('connection', 'close');
  });
  registerHealthRoutes(http, orm);
  registerMetricsRoute(http, app.metrics, config.observability.metricsToken);
  await registerWebhookRoute(http, {
    appSecret: config.whatsapp.appSecret,
    verifyToken: config.whatsapp.verifyToken,
    menu: app.menu,
    logger,
    support: parts.support,
    groups: config.ingest,
  });
  app.simulator?.registerCloudApi(http);
  registerReportRoutes(http, { orm, tokens, cookies: config });
  await registerMediaRoute(http, {
    orm,
    tokens,
    maxBytes: config.media.maxBytes,
    store: app.media,
    signer: new MediaUrlSigner(config.whatsapp.appSecret, config.media.urlTtlSeconds),
    logger,
    uploads: app.rateLimits.uploads,
    cookies: config,
    uploadTimeoutMs: config.http.uploadTimeoutMs,
  });
  await registerAdminUi(http);
}

/** /healthz: the process answers; /readyz: and its database does too. */
function registerHealthRoutes(http: FastifyInstance, orm: MikroORM): void {
  http.get('/healthz', async () => ({ status: 'ok' }));
  http.get('/readyz', async (_request, reply) => {
    const ready = await isDatabaseReachable(orm);
    return reply.code(ready ? 200 : 503).send({ status: ready ? 'ready' : 'database unreachable' });
  });
}

async function isDatabaseReachable(orm: MikroORM): Promise<boolean> {
  try {
    await orm.em.fork().getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}
