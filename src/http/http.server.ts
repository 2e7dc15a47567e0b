// The Fastify server every route is served from, with its timeouts and limits on slow and greedy clients,
// and how it stops: in-flight requests finish, idle connections close, stragglers are cut.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { genRequestId } from '../observability/request-hooks.js';
import { capConnectionsPerAddress, limitBodyTime } from './slow-clients.js';

export function createHttpServer(config: Config, logger: Logger): FastifyInstance {
  const { http: timeouts, trustProxy } = config;
  // Node's requestTimeout is one value for the server: the longest any body may take (uploads); limitBodyTime
  // holds every other route to HTTP_BODY_TIMEOUT_MS. Deadlines are checked every connectionsCheckingInterval.
  const longestRequestMs = Math.max(timeouts.uploadTimeoutMs, timeouts.bodyTimeoutMs, timeouts.headersTimeoutMs);
  const http = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 1024 * 1024,
    // The request id is ours (request-hooks.ts): an incoming sane X-Request-Id, or a new one.
    genReqId: genRequestId,
    requestIdHeader: false,
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
  return http;
}

/**
 * In-flight requests finish; keep-alive connections are closed as soon as they fall idle, and a connection
 * still busy after 8 s is cut, so that the whole stop stays under 10 s.
 */
export async function closeHttpServer(http: FastifyInstance): Promise<void> {
  const closeIdle = setInterval(() => http.server.closeIdleConnections(), 50);
  const cutStragglers = setTimeout(() => http.server.closeAllConnections(), 8000);
  try {
    await http.close();
  } finally {
    clearInterval(closeIdle);
    clearTimeout(cutStragglers);
  }
}
