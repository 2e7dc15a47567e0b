// The Apollo cache: paginated lists merge by cursor without duplicates, and live events merge into them.
import { InMemoryCache, type FieldPolicy, type Reference } from '@apollo/client';

interface Edge {
  cursor: string;
  node: Reference | { __ref: string };
}
interface Connection {
  edges: Edge[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount?: number;
  [key: string]: unknown;
}

const refOf = (edge: Edge) => (edge.node as { __ref: string }).__ref;

/**
 * Merges an incoming page into what is cached. A page fetched with `after` is appended, one with `before`
 * prepended, and one with neither replaces the head of the list (a refetch); nodes already present are
 * never repeated.
 */
export function mergeConnection(
  existing: Connection | undefined,
  incoming: Connection,
  args: Record<string, unknown> | null,
): Connection {
  if (!existing) return incoming;
  const seen = new Set(incoming.edges.map(refOf));
  const older = existing.edges.filter((edge) => !seen.has(refOf(edge)));
  if (args?.after) {
    return {
      ...incoming,
      edges: [...older, ...incoming.edges],
      pageInfo: {
        ...existing.pageInfo,
        hasNextPage: incoming.pageInfo.hasNextPage,
        endCursor: incoming.pageInfo.endCursor,
      },
    };
  }
  if (args?.before) {
    return {
      ...incoming,
      edges: [...incoming.edges, ...older],
      pageInfo: {
        ...existing.pageInfo,
        hasPreviousPage: incoming.pageInfo.hasPreviousPage,
        startCursor: incoming.pageInfo.startCursor,
      },
    };
  }
  return incoming;
}

/** Adds one edge to a cached connection unless its node is there already. */
export function appendEdge(existing: Connection, edge: Edge, at: 'start' | 'end'): Connection {
  if (existing.edges.some((candidate) => refOf(candidate) === refOf(edge))) return existing;
  const edges = at === 'start' ? [edge, ...existing.edges] : [...existing.edges, edge];
  return {
    ...existing,
    edges,
    totalCount: typeof existing.totalCount === 'number' ? existing.totalCount + 1 : existing.totalCount,
  };
}

const connectionPolicy = (keyArgs: string[] | false): FieldPolicy<Connection> => ({
  keyArgs,
  merge: (existing, incoming, { args }) => mergeConnection(existing, incoming, args),
});

export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: { fields: { tickets: connectionPolicy(['filter', 'orderBy']), contacts: connectionPolicy(['search']) } },
      Ticket: { fields: { messages: connectionPolicy(false) } },
      Contact: { keyFields: ['phoneNumber'], fields: { tickets: connectionPolicy(false) } },
      SupportNotifications: { keyFields: [] },
      // Each status filter is its own list; "Load more" appends to it.
      WebhookEndpoint: { fields: { deliveries: connectionPolicy(['status']) } },
    },
  });
}
