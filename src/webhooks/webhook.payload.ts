// The JSON bodies of outgoing webhooks: a stable, documented shape (README › Outgoing webhooks), built from the
// entities in the transaction of the change, so the body tells the state that committed with the event.
import { randomBytes } from 'node:crypto';
import type { Message } from '../support/message.entity.js';
import type { Ticket } from '../support/ticket.entity.js';
import { type WebhookEventType, wireNameOf } from './webhook.enums.js';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "evt_" and 26 base-32 characters: 130 random bits, unique without coordination between instances. */
export function newEventId(): string {
  const bytes = randomBytes(17);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 26; i++) {
    text += CROCKFORD[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `evt_${text}`;
}

export function ticketBody(ticket: Ticket) {
  return {
    id: String(ticket.id),
    status: ticket.status,
    priority: ticket.priority,
    phoneNumber: ticket.phoneNumber,
    senderName: ticket.senderName,
    issueDescription: ticket.issueDescription,
    assignee: ticket.assignee ? { id: String(ticket.assignee.id), name: ticket.assignee.name ?? null } : null,
    createdAt: ticket.createdAt.toISOString(),
    updatedAt: ticket.updatedAt.toISOString(),
    resolvedAt: ticket.resolvedAt?.toISOString() ?? null,
  };
}

export function messageBody(message: Message) {
  return {
    id: String(message.id),
    senderType: message.senderType,
    senderName: message.senderName,
    body: message.body,
    internal: message.internal,
    authorId: message.author ? String(message.author.id) : null,
    createdAt: message.createdAt.toISOString(),
  };
}

/** A whole delivery body: id, type and createdAt first, then what the event carries. */
export function eventBody(eventId: string, type: WebhookEventType, at: Date, parts: Record<string, unknown>): string {
  return JSON.stringify({ id: eventId, type: wireNameOf(type), createdAt: at.toISOString(), ...parts });
}
