// An operator's Prometheus scrapes /metrics and sees the desk's work move the figures: GraphQL operations,
// WebSockets and subscriptions, Cloud API sends, the outbox, SQL statements; and nobody else can scrape it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startCloudApiStandIn, type CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import {
  createTicket,
  databases,
  eventually,
  inboundText,
  postWebhook,
  startServer,
  uniquePhone,
  type TestServer,
} from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';
import { hasSample, sampleSum } from './prometheus-text.js';

const METRICS_TOKEN = 'metrics-token-for-the-scraper';

describe.each(databases)('metrics on %s', (kind) => {
  let standIn: CloudApiStandIn;
  let server: TestServer;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    server = await startServer(kind, standIn.env({ METRICS_TOKEN, METRICS_LISTEN: '127.0.0.1:0' }));
  });
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });

  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  it('answers a scrape without the token, or with a wrong one, with 401 and no figures', async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-at-all' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('desk_');
  });

  it('counts GraphQL operations by name and outcome, with their latency', async () => {
    const before = await scrape();
    await server.ok('query DeskMe { me { id } }');
    const refused = await server.gql('query DeskMe { me { id } }', {}, null);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const after = await scrape();
    const ok = { operation: 'DeskMe', type: 'query', outcome: 'ok' };
    expect(
      sampleSum(after, 'desk_graphql_operations_total', ok) - sampleSum(before, 'desk_graphql_operations_total', ok),
    ).toBe(1);
    const failed = { operation: 'DeskMe', outcome: 'UNAUTHENTICATED' };
    expect(
      sampleSum(after, 'desk_graphql_operations_total', failed) -
        sampleSum(before, 'desk_graphql_operations_total', failed),
    ).toBe(1);
    expect(sampleSum(after, 'desk_graphql_operation_seconds_count', { operation: 'DeskMe' })).toBeGreaterThanOrEqual(2);
    expect(sampleSum(after, 'desk_db_queries_total', { outcome: 'ok' })).toBeGreaterThan(
      sampleSum(before, 'desk_db_queries_total', { outcome: 'ok' }),
    );
    expect(sampleSum(after, 'desk_db_query_seconds_count')).toBeGreaterThan(0);
  });

  it.runIf(kind === 'mariadb')(
    'shows the connection pool: connections used while a query waits on a lock',
    async () => {
      const { createConnection } = await import('mysql2/promise');
      const ticket = await createTicket(server, {});
      const idle = await scrape();
      expect(sampleSum(idle, 'desk_db_pool_max')).toBe(10);
      expect(sampleSum(idle, 'desk_db_pool_waiting')).toBe(0);
      // Another client holds the ticket's row; five changes to it wait, each holding a pooled connection (a scrape's
      // own queries take at most three more, so five in use says the waiting changes are seen).
      const database = server.database as { url: string; dbName: string };
      const blocker = await createConnection({ uri: database.url.replace(/^mariadb:/, 'mysql:') });
      try {
        await blocker.query('begin');
        await blocker.query('select id from support_tickets where id = ? for update', [Number(ticket.id)]);
        const changes = (['LOW', 'MEDIUM', 'HIGH', 'URGENT', 'LOW'] as const).map((priority) =>
          server.gql(
            'mutation Stuck($id: ID!, $p: TicketPriority!) { setTicketPriority(ticketId: $id, priority: $p) { id } }',
            { id: ticket.id, p: priority },
            server.adminToken,
          ),
        );
        await eventually(async () =>
          sampleSum(await scrape(), 'desk_db_pool_connections', { state: 'used' }) >= 5 ? true : undefined,
        );
        await blocker.query('rollback');
        for (const change of await Promise.all(changes)) expect(change.errors).toBeUndefined();
      } finally {
        await blocker.end();
      }
      const after = await scrape();
      expect(sampleSum(after, 'desk_db_pool_connections', { state: 'used' })).toBeLessThan(5);
      expect(sampleSum(after, 'desk_db_pool_connections', { state: 'idle' })).toBeGreaterThanOrEqual(2);
    },
  );

  it.runIf(kind === 'sqlite')('has no pool gauges on SQLite (one connection, no pool)', async () => {
    expect(hasSample(await scrape(), 'desk_db_pool_max')).toBe(false);
  });

  it('shows open WebSockets and active subscriptions, and their end', async () => {
    expect(sampleSum(await scrape(), 'desk_subscriptions_active')).toBe(0);
    const feed = await subscribe(server, server.adminToken, 'subscription { messageAdded { id } }');
    const during = await scrape();
    expect(sampleSum(during, 'desk_websockets_open')).toBe(1);
    expect(sampleSum(during, 'desk_subscriptions_active')).toBe(1);
    expect(sampleSum(during, 'desk_graphql_operations_total', { type: 'subscription', outcome: 'ok' })).toBe(1);
    feed.stop();
    await eventually(async () => (sampleSum(await scrape(), 'desk_subscriptions_active') === 0 ? true : undefined));
  });

  it('counts a WhatsApp reply sent through the outbox to the Cloud API, and the outbox empties', async () => {
    const before = await scrape();
    const phone = uniquePhone();
    expect((await postWebhook(server, inboundText(phone, 'hello').body)).status).toBe(200);
    await standIn.waitFor((requests) => requests.some((request) => request.body.to === phone));
    const accepted = { call: 'send', outcome: 'accepted' };
    const after = await eventually(async () => {
      const text = await scrape();
      return sampleSum(text, 'desk_cloud_api_requests_total', accepted) >
        sampleSum(before, 'desk_cloud_api_requests_total', accepted) && sampleSum(text, 'desk_outbox_depth') === 0
        ? text
        : undefined;
    });
    expect(sampleSum(after, 'desk_cloud_api_request_seconds_count', { call: 'send' })).toBeGreaterThan(0);
    expect(sampleSum(after, 'desk_outbox_depth', { channel: 'whatsapp' })).toBe(0);
    expect(sampleSum(after, 'desk_outbox_oldest_pending_seconds', { channel: 'whatsapp' })).toBe(0);
    expect(sampleSum(after, 'desk_inbound_parked')).toBe(0);
  });

  it('shows a waiting reply in the outbox depth and the age of the oldest', async () => {
    standIn.slowDown(1500);
    try {
      const phone = uniquePhone();
      expect((await postWebhook(server, inboundText(phone, 'are you there?').body)).status).toBe(200);
      const waiting = await eventually(async () => {
        const text = await scrape();
        return sampleSum(text, 'desk_outbox_depth', { channel: 'whatsapp' }) > 0 ? text : undefined;
      });
      expect(sampleSum(waiting, 'desk_outbox_oldest_pending_seconds', { channel: 'whatsapp' })).toBeGreaterThanOrEqual(
        0,
      );
    } finally {
      standIn.recover();
    }
    await eventually(async () => (sampleSum(await scrape(), 'desk_outbox_depth') === 0 ? true : undefined));
  });

  it('has the webhook-delivery and process metrics, event-loop lag among them', async () => {
    const text = await scrape();
    for (const name of [
      'desk_webhook_deliveries_total',
      'desk_webhook_delivery_seconds_count',
      'nodejs_eventloop_lag_seconds',
      'process_resident_memory_bytes',
    ])
      expect(hasSample(text, name), name).toBe(true);
    server.server.services.metrics.recordWebhookDelivery('delivered', 0.2);
    expect(sampleSum(await scrape(), 'desk_webhook_deliveries_total', { outcome: 'delivered' })).toBe(1);
  });

  it('serves /metrics without a token on METRICS_LISTEN, and nothing else there', async () => {
    const address = server.server.metricsUrl();
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${address}/metrics`);
    expect(response.status).toBe(200);
    expect(hasSample(await response.text(), 'desk_graphql_operations_total')).toBe(true);
    expect((await fetch(`${address}/graphql`)).status).toBe(404);
  });
});

describe('metrics without METRICS_TOKEN', () => {
  it('are not on the main port at all: /metrics is 404', async () => {
    const server = await startServer('sqlite');
    try {
      const response = await fetch(`${server.url}/metrics`, {
        headers: { authorization: 'Bearer anything-at-all-here' },
      });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('desk_');
    } finally {
      await server.close();
    }
  });
});

describe('observability settings', () => {
  it('refuse a short metrics token without repeating it, and a listen address that is not host:port', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short-secret' })).toThrow(
      new ConfigError('METRICS_TOKEN must be 16 to 256 printable characters without spaces'),
    );
    expect(() => loadConfig({ METRICS_LISTEN: '9464' })).toThrow(/^METRICS_LISTEN must be host:port/);
    expect(() => loadConfig({ METRICS_LISTEN: '127.0.0.1:70000' })).toThrow(/^METRICS_LISTEN must be host:port/);
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      /^OTEL_EXPORTER_OTLP_ENDPOINT must be an http\(s\) URL/,
    );
  });

  it('read an IPv6 listen address, and the traces URL under the OTLP base, or its own', () => {
    const config = loadConfig({ METRICS_LISTEN: '[::1]:9464', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' });
    expect(config.observability).toEqual({
      metricsToken: null,
      metricsListen: { host: '::1', port: 9464 },
      tracesEndpoint: 'http://collector:4318/v1/traces',
      serviceName: 'support-desk',
    });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otlp.example.org/traces' }).observability
        .tracesEndpoint,
    ).toBe('https://otlp.example.org/traces');
    expect(loadConfig({}).observability.tracesEndpoint).toBeNull();
  });
});
