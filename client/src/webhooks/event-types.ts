// The webhook event types an admin can subscribe an endpoint to (PING is sent on request only), their labels, and
// the names they carry on the wire ("ticket.created").
import type { WebhookDeliveryStatus, WebhookEventType } from '../gql/graphql';
import type { MessageId } from '../i18n/en';

export const SUBSCRIBABLE_EVENTS: readonly WebhookEventType[] = [
  'TICKET_CREATED',
  'TICKET_UPDATED',
  'TICKET_RESOLVED',
  'MESSAGE_ADDED',
  'ASSIGNMENT_CHANGED',
  'RATING_RECEIVED',
];

export const EVENT_LABEL: Record<WebhookEventType, MessageId> = {
  TICKET_CREATED: 'webhooks.event.ticketCreated',
  TICKET_UPDATED: 'webhooks.event.ticketUpdated',
  TICKET_RESOLVED: 'webhooks.event.ticketResolved',
  MESSAGE_ADDED: 'webhooks.event.messageAdded',
  ASSIGNMENT_CHANGED: 'webhooks.event.assignmentChanged',
  RATING_RECEIVED: 'webhooks.event.ratingReceived',
  PING: 'webhooks.event.ping',
};

export const STATUS_LABEL: Record<WebhookDeliveryStatus, MessageId> = {
  PENDING: 'webhooks.status.pending',
  DELIVERED: 'webhooks.status.delivered',
  FAILED: 'webhooks.status.failed',
};

/** The event's name in the delivery body and the X-Desk-Event header: TICKET_CREATED → "ticket.created". */
export const wireName = (type: WebhookEventType): string => type.toLowerCase().replace('_', '.');
