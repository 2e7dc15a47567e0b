// The one mapping from domain events to the GraphQL subscriptions' topics, published after commit.
import type { SupportEvent, SupportPubSub } from '../pubsub/pubsub.js';
import type { DomainEvent } from './domain-events.js';

const ticketChanged = (ticketId: number): SupportEvent[] => [
  { topic: 'TICKET_UPDATED', payload: { ticketId } },
  { topic: 'NOTIFICATIONS_CHANGED', payload: { ticketId } },
];

/** The topics agents' screens listen to for one event. A new payload object each time: answers are shared per object. */
export function topicsOf(event: DomainEvent): SupportEvent[] {
  switch (event.type) {
    case 'TicketOpened':
      return [
        { topic: 'TICKET_CREATED', payload: { ticketId: event.ticket.id } },
        { topic: 'MESSAGE_ADDED', payload: { ticketId: event.ticket.id, messageId: event.firstMessage.id } },
        { topic: 'NOTIFICATIONS_CHANGED', payload: { ticketId: event.ticket.id } },
      ];
    case 'TicketStatusChanged':
    case 'TicketAssigned':
    case 'PriorityChanged':
    case 'TicketChanged':
      return ticketChanged(event.ticket.id);
    case 'MessageAdded':
      return [
        { topic: 'MESSAGE_ADDED', payload: { ticketId: event.ticket.id, messageId: event.message.id } },
        ...ticketChanged(event.ticket.id),
      ];
    case 'SlaBreached':
      return [{ topic: 'SLA_BREACHED', payload: { ticketId: event.ticket.id } }, ...ticketChanged(event.ticket.id)];
    case 'TicketTouched':
      return event.notifications
        ? ticketChanged(event.ticketId)
        : [{ topic: 'TICKET_UPDATED', payload: { ticketId: event.ticketId } }];
    case 'MessageUpdated':
      return [
        { topic: 'MESSAGE_UPDATED', payload: { ticketId: event.ticketId, messageId: event.messageId } },
        ...(event.ticketChanged ? [{ topic: 'TICKET_UPDATED' as const, payload: { ticketId: event.ticketId } }] : []),
      ];
    case 'NotificationsChanged':
      return [{ topic: 'NOTIFICATIONS_CHANGED', payload: { ticketId: event.ticketId } }];
    case 'ContactUpdated':
      return [{ topic: 'CONTACT_UPDATED', payload: { phoneNumber: event.phoneNumber } }];
    case 'LabelChanged': {
      const { type: _, ...payload } = event;
      return [{ topic: 'LABEL_CHANGED', payload }];
    }
    case 'CannedResponseChanged': {
      const { type: _, ...payload } = event;
      return [{ topic: 'CANNED_RESPONSE_CHANGED', payload }];
    }
    case 'AuthRevoked': {
      const { type: _, ...payload } = event;
      return [{ topic: 'AUTH_REVOKED', payload }];
    }
    case 'AgentChanged':
      return [{ topic: 'AGENT_CHANGED', payload: { adminId: event.adminId } }];
    case 'RoutingChanged':
      return [{ topic: 'ROUTING_CHANGED', payload: {} }];
    case 'RatingReceived':
      // Screens hear of it through the TicketTouched emitted with it.
      return [];
  }
}

/**
 * Publishes a committed transaction's events, each topic and ticket once: a reply that also moves the ticket to
 * IN_PROGRESS and assigns it is one ticketUpdated, not three.
 */
export function publishDomainEvents(pubsub: SupportPubSub, events: readonly DomainEvent[]): void {
  const seen = new Set<string>();
  // A ticket opened in this transaction is announced once, as created: what else happened to it in the same
  // transaction (the bot's confirmation, an after-hours notice) is part of what ticketCreated shows.
  for (const event of events)
    if (event.type === 'TicketOpened') seen.add(`TICKET_UPDATED:${JSON.stringify({ ticketId: event.ticket.id })}`);
  const once = events.flatMap(topicsOf).filter((published) => {
    const key = `${published.topic}:${JSON.stringify(published.payload)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // What was added before what changed, as screens expect: the new message first, then the row and the badges.
  const rank = (topic: string) => TOPIC_ORDER.indexOf(topic as never) >>> 0;
  for (const published of once.sort((a, b) => rank(a.topic) - rank(b.topic)))
    pubsub.publish(published.topic, published.payload as never);
}

const TOPIC_ORDER: SupportEvent['topic'][] = [
  'TICKET_CREATED',
  'MESSAGE_ADDED',
  'MESSAGE_UPDATED',
  'SLA_BREACHED',
  'TICKET_UPDATED',
  'NOTIFICATIONS_CHANGED',
];
