// The GraphQL server: one schema served over HTTP (Apollo, on Fastify) and over WebSocket (graphql-ws), on
// the same path, with the same error formatting, query limits and authentication.
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import {
  clearSessionCookie,
  isChangingMethod,
  readCookies,
  requestToken,
  SESSION_COOKIE,
  type HttpExchange,
} from '../auth/session-cookie.js';
import { isDatabaseUnreachable } from '../db/transient.js';
import { observabilityPlugin } from '../observability/graphql-observer.js';
import { authPlugin } from './auth.plugin.js';
import { compiledExecutionPlugin } from './compiled-execution.js';
import { buildContext, type AppServices, type GraphqlContext } from './context.js';
import { createErrorFormatter, DATABASE_UNREACHABLE } from './format-error.js';
import { queryLimitProtections } from './limits.js';
import { createSchema } from './schema.js';
import { attachGraphqlWebSocket } from './websocket.js';

export const GRAPHQL_PATH = '/graphql';

export interface GraphqlServer {
  /** Serves GraphQL on `http` at /graphql: queries and mutations over HTTP, everything over WebSocket. */
  mount(http: FastifyInstance): Promise<void>;
  /** Closes every WebSocket (subscriptions end); the first step of a shutdown. */
  closeWebSockets(): Promise<void>;
  /** Stops Apollo, once HTTP has stopped taking requests. */
  stop(): Promise<void>;
}

export async function createGraphqlServer(app: AppServices): Promise<GraphqlServer> {
  const { config, logger } = app;
  const schema = await createSchema(app.pubsub);
  const formatError = createErrorFormatter(logger);
  const protections = queryLimitProtections(config.limits);
  const apollo = new ApolloServer<GraphqlContext>({
    schema,
    // Apollo's defaults follow NODE_ENV: ours, from the one config, not whatever the process was started with.
    nodeEnv: config.env,
    // The schema is for every caller with a valid token or session, in production too (tools need it);
    // authPlugin refuses introspection, like every operation but login, to callers without one.
    introspection: true,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Shutdown is ours (main.ts): Apollo must not stop by itself on SIGTERM while requests are in flight.
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    // Compact JSON: Apollo's default indents every answer, which costs time and bytes on a page of 50 tickets.
    stringifyResult: (result) => JSON.stringify(result),
    // Suggestions ("Did you mean …?") help agents and tools; authPlugin strips them for callers without a token.
    hideSchemaDetailsFromClientErrors: false,
    validationRules: protections.validationRules,
    parseOptions: { maxTokens: config.limits.maxTokens },
    // No HTTP caching of GraphQL answers: Apollo's cache-control plugin would wrap every field's resolver for nothing.
    plugins: [
      observabilityPlugin(app.metrics),
      ...protections.plugins,
      authPlugin(),
      ...(config.compiledQueries ? [compiledExecutionPlugin(schema, formatError, app.metrics)] : []),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();
  let websocket: ReturnType<typeof attachGraphqlWebSocket> | null = null;

  return {
    async mount(http) {
      await http.register(fastifyApollo(apollo), {
        path: GRAPHQL_PATH,
        context: (request, reply) => httpContext(app, request, reply),
      });
      websocket = attachGraphqlWebSocket(
        http.server,
        GRAPHQL_PATH,
        schema,
        app,
        formatError,
        protections.validationRules,
      );
    },
    async closeWebSockets() {
      await websocket?.close();
    },
    stop: () => apollo.stop(),
  };
}

/** An HTTP request's context: its caller from the bearer token or the session cookie. */
async function httpContext(app: AppServices, request: FastifyRequest, reply: FastifyReply): Promise<GraphqlContext> {
  const { config, tokens, orm } = app;
  const exchange: HttpExchange = {
    cookies: readCookies(request.headers.cookie),
    setCookie: (cookie) => void reply.header('set-cookie', cookie),
  };
  const token = requestToken(request.headers, isChangingMethod(request.method), config);
  try {
    const caller = token ? await tokens.authenticate(() => orm.em.fork(), token) : null;
    // A session cookie that no longer signs anyone in is dropped, so the browser stops sending it.
    if (!caller && token && token === exchange.cookies[SESSION_COOKIE]) clearSessionCookie(exchange, config);
    return buildContext(app, caller, request.ip, null, request.headers['user-agent'] ?? null, exchange);
  } catch (error) {
    if (!isDatabaseUnreachable(error)) throw error;
    throw new GraphQLError(DATABASE_UNREACHABLE, {
      originalError: error as Error,
      extensions: { code: 'INTERNAL_SERVER_ERROR', http: { status: 503 } },
    });
  }
}
