// The delivery log in the admin client's cache: "Load more" appends to the list the screen shows, and each status
// filter keeps a list of its own, so switching the filter never mixes rows of another status into it.
import { describe, expect, it } from 'vitest';
import { createCache } from '../../client/src/cache';
import { WEBHOOK_DELIVERIES } from '../../client/src/webhooks/webhook.documents';

const delivery = (id: string, status: 'PENDING' | 'DELIVERED' | 'FAILED') => ({
  __typename: 'WebhookDelivery' as const,
  id,
  eventId: `evt_${id}`,
  eventType: 'TICKET_CREATED' as const,
  ticketId: '1',
  status,
  attempts: 1,
  lastStatusCode: status === 'DELIVERED' ? 200 : 500,
  lastError: null,
  createdAt: '2026-12-03T04:00:00.000Z',
  deliveredAt: null,
  nextAttemptAt: null,
  payload: '{}',
});

function answer(ids: string[], status: 'PENDING' | 'DELIVERED' | 'FAILED', hasNextPage: boolean) {
  return {
    webhookEndpoint: {
      __typename: 'WebhookEndpoint' as const,
      id: '7',
      url: 'https://example.com/hooks',
      description: null,
      events: ['TICKET_CREATED' as const],
      enabled: true,
      disabledAt: null,
      disabledReason: null,
      failingSince: null,
      createdAt: '2026-12-03T04:00:00.000Z',
      lastDeliveryAt: null,
      deliveries: {
        __typename: 'WebhookDeliveryConnection' as const,
        totalCount: 10,
        pageInfo: { __typename: 'PageInfo' as const, hasNextPage, endCursor: ids.at(-1) ?? null },
        edges: ids.map((id) => ({
          __typename: 'WebhookDeliveryEdge' as const,
          cursor: id,
          node: delivery(id, status),
        })),
      },
    },
  };
}

const idsIn = (cache: ReturnType<typeof createCache>, status: 'FAILED' | null) =>
  cache
    .readQuery({ query: WEBHOOK_DELIVERIES, variables: { id: '7', first: 20, status } })
    ?.webhookEndpoint?.deliveries.edges.map((edge) => edge.node.id);

describe('the delivery log in the cache', () => {
  it('appends the next page after Load more', () => {
    const cache = createCache();
    cache.writeQuery({
      query: WEBHOOK_DELIVERIES,
      variables: { id: '7', first: 20, status: null },
      data: answer(['5', '4'], 'DELIVERED', true),
    });
    cache.writeQuery({
      query: WEBHOOK_DELIVERIES,
      variables: { id: '7', first: 20, after: '4', status: null },
      data: answer(['3', '2'], 'DELIVERED', false),
    });
    expect(idsIn(cache, null)).toEqual(['5', '4', '3', '2']);
  });

  it('keeps a list per status filter', () => {
    const cache = createCache();
    cache.writeQuery({
      query: WEBHOOK_DELIVERIES,
      variables: { id: '7', first: 20, status: null },
      data: answer(['5', '4'], 'DELIVERED', false),
    });
    cache.writeQuery({
      query: WEBHOOK_DELIVERIES,
      variables: { id: '7', first: 20, status: 'FAILED' },
      data: answer(['9'], 'FAILED', false),
    });
    expect(idsIn(cache, 'FAILED')).toEqual(['9']);
    expect(idsIn(cache, null)).toEqual(['5', '4']);
  });
});
