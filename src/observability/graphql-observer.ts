// Each GraphQL operation counted and timed (by name, type and outcome) and, when tracing, a span named after it:
// over HTTP an Apollo plugin names the request's span (request-hooks.ts starts it); over the WebSocket each
// operation runs in a span and a request id of its own.
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { trace } from '@opentelemetry/api';
import { getOperationAST, type ExecutionArgs, type ExecutionResult } from 'graphql';
import { DomainError } from '../errors.js';
import type { DeskMetrics } from './metrics.js';
import { runInRequest } from './request-context.js';
import { SpanKind, withSpan, type Span } from './tracing.js';

const spanName = (type: string, name: string | null) => `${type} ${name ?? '(anonymous)'}`;

function nameSpan(span: Span | undefined, type: string, name: string | null): void {
  span?.updateName(spanName(type, name));
  span?.setAttributes({ 'graphql.operation.type': type, ...(name ? { 'graphql.operation.name': name } : {}) });
}

/** The first error's code, as the client sees it; null when there is none. */
function errorCode(errors: readonly { extensions?: Record<string, unknown>; originalError?: unknown }[] | undefined) {
  const first = errors?.[0];
  if (!first) return null;
  if (typeof first.extensions?.code === 'string') return first.extensions.code;
  return first.originalError instanceof DomainError ? first.originalError.code : 'INTERNAL_SERVER_ERROR';
}

export function observabilityPlugin(metrics: DeskMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = performance.now();
      const span = trace.getActiveSpan();
      let name: string | null = null;
      let type = 'unknown';
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          name = operation.name?.value ?? null;
          type = operation.operation;
          nameSpan(span, type, name);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const code = errorCode(errors);
          if (code) span?.setAttribute('graphql.error.code', code);
          metrics.observeGraphqlOperation(name, type, code, (performance.now() - started) / 1000);
        },
      };
    },
  };
}

/** Counts a subscription as active from its start until it ends, however it ends. */
function countedWhileRunning<T>(iterable: AsyncIterable<T>, metrics: DeskMetrics): AsyncIterableIterator<T> {
  const source = iterable[Symbol.asyncIterator]();
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    metrics.subscriptionEnded();
  };
  metrics.subscriptionStarted();
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      try {
        const item = await source.next();
        if (item.done) end();
        return item;
      } catch (error) {
        end();
        throw error;
      }
    },
    async return(value?: unknown) {
      end();
      return source.return ? source.return(value) : { done: true, value: value as T };
    },
    async throw(error?: unknown) {
      end();
      if (source.throw) return source.throw(error);
      throw error;
    },
  };
}

type Result = ExecutionResult | AsyncIterable<ExecutionResult>;
type Run = (args: ExecutionArgs) => Result | Promise<Result>;

const isAsyncIterable = (value: Result): value is AsyncIterable<ExecutionResult> => Symbol.asyncIterator in value;

/** Wraps graphql-ws's execute or subscribe: a request id, a span, the operation's figures, active subscriptions. */
export function observedOperation(metrics: DeskMetrics, run: Run) {
  return (args: ExecutionArgs): Promise<Result> => {
    const operation = getOperationAST(args.document, args.operationName);
    const name = operation?.name?.value ?? null;
    const type = operation?.operation ?? 'unknown';
    const started = performance.now();
    return runInRequest(randomUUID(), () =>
      withSpan(
        spanName(type, name),
        {},
        async (span) => {
          nameSpan(span, type, name);
          const result = await run(args);
          const seconds = (performance.now() - started) / 1000;
          if (isAsyncIterable(result)) {
            metrics.observeGraphqlOperation(name, type, null, seconds);
            return countedWhileRunning(result, metrics);
          }
          const code = errorCode(result.errors);
          if (code) span.setAttribute('graphql.error.code', code);
          metrics.observeGraphqlOperation(name, type, code, seconds);
          return result;
        },
        { kind: SpanKind.SERVER },
      ),
    );
  };
}
