// GraphQL over WebSocket (graphql-ws protocol) on the HTTP server's own port and path.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import {
  execute,
  getOperationAST,
  GraphQLError,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearerToken } from '../auth/auth.service.js';
import { observedOperation } from '../observability/graphql-observer.js';
import { requestToken } from '../auth/session-cookie.js';
import { isRevokedBy, type Caller } from '../auth/caller.js';
import { checkMutationRate, checkOperationAccess } from './auth.plugin.js';
import { buildContext, type AppServices, type GraphqlContext } from './context.js';
import { topicSubscriptionFields } from './schema.js';
import { createSharedSubscribe, type FrameSink } from './shared-subscribe.js';

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

interface SocketState {
  token: string | null;
  caller: Caller | null;
  /** Names the socket for presence: what an agent reports through it ends when it closes. */
  connectionId: string;
}

/** setTimeout's longest delay (about 24.8 days); a later expiry is waited for in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Calls `expire` at `at` (or at once when it has passed); returns what cancels it. */
function atExpiry(at: Date, expire: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = at.getTime() - Date.now();
    if (left <= 0) return expire();
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

export function attachGraphqlWebSocket(
  server: Server,
  path: string,
  schema: GraphQLSchema,
  app: AppServices,
  formatError: Formatter,
  rules: readonly ValidationRule[],
) {
  const wsServer = new WebSocketServer({ server, path, maxPayload: 1024 * 1024 });
  const states = new Map<object, SocketState & { close: (code: number, reason: string) => void }>();
  // A sign-out or revocation (on any instance) ends the sockets it opened, subscriptions and all.
  void (async () => {
    for await (const revoked of app.pubsub.subscribe('AUTH_REVOKED')) {
      for (const state of states.values()) {
        if (state.caller && isRevokedBy(state.caller, revoked)) state.close(CloseCode.Forbidden, 'Forbidden');
      }
    }
  })();
  // An agent whose role or name changed reconnects (1012 is one that clients retry), and is read afresh: a
  // demoted admin's subscriptions must not go on with an admin's view.
  void (async () => {
    for await (const { adminId } of app.pubsub.subscribe('AGENT_CHANGED')) {
      for (const state of states.values()) {
        if (state.caller?.admin.id === adminId) state.close(1012, 'Your account changed; reconnect');
      }
    }
  })();
  const format = (errors: readonly GraphQLError[]) => errors.map((error) => formatError(error.toJSON(), error));
  const present = (result: ExecutionResult) => (result.errors ? { ...result, errors: format(result.errors) } : result);
  /** Each subscription's socket and id, by its operation's context (the context hook sees both). */
  const sinks = new WeakMap<object, FrameSink>();
  const topicFields = topicSubscriptionFields();
  const sharedSubscribe = createSharedSubscribe({
    // What can make two subscribers' answers differ, besides their operation and variables: who they are.
    viewerOf: (contextValue) => {
      const caller = (contextValue as GraphqlContext).caller;
      return caller ? `${caller.kind}:${caller.admin.id}:${caller.admin.role}:${caller.scopes.join(',')}` : 'nobody';
    },
    sinkOf: (contextValue) => sinks.get(contextValue as object),
    isTopicField: (fieldName) => topicFields.has(fieldName),
    present,
    onExecute: () => app.metrics.subscriptionExecuted(),
  });

  /** Refuses an operation the caller may not run, before it starts. */
  const guarded = (run: typeof execute | typeof sharedSubscribe) => (args: ExecutionArgs) => {
    const operation = getOperationAST(args.document, args.operationName);
    try {
      if (operation) checkOperationAccess(operation, (args.contextValue as GraphqlContext).caller);
      if (operation && operation.operation === 'mutation') {
        // Mutations over the socket count against the same budget as over HTTP.
        return checkMutationRate(args.contextValue as GraphqlContext, operation).then(
          () => run(args),
          (error: unknown) => (error instanceof GraphQLError ? { errors: [error] } : Promise.reject(error)),
        );
      }
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      throw error;
    }
    return run(args);
  };

  // biome-ignore lint/correctness/useHookAtTopLevel: graphql-ws's useServer attaches to a server; it is no React hook.
  const cleanup = useServer(
    {
      schema,
      connectionInitWaitTimeout: app.config.wsInitTimeoutMs,
      validate: (validationSchema, document) => validate(validationSchema, document, [...specifiedRules, ...rules]),
      onConnect: async (ctx) => {
        // A tool sends its token in connection_init; the admin UI's browser sends the session cookie with the
        // handshake, which counts only when the handshake's Origin is the desk's own (cross-site WebSocket hijacking).
        const token =
          bearerToken(ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization) ??
          requestToken(ctx.extra.request.headers, true, app.config);
        const caller = token ? await app.tokens.authenticate(() => app.orm.em.fork(), token) : null;
        if (!caller) return false; // graphql-ws closes with 4403 Forbidden
        const connectionId = randomUUID();
        const close = (code: number, reason: string) => ctx.extra.socket.close(code, reason);
        states.set(ctx, { token, caller, connectionId, close });
        app.metrics.webSocketOpened();
        // A token or session that expires while its socket is open ends it then, subscriptions and all, on
        // whichever instance holds the socket (sign-out and revocation arrive as AUTH_REVOKED instead).
        const stopExpiry = caller.expiresAt
          ? atExpiry(caller.expiresAt, () => close(CloseCode.Forbidden, 'Forbidden'))
          : () => {};
        ctx.extra.socket.once('close', () => {
          stopExpiry();
          states.delete(ctx);
          app.metrics.webSocketClosed();
          app.presence.connectionClosed(connectionId);
        });
        return true;
      },
      onSubscribe: (ctx) => {
        // The new operation is counted already: graphql-ws records it before asking.
        if (Object.keys(ctx.subscriptions).length <= app.config.limits.operationsPerSocket) return;
        const message = `At most ${app.config.limits.operationsPerSocket} operations at once on one socket (WS_MAX_OPERATIONS); complete one first`;
        return [new GraphQLError(message, { extensions: { code: 'RATE_LIMITED' } })];
      },
      context: async (ctx, id) => {
        const state = states.get(ctx);
        // Re-checked per operation, so a session revoked or expired after connecting stops being served.
        const caller = state?.token ? await app.tokens.authenticate(() => app.orm.em.fork(), state.token) : null;
        if (!caller) ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden');
        const context = buildContext(
          app,
          caller,
          ctx.extra.request.socket.remoteAddress ?? 'unknown',
          state?.connectionId ?? null,
          ctx.extra.request.headers['user-agent'] ?? null,
        );
        const { socket } = ctx.extra;
        // A text frame (binary: false), as graphql-ws sends: browsers hand a binary one over as a Blob.
        sinks.set(context, {
          id,
          send: (frame) => socket.readyState === socket.OPEN && socket.send(frame, { binary: false }),
        });
        return context;
      },
      execute: observedOperation(app.metrics, guarded(execute)),
      subscribe: observedOperation(app.metrics, guarded(sharedSubscribe)),
      // Queries and mutations over the socket; subscriptions send their shared frames themselves.
      onNext: (_ctx, _id, _payload, _args, result) => present(result),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wsServer,
  );

  return {
    /** graphql-ws's dispose closes every socket (1001 Going away) and then the WebSocket server: nothing else to close. */
    close: (): Promise<void> => Promise.resolve(cleanup.dispose()),
  };
}
