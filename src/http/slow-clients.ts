// What a slow or greedy client may hold: a deadline for each request body (longer for uploads, set per route
// as `config.bodyTimeoutMs`), and a cap on the connections one address keeps open. Node's own timeouts
// (headers, whole request, idle, keep-alive) are set where the server is made (server.ts).
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpConfig } from '../config.js';
import type { Logger } from '../logger.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How long this route's request body may take to arrive; the server's HTTP_BODY_TIMEOUT_MS otherwise. */
    bodyTimeoutMs?: number;
  }
}

const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/**
 * A body still arriving at its deadline is answered 408 and its connection closed. Node's requestTimeout is one
 * value for the whole server, so it is set to the longest (uploads) and this hook holds every other route to less.
 */
export function limitBodyTime(http: FastifyInstance, config: HttpConfig, logger: Logger): void {
  http.addHook('onRequest', (request, reply, done) => {
    if (!hasBody(request)) return done();
    const raw = request.raw;
    const ms = request.routeOptions.config?.bodyTimeoutMs ?? config.bodyTimeoutMs;
    const timer = setTimeout(() => {
      if (raw.complete) return;
      logger.info(
        { url: request.url, ip: request.ip, ms },
        'a request body took too long to arrive; connection closed',
      );
      if (!reply.raw.headersSent) {
        reply.hijack();
        reply.raw.writeHead(408, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
        reply.raw.end(JSON.stringify({ error: `the request body did not arrive within ${ms / 1000} s` }));
      }
      // Whatever the client still sends is not read: the connection ends now.
      raw.socket.destroySoon();
      setTimeout(() => raw.socket.destroy(), 1000).unref();
    }, ms);
    // A body never read (a refused upload) ends with its socket, not with an 'end' of its own.
    const socket = raw.socket;
    const clear = () => {
      clearTimeout(timer);
      raw.off('end', clear);
      raw.off('close', clear);
      socket.off('close', clear);
    };
    raw.once('end', clear);
    raw.once('close', clear);
    socket.once('close', clear);
    done();
  });
}

/** Refuses a new connection from an address that already holds `max` (0: no cap). */
export function capConnectionsPerAddress(server: Server, max: number, logger: Logger): void {
  if (max <= 0) return;
  const open = new Map<string, number>();
  let warned = new Set<string>();
  setInterval(() => (warned = new Set()), 60_000).unref();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= max) {
      if (!warned.has(address))
        logger.warn({ address, max }, 'an address holds too many connections; new ones are refused');
      warned.add(address);
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
