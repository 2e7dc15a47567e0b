// Which request a piece of work belongs to, carried across awaits (AsyncLocalStorage): every log line written
// while serving one request carries its id, and the trace id when tracing is on.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { currentTraceIds, outsideAnyTrace } from './tracing.js';

export interface RequestScope {
  requestId: string;
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** An incoming X-Request-Id is kept when it is sane: 1 to 128 letters, digits and `._:-`; otherwise a fresh one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
}

/** Runs `work` (and everything it starts) as part of the request `requestId`. */
export function runInRequest<T>(requestId: string, work: () => T): T {
  return scopes.run({ requestId }, work);
}

/**
 * Runs `work` outside any request and trace: a timer a request arms for background work (a poll loop woken by
 * a commit) must not lend that request's id and span to every round after it.
 */
export function detached<T>(work: () => T): T {
  return scopes.exit(() => outsideAnyTrace(work));
}

export function currentRequestId(): string | null {
  return scopes.getStore()?.requestId ?? null;
}

/** Pino's mixin: the fields every log line gets from the work it is written in. */
export function logFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const requestId = currentRequestId();
  if (requestId) fields.requestId = requestId;
  const trace = currentTraceIds();
  if (trace) {
    fields.traceId = trace.traceId;
    fields.spanId = trace.spanId;
  }
  return fields;
}
