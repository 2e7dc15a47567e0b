// Spans for the code that wants them, through OpenTelemetry's API alone: without OTEL_EXPORTER_OTLP_ENDPOINT no
// SDK is loaded and every call here is a no-op. With it, tracing.sdk.ts is imported once, at start.
import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';
import type { ObservabilityConfig } from '../config.js';

export { SpanKind, type Attributes, type Span };

const TRACER_NAME = 'support-desk';

export const tracer = () => trace.getTracer(TRACER_NAME);

/** A W3C `traceparent` header: version-traceid-spanid-flags. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The context a stored or received `traceparent` stands for; ROOT_CONTEXT when it is absent or malformed. */
export function contextFromTraceparent(traceparent: string | null | undefined): Context {
  const match = traceparent ? TRACEPARENT.exec(traceparent) : null;
  if (!match || /^0+$/.test(match[1]!) || /^0+$/.test(match[2]!)) return ROOT_CONTEXT;
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId: match[1]!,
    spanId: match[2]!,
    traceFlags: Number.parseInt(match[3]!, 16),
    isRemote: true,
  });
}

/** The current span as a `traceparent`, to store with work done later (an outbox row); null when not tracing. */
export function traceparentNow(): string | null {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return null;
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags.toString(16).padStart(2, '0')}`;
}

/** Runs `work` with no active span (background work that must not join whatever trace started it). */
export function outsideAnyTrace<T>(work: () => T): T {
  return context.with(ROOT_CONTEXT, work);
}

/** The current trace and span ids, for log lines; null when not tracing. */
export function currentTraceIds(): { traceId: string; spanId: string } | null {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return null;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

export interface SpanOptions {
  /**
   * The parent: a stored `traceparent` (work that continues a request's trace later), null for a new trace, or
   * undefined for the span active now.
   */
  parent?: string | null;
  kind?: SpanKind;
}

/** Runs `work` inside a span named `name`; the span ends when `work` settles and records a thrown error. */
export async function withSpan<T>(
  name: string,
  attributes: Attributes,
  work: (span: Span) => Promise<T>,
  options: SpanOptions = {},
): Promise<T> {
  const parent = options.parent === undefined ? context.active() : contextFromTraceparent(options.parent);
  const span = tracer().startSpan(name, { attributes, kind: options.kind ?? SpanKind.INTERNAL }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR });
    throw error;
  } finally {
    span.end();
  }
}

/** Whether the work running now is part of a recorded trace (false whenever tracing is off). */
export const isTraced = (): boolean => trace.getActiveSpan()?.isRecording() ?? false;

/** Records a span that already happened (a database query, timed by the ORM), under the active span only. */
export function recordFinishedSpan(name: string, attributes: Attributes, durationMs: number, failed: boolean): void {
  if (!isTraced()) return;
  const end = Date.now();
  const span = tracer().startSpan(name, { attributes, kind: SpanKind.CLIENT, startTime: end - durationMs });
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
}

export interface Tracing {
  /** Sends the spans still buffered and stops; the last step of a shutdown. */
  shutdown(): Promise<void>;
}

let started: { tracing: Promise<Tracing>; users: number } | null = null;

/**
 * Starts the SDK when an OTLP endpoint is configured; null otherwise. Tracing is the process's (OpenTelemetry's
 * API is global): several servers in one process (the tests) share it, and the last to stop shuts it down.
 */
export async function startTracing(config: ObservabilityConfig): Promise<Tracing | null> {
  const endpoint = config.tracesEndpoint;
  if (!endpoint) return null;
  if (!started) {
    const tracing = import('./tracing.sdk.js').then((sdk) => sdk.startSdk(endpoint, config.serviceName));
    started = { tracing, users: 0 };
  }
  const shared = started;
  shared.users += 1;
  await shared.tracing;
  return {
    async shutdown() {
      shared.users -= 1;
      if (shared.users > 0) return;
      if (started === shared) started = null;
      await (await shared.tracing).shutdown();
    },
  };
}
