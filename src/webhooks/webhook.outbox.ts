// Writing webhook deliveries, always inside the transaction of the change they tell about: one row per enabled
// endpoint that subscribes to the event, all with the event's one id. The dispatcher sends them after commit.
import { traceparentNow } from '../observability/tracing.js';
import type { EntityManager } from '@mikro-orm/core';
import { Agent } from '../auth/agent.entity.js';
import type { Ticket } from '../support/ticket.entity.js';
import type { WebhookEventType } from './webhook.enums.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';
import { eventBody, newEventId, ticketBody } from './webhook.payload.js';

/** The enabled endpoints, read once per transaction however many events it emits. */
const enabledIn = new WeakMap<EntityManager, Promise<WebhookEndpoint[]>>();

/** The endpoints an event of this type goes to now. */
async function subscribersOf(em: EntityManager, type: WebhookEventType): Promise<WebhookEndpoint[]> {
  let enabled = enabledIn.get(em);
  if (!enabled) {
    enabled = em.find(WebhookEndpoint, { disabledAt: null }, { orderBy: { id: 'asc' } });
    enabledIn.set(em, enabled);
  }
  return (await enabled).filter((endpoint) => endpoint.events.includes(type));
}

/** The ticket as the body shows it, its assignee's name loaded if the transaction has not yet. */
export async function ticketPart(em: EntityManager, ticket: Ticket) {
  if (ticket.assignee && typeof ticket.assignee.name !== 'string')
    await em.findOne(Agent, ticket.assignee.id, { fields: ['id', 'name'] });
  return ticketBody(ticket);
}

/**
 * Queues an event for every endpoint that wants it. `parts` builds the body's own fields (ticket, message…), only
 * when some endpoint does. Answers how many deliveries were queued.
 */
export async function enqueueWebhookEvent(
  em: EntityManager,
  type: WebhookEventType,
  ticketId: number | null,
  parts: () => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<number> {
  const endpoints = await subscribersOf(em, type);
  if (endpoints.length === 0) return 0;
  const eventId = newEventId();
  const payload = eventBody(eventId, type, new Date(), await parts());
  for (const endpoint of endpoints)
    em.create(WebhookDelivery, {
      endpoint,
      eventId,
      eventType: type,
      ticketId,
      payload,
      traceparent: traceparentNow(),
    });
  return endpoints.length;
}
