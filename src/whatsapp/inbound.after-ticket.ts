// What a person's message does once their ticket has ended, and WhatsApp's system messages about a person.
// Soon after the resolution (REOPEN_WITHIN_HOURS) the message reopens the ticket; later, or after CLOSED, it is
// kept in that ticket's thread without reopening it (the bot greets them as usual), so it is in their history
// and found by search. System messages become notice lines (sender SYSTEM) in the person's thread.
import type { EntityManager } from '@mikro-orm/core';
import { tellWhenAgentsReturn } from '../desk/after-hours.service.js';
import type { SupportEvent } from '../pubsub/pubsub.js';
import { Message } from '../support/message.entity.js';
import type { SupportContext } from '../support/support.context.js';
import { isActiveStatus, SenderType, TicketStatus } from '../support/support.enums.js';
import { Ticket } from '../support/ticket.entity.js';
import {
  loadTicketForChange,
  reopenOnPersonMessage,
  reopensOnMessage,
  ticketChanged,
} from '../support/ticket.service.js';
import type { Contact } from '../support/contact.entity.js';
import { followNumberChange } from './contact-identity.js';
import { addSystemLine, joinTicket, storePersonMessage } from './inbound.thread.js';
import { describeContent, type InboundContent, type InboundMessage } from './webhook.parse.js';

export const REOPENED_NOTICE = '↩️ Reopened: the person wrote again after this ticket was resolved.';
export const keptAfterNotice = (status: TicketStatus) =>
  `📥 The person wrote after this ticket was ${status === TicketStatus.CLOSED ? 'closed' : 'resolved'}. The bot answered them; the ticket stays ${status}. Reopen it to answer here.`;

/** Their newest ticket, locked for a change: the one a message after the end belongs to. */
async function latestTicketOf(em: EntityManager, contact: Contact): Promise<Ticket | null> {
  const latest = await em.findOne(
    Ticket,
    { phoneNumber: contact.phoneNumber },
    { orderBy: { id: 'desc' }, fields: ['id'] },
  );
  return latest ? loadTicketForChange(em, latest.id) : null;
}

/**
 * A message (not a tap on the bot's menu) from a person with no open ticket: reopens their latest ticket when
 * it was resolved within REOPEN_WITHIN_HOURS, or is kept in its thread. 'kept' and 'none' (they never had a
 * ticket) leave the bot to answer as usual.
 */
export async function keepAfterTicket(
  ctx: SupportContext,
  em: EntityManager,
  events: SupportEvent[],
  contact: Contact,
  inbound: InboundMessage,
): Promise<'reopened-ticket' | 'kept' | 'none'> {
  const ticket = await latestTicketOf(em, contact);
  if (!ticket || isActiveStatus(ticket.status)) return 'none';
  if (reopensOnMessage(ticket, inbound.sentAt, ctx.reopenWithinMs)) {
    await reopenOnPersonMessage(em, events, ticket);
    const notice = addSystemLine(em, ticket, REOPENED_NOTICE);
    const message = joinTicket(em, events, ticket, contact, inbound);
    await em.flush();
    ticket.lastUserMessageId = message.id;
    events.push(
      { topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: notice.id } },
      { topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: message.id } },
    );
    await tellWhenAgentsReturn(ctx, em, events, ticket, contact);
    return 'reopened-ticket';
  }
  // One notice before the first of the messages written after the end, not before each.
  const previous = await em.findOne(
    Message,
    { ticket: ticket.id },
    { orderBy: { id: 'desc' }, fields: ['id', 'senderType'] },
  );
  const notice =
    previous?.senderType === SenderType.USER ? null : addSystemLine(em, ticket, keptAfterNotice(ticket.status));
  const message = storePersonMessage(em, ticket, inbound);
  await em.flush();
  ticket.lastUserMessageId = message.id;
  if (notice) events.push({ topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: notice.id } });
  events.push(
    { topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: message.id } },
    ...ticketChanged(ticket.id),
  );
  return 'kept';
}

/** The ticket a notice about the person goes on: their open one, else their newest. */
async function noticeTicketOf(em: EntityManager, contact: Contact): Promise<Ticket | null> {
  const active = await em.findOne(
    Ticket,
    { phoneNumber: contact.phoneNumber, status: { $in: [TicketStatus.OPEN, TicketStatus.IN_PROGRESS] } },
    { orderBy: { id: 'desc' }, fields: ['id'] },
  );
  return active ? loadTicketForChange(em, active.id) : latestTicketOf(em, contact);
}

/**
 * A system message: a new number (the contact and their tickets follow the person to it), a new user id, or a
 * changed security code, read by agents as a notice line in the person's thread. A person without any ticket
 * has no thread: their contact still follows them.
 */
export async function noteSystemChange(
  em: EntityManager,
  events: SupportEvent[],
  contact: Contact,
  inbound: InboundMessage,
  content: Extract<InboundContent, { type: 'system' }>,
): Promise<'system-notice'> {
  if (content.change === 'number')
    await followNumberChange(em, events, contact, content.newPhoneNumber, content.newUserId);
  if (content.change === 'user-id') await followNumberChange(em, events, contact, null, content.newUserId);
  const ticket = await noticeTicketOf(em, contact);
  if (!ticket) {
    await em.flush();
    return 'system-notice';
  }
  const notice = addSystemLine(em, ticket, describeContent(content), inbound.whatsappMessageId);
  ticket.updatedAt = new Date();
  await em.flush();
  events.push(
    { topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: notice.id } },
    ...ticketChanged(ticket.id),
  );
  return 'system-notice';
}
