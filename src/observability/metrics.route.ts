// Where Prometheus scrapes: /metrics on the main port for a scraper with METRICS_TOKEN (404 when no token is
// set, 401 for a wrong one), and/or on METRICS_LISTEN, an address of its own that needs no token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Logger } from '../logger.js';
import type { DeskMetrics } from './metrics.js';

export const METRICS_PATH = '/metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Compares digests, so that neither the token's content nor its length shows in the time taken. */
function isMetricsToken(header: string | undefined, token: string): boolean {
  const given = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

export function registerMetricsRoute(http: FastifyInstance, metrics: DeskMetrics, token: string | null): void {
  http.get(METRICS_PATH, async (request, reply) => {
    if (!token) return reply.code(404).send({ error: 'not found' });
    if (!isMetricsToken(request.headers.authorization, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: 'send the metrics token (METRICS_TOKEN) as Authorization: Bearer <token>' });
    }
    const body = await metrics.scrape();
    return reply.header('cache-control', 'no-store').type(metrics.contentType).send(body);
  });
}

export interface MetricsListener {
  /** e.g. http://127.0.0.1:9464 */
  url: string;
  close(): Promise<void>;
}

/** Serves GET /metrics, and nothing else, on an address of its own. */
export async function listenForScrapes(
  metrics: DeskMetrics,
  address: { host: string; port: number },
  logger: Logger,
): Promise<MetricsListener> {
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== METRICS_PATH) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    metrics.scrape().then(
      (body) => response.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' }).end(body),
      (error: unknown) => {
        logger.error({ err: error }, 'metrics scrape failed');
        response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address.port, address.host, () => resolve());
  });
  const { address: host, port, family } = server.address() as AddressInfo;
  const url = `http://${family === 'IPv6' ? `[${host}]` : host}:${port}`;
  logger.info({ url: `${url}${METRICS_PATH}` }, 'metrics served on their own address');
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
