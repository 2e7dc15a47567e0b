// The one Apollo Client: HTTP for queries and mutations, graphql-ws for subscriptions. Both carry the session
// cookie the browser holds (same origin), so no token passes through this code.
import { ApolloClient, ApolloLink, HttpLink } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client } from 'graphql-ws';
import { tap } from 'rxjs';
import { createCache } from './cache';
import { setSignedIn } from './session';

/** The operation that reports presence (tickets/presence.ts); it travels over the WebSocket. */
export const PRESENCE_OPERATION = 'ReportPresence';

export type ConnectionState = 'connecting' | 'connected' | 'offline';
type ConnectionListener = (state: ConnectionState) => void;
const connectionListeners = new Set<ConnectionListener>();
let connectionState: ConnectionState = 'connecting';

let probe: ReturnType<typeof setInterval> | null = null;
let onRecovered: () => void = () => undefined;

function setConnectionState(state: ConnectionState): void {
  if (state === connectionState) return;
  const wasOffline = connectionState === 'offline';
  connectionState = state;
  for (const listener of connectionListeners) listener(state);
  if (state === 'offline' && !probe) {
    // Ask the server every few seconds whether it is back, rather than waiting for the agent to act.
    probe = setInterval(() => {
      fetch('/readyz', { cache: 'no-store' })
        .then((response) => response.ok && setConnectionState('connected'))
        .catch(() => undefined);
    }, 3000);
  }
  if (state !== 'offline' && probe) {
    clearInterval(probe);
    probe = null;
  }
  if (wasOffline && state === 'connected') onRecovered();
}

export function onConnectionState(listener: ConnectionListener): () => void {
  connectionListeners.add(listener);
  listener(connectionState);
  return () => connectionListeners.delete(listener);
}

const isUnauthenticated = (error: unknown) =>
  (ServerError.is(error) && error.statusCode === 401) ||
  (CombinedGraphQLErrors.is(error) && error.errors.some((item) => item.extensions?.code === 'UNAUTHENTICATED'));

export function createApolloClient(): { client: ApolloClient; socket: Client } {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  let reconnecting = false;
  const socket = createClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    retryWait: async (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(10_000, 500 * 2 ** retries) * (0.5 + Math.random()))),
    on: {
      connected: () => {
        // Events may have been missed while the socket was down, or before it first came up while the
        // screen's queries were loading: read everything on screen again.
        if (connectionState !== 'offline')
          setTimeout(() => void client.refetchQueries({ include: 'active' }), reconnecting ? 0 : 300);
        setConnectionState('connected');
        reconnecting = false;
      },
      closed: (event) => {
        reconnecting = true;
        if ((event as CloseEvent | undefined)?.code === 4403) setSignedIn(false);
        else setConnectionState('offline');
      },
    },
  });

  const signOutWhenRefused = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) setSignedIn(false);
    else if (ServerError.is(error) || error.name === 'TypeError') setConnectionState('offline');
  });
  const markReachable = new ApolloLink((operation, forward) =>
    forward(operation).pipe(tap(() => setConnectionState('connected'))),
  );
  const http = ApolloLink.from([
    signOutWhenRefused,
    markReachable,
    new HttpLink({ uri: '/graphql', credentials: 'same-origin' }),
  ]);
  const ws = new GraphQLWsLink(socket);
  const link = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      // Presence heartbeats go over the socket too: the server drops this tab's presence the moment it closes.
      return (
        definition.kind === 'OperationDefinition' &&
        (definition.operation === 'subscription' || definition.name?.value === PRESENCE_OPERATION)
      );
    },
    ws,
    http,
  );
  const client: ApolloClient = new ApolloClient({ link, cache: createCache() });
  // Back from being offline: read everything on screen again, since events may have been missed.
  onRecovered = () => void client.refetchQueries({ include: 'active' });
  return { client, socket };
}
