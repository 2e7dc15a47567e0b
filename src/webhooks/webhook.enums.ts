// The kinds of event an outgoing webhook carries, and where one delivery of it stands.
import { registerEnumType } from 'type-graphql';

export enum WebhookEventType {
  TICKET_CREATED = 'TICKET_CREATED',
  TICKET_UPDATED = 'TICKET_UPDATED',
  TICKET_RESOLVED = 'TICKET_RESOLVED',
  MESSAGE_ADDED = 'MESSAGE_ADDED',
  ASSIGNMENT_CHANGED = 'ASSIGNMENT_CHANGED',
  RATING_RECEIVED = 'RATING_RECEIVED',
  PING = 'PING',
}

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description:
    'What an outgoing webhook delivery tells. In the JSON body and the X-Desk-Event header each is written in lower case with a dot: ticket.created, ticket.updated, ticket.resolved, message.added, assignment.changed, rating.received, ping.',
  valuesConfig: {
    TICKET_CREATED: { description: 'A ticket was opened (by a person on WhatsApp or through the API). Body: ticket.' },
    TICKET_UPDATED: {
      description: 'A ticket’s status (other than to RESOLVED), priority or other fields changed. Body: ticket.',
    },
    TICKET_RESOLVED: { description: 'A ticket was resolved (closed by an agent or set to RESOLVED). Body: ticket.' },
    MESSAGE_ADDED: {
      description:
        'A message was added to a thread: the person’s, an agent’s reply or note, the bot’s. Body: ticket, message.',
    },
    ASSIGNMENT_CHANGED: { description: 'A ticket got, changed or lost its assignee. Body: ticket, assignment.' },
    RATING_RECEIVED: {
      description: 'The person rated a resolved ticket in the satisfaction survey. Body: ticket, rating.',
    },
    PING: {
      description:
        'A test delivery sent by pingWebhookEndpoint. Not subscribable: createWebhookEndpoint and updateWebhookEndpoint refuse it in events.',
    },
  },
});

/** The event types an endpoint may subscribe to (all but PING). */
export const SUBSCRIBABLE_EVENTS = Object.values(WebhookEventType).filter((type) => type !== WebhookEventType.PING);

/** The name of an event type in the body and headers: TICKET_CREATED → ticket.created. */
export const wireNameOf = (type: WebhookEventType): string => {
  const [head, ...rest] = type.toLowerCase().split('_');
  return rest.length ? `${head}.${rest.join('_')}` : head!;
};

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where one delivery of an event to one endpoint stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for its first attempt or for a retry (see nextAttemptAt).' },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: {
      description:
        'Given up: the endpoint kept failing for WEBHOOKS_GIVE_UP_MS (default 3 days), or it was disabled before this could be sent.',
    },
  },
});
