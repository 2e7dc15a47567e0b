// How the explorer speaks to the API: HTTP for queries and mutations, graphql-ws for subscriptions, with the
// browser's session cookie (same origin) or, when one was pasted, an API token in `Authorization: Bearer`.
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { Kind, parse, type DocumentNode } from 'graphql';
import { createClient } from 'graphql-ws';

export const GRAPHQL_PATH = '/graphql';

export interface ExplorerConnection {
  fetcher: Fetcher;
  /** Closes the explorer's own WebSocket (its subscriptions end). */
  dispose: () => void;
}

const bearer = (token: string) => `Bearer ${token}`;

/** A fetcher for GraphiQL; `token` null means the session cookie. */
export function connectExplorer(token: string | null): ExplorerConnection {
  const authorization = token ? bearer(token) : null;
  // A socket of its own, apart from the dashboard's: what runs here must not share the session's socket when a
  // token speaks. The server reads the token from connection_init's `authorization`, else the handshake's cookie.
  const wsClient = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${GRAPHQL_PATH}`,
    lazy: true,
    connectionParams: authorization ? { authorization } : undefined,
  });
  const fetch = createGraphiQLFetcher({
    url: GRAPHQL_PATH,
    wsClient,
    headers: authorization ? { authorization } : undefined,
  });
  // GraphiQL hands over the document it parsed last, which lags behind the editor by a moment: an operation run
  // right after an edit would be judged (subscription or not) and named by the previous text. Read what is run.
  const fetcher: Fetcher = (params, options) => {
    const document = parseOrNull(params.query);
    if (!document) return fetch(params, options);
    const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const operationName = operations.length === 1 ? operations[0]!.name?.value : params.operationName;
    return fetch({ ...params, operationName }, { ...options, documentAST: document });
  };
  return { fetcher, dispose: () => void wsClient.dispose() };
}

function parseOrNull(query: string): DocumentNode | null {
  try {
    return parse(query);
  } catch {
    return null; // the server answers with the syntax error, where GraphiQL shows it
  }
}

/** Whether the server accepts `token`: null when it does, else why not (the server's own words). */
export async function checkToken(token: string): Promise<string | null> {
  const response = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json', authorization: bearer(token) },
    body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
  });
  const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
  return body?.errors?.[0]?.message ?? (response.ok ? null : `HTTP ${response.status}`);
}
