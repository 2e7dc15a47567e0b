// Compiled execution (graphql-jit) for queries over HTTP: Apollo still parses, validates (our limits), and runs
// every plugin (auth, metrics, tracing); this plugin only answers `responseForOperation` from a query compiled
// once into plain JavaScript, instead of graphql-js walking the document for every request.
import type {
  ApolloServerPlugin,
  GraphQLRequestContextResponseForOperation,
  GraphQLRequestListener,
} from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { DeskMetrics } from '../observability/metrics.js';
import type { GraphqlContext } from './context.js';
import { SecondSightCache } from '../second-sight-cache.js';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
type Compiled = CompiledQuery | 'not compiled';

/** How many compiled queries are kept; the desk's client sends a few dozen distinct documents. */
export const COMPILED_QUERY_CACHE_SIZE = 200;

/**
 * What Apollo's pipeline does to a result's errors after executing (unexported there): the code defaults to
 * INTERNAL_SERVER_ERROR, `extensions.http` becomes the answer's status, then our formatter decides what shows
 * (and logs what is unexpected). Apollo's `didEncounterErrors` hook is not called for them: no plugin of ours
 * listens to it.
 */
function formatErrors(errors: readonly GraphQLError[], formatError: FormatError) {
  let status: number | undefined;
  const formatted = errors.map((error) => {
    const { http, ...extensions } = (error.extensions ?? {}) as { http?: { status?: number }; code?: unknown };
    if (typeof http?.status === 'number') status = http.status;
    const enriched = {
      ...error.toJSON(),
      extensions: { ...extensions, code: extensions.code ?? 'INTERNAL_SERVER_ERROR' },
    };
    try {
      return formatError(enriched, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
  return { formatted, status };
}

export function compiledExecutionPlugin(
  schema: GraphQLSchema,
  formatError: FormatError,
  metrics: DeskMetrics,
  capacity = COMPILED_QUERY_CACHE_SIZE,
): ApolloServerPlugin<GraphqlContext> {
  // Compiling costs far more than one execution, so a document is compiled the second time it is seen: a
  // stream of one-off documents then costs nothing extra and cannot push the desk's own queries out.
  const cache = new SecondSightCache<string, Compiled>(capacity);
  const compile = (context: GraphQLRequestContextResponseForOperation<GraphqlContext>): Compiled => {
    const compiled = compileQuery(schema, context.document, context.operationName ?? undefined);
    return isCompiledQuery(compiled) ? compiled : 'not compiled';
  };

  // One listener for every request: it keeps nothing of a request's own.
  const listener: GraphQLRequestListener<GraphqlContext> = {
    async responseForOperation(context) {
      // Mutations and anything unusual keep graphql-js: only reads are hot, and only they are safe to re-run.
      // Apollo calls this hook even when operationName names no operation in the document (its types say
      // otherwise); graphql-js then answers with the clear 400.
      const operation = context.operation as typeof context.operation | undefined;
      if (operation?.operation !== 'query') return null;
      const key = `${context.queryHash}\n${context.operationName ?? ''}`;
      const compiled = cache.get(key) ?? (cache.sawBefore(key) ? cache.keep(key, compile(context)) : null);
      if (!compiled || compiled === 'not compiled') return null;
      const result = await compiled.query(undefined, context.contextValue, context.request.variables ?? {});
      // No data means the variables did not coerce and nothing ran: graphql-js answers that, word for word.
      if (!('data' in result) || result.data === undefined) return null;
      metrics.compiledAnswer();
      const http = { status: undefined as number | undefined, headers: new HeaderMap() };
      if (!result.errors?.length) return { http, body: { kind: 'single', singleResult: { data: result.data } } };
      const { formatted, status } = formatErrors(result.errors, formatError);
      http.status = status;
      return { http, body: { kind: 'single', singleResult: { errors: formatted, data: result.data } } };
    },
  };
  return { requestDidStart: async () => listener };
}
