// Every HTTP request runs in its own scope: its request id (an incoming sane X-Request-Id, or a new one) is
// echoed in X-Request-Id and carried by every log line of its work; when tracing, it runs in a server span
// (continuing an incoming `traceparent`) that GraphQL renames after its operation.
import type { IncomingMessage } from 'node:http';
import { context, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from '../logger.js';
import { requestIdFrom, runInRequest } from './request-context.js';
import { contextFromTraceparent, SpanKind, tracer } from './tracing.js';

/** Fastify's genReqId: the id every request's scope and answer carry. */
export const genRequestId = (request: IncomingMessage): string => requestIdFrom(request.headers['x-request-id']);

const spans = new WeakMap<FastifyRequest, Span>();

function endSpan(request: FastifyRequest, status: number | null): void {
  const span = spans.get(request);
  if (!span) return;
  spans.delete(request);
  if (status !== null) span.setAttribute('http.response.status_code', status);
  if (status === null || status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** Register before any other hook or route, so that all of them run inside the request's scope. */
export function observeRequests(http: FastifyInstance, logger: Logger): void {
  // Every request, refused early (401, 413) or not, has its scope and span from its first hook on.
  const inScope = (request: FastifyRequest, work: () => void) => {
    const span = spans.get(request);
    return context.with(span ? trace.setSpan(context.active(), span) : context.active(), () =>
      runInRequest(request.id, work),
    );
  };
  http.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    const traceparent = request.headers.traceparent;
    const parent = contextFromTraceparent(typeof traceparent === 'string' ? traceparent : null);
    const route = request.routeOptions.url ?? 'unknown route';
    const span = tracer().startSpan(
      `${request.method} ${route}`,
      { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route } },
      parent,
    );
    spans.set(request, span);
    context.with(trace.setSpan(parent, span), () => runInRequest(request.id, done));
  });
  // The body has been read by now: its stream's events ran outside the scope, so the handler is put back in it.
  http.addHook('preHandler', (request, _reply, done) => inScope(request, done));
  http.addHook('onResponse', (request, reply, done) => {
    // An access log at debug (LOG_LEVEL=debug): which request, how it ended, how long it took; in its span.
    inScope(request, () =>
      logger.debug(
        { method: request.method, route: request.routeOptions.url, status: reply.statusCode, ms: reply.elapsedTime },
        'request answered',
      ),
    );
    endSpan(request, reply.statusCode);
    done();
  });
  http.addHook('onRequestAbort', (request, done) => {
    endSpan(request, null);
    done();
  });
}
