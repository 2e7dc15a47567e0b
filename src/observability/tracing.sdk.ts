// OpenTelemetry's SDK, loaded (by tracing.ts, with a dynamic import) only when an OTLP endpoint is configured:
// spans are batched and posted as OTLP/HTTP JSON; outgoing fetch calls (the Cloud API, S3) get client spans.
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';

/** The URL without its query: signed download URLs carry credentials there. */
function withoutQuery(origin: string, path: string): string {
  const cut = path.indexOf('?');
  return `${origin}${cut === -1 ? path : path.slice(0, cut)}`;
}

/** Registers the SDK as OpenTelemetry's global one; `shutdown` sends what is buffered and unregisters it. */
export function startSdk(endpoint: string, serviceName: string): { shutdown(): Promise<void> } {
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [
      new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: endpoint }), scheduledDelayMillis: 1000 }),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  const undici = new UndiciInstrumentation({
    // A fetch outside any traced work (a poll with nothing to do) would be a trace of its own: noise.
    requireParentforSpans: true,
    startSpanHook: (request) => ({ 'url.full': withoutQuery(request.origin, request.path), 'url.query': '' }),
  });
  undici.setTracerProvider(provider);
  undici.enable();
  return {
    async shutdown() {
      undici.disable();
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
