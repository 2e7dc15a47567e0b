// Outgoing webhooks follow the desk's domain events: each becomes deliveries in the transaction that made the
// change, so an event is sent exactly when its change committed (see webhook.outbox.ts).
import { Ticket } from '../support/ticket.entity.js';
import type { SupportEventHandlers } from '../support/support.context.js';
import { isActiveStatus, TicketStatus } from '../support/support.enums.js';
import { Agent } from '../auth/agent.entity.js';
import type { EntityManager } from '@mikro-orm/core';
import { WebhookEventType } from './webhook.enums.js';
import { enqueueWebhookEvent, ticketPart } from './webhook.outbox.js';
import { messageBody } from './webhook.payload.js';

async function agentPart(em: EntityManager, id: number | null) {
  if (id === null) return null;
  const agent = await em.findOne(Agent, id, { fields: ['id', 'name'] });
  return { id: String(id), name: agent?.name ?? null };
}

const change = (from: unknown, to: unknown) => ({ from, to });

export function followForWebhooks(handlers: SupportEventHandlers): void {
  handlers.onInTransaction('TicketOpened', async ({ ticket, firstMessage }, { em }) => {
    await enqueueWebhookEvent(em, WebhookEventType.TICKET_CREATED, ticket.id, async () => ({
      ticket: await ticketPart(em, ticket),
      message: messageBody(firstMessage),
    }));
  });
  handlers.onInTransaction('TicketStatusChanged', async ({ ticket, from, to }, { em }) => {
    const resolved = isActiveStatus(from) && to === TicketStatus.RESOLVED;
    const type = resolved ? WebhookEventType.TICKET_RESOLVED : WebhookEventType.TICKET_UPDATED;
    await enqueueWebhookEvent(em, type, ticket.id, async () => ({
      ticket: await ticketPart(em, ticket),
      changes: { status: change(from, to) },
    }));
  });
  handlers.onInTransaction('PriorityChanged', async ({ ticket, from, to }, { em }) => {
    await enqueueWebhookEvent(em, WebhookEventType.TICKET_UPDATED, ticket.id, async () => ({
      ticket: await ticketPart(em, ticket),
      changes: { priority: change(from, to) },
    }));
  });
  handlers.onInTransaction('TicketChanged', async ({ ticket, before, after }, { em }) => {
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    await enqueueWebhookEvent(em, WebhookEventType.TICKET_UPDATED, ticket.id, async () => ({
      ticket: await ticketPart(em, ticket),
      changes: Object.fromEntries(fields.map((field) => [field, change(before[field] ?? null, after[field] ?? null)])),
    }));
  });
  handlers.onInTransaction('TicketAssigned', async ({ ticket, from, to, cause }, { em }) => {
    await enqueueWebhookEvent(em, WebhookEventType.ASSIGNMENT_CHANGED, ticket.id, async () => ({
      ticket: await ticketPart(em, ticket),
      assignment: { from: await agentPart(em, from), to: await agentPart(em, to), cause },
    }));
  });
  handlers.onInTransaction('MessageAdded', async ({ ticket, message }, { em }) => {
    await enqueueWebhookEvent(em, WebhookEventType.MESSAGE_ADDED, ticket.id, async () => ({
      ticket: await ticketPart(em, ticket),
      message: messageBody(message),
    }));
  });
  handlers.onInTransaction('RatingReceived', async ({ ticketId, rating, ratedAt }, { em }) => {
    await enqueueWebhookEvent(em, WebhookEventType.RATING_RECEIVED, ticketId, async () => {
      const ticket = await em.findOneOrFail(Ticket, ticketId);
      return { ticket: await ticketPart(em, ticket), rating: { rating, ratedAt: ratedAt.toISOString() } };
    });
  });
}
