// What happens when a person writes: the bot's conversation (menu, Chat Support, the issue that opens a
// ticket), and every message while a ticket is open joining that ticket. One transaction per message,
// keyed by its WhatsApp id, so a repeated delivery changes nothing.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import type { SupportEvent } from '../pubsub/pubsub.js';
import { Message } from '../support/message.entity.js';
import { addMessageToThread } from '../support/message.service.js';
import { inTransaction, type SupportContext } from '../support/support.context.js';
import { wakeTicket } from '../support/snooze.service.js';
import { SenderType, TicketStatus } from '../support/support.enums.js';
import { tellWhenAgentsReturn } from '../desk/after-hours.service.js';
import { Ticket } from '../support/ticket.entity.js';
import { hasReachedTicketLimit, loadTicketForChange, openTicketInTransaction } from '../support/ticket.service.js';
import { CHAT_SUPPORT_ID, CHAT_SUPPORT_PROMPT, findMenuItem, menuText, type BotMenu } from './bot.menu.js';
import { Contact, ConversationState } from './contact.entity.js';
import { enqueueOutbound, listPayload, textPayload } from './outbox.service.js';
import { ProcessedInbound } from './processed-inbound.entity.js';
import { commentOnRating, rateFromSurvey } from './satisfaction.survey.js';
import { describeContent, type InboundMessage } from './webhook.parse.js';
import { applyKindFields, asBody, changeEarlierMessage } from './inbound-changes.js';
import { assignWaitingTickets } from '../routing/routing.service.js';
import { MediaFile, MediaStatus } from '../media/media.entity.js';
import { mediaKindOf, refuseType } from '../media/media.policy.js';

/** A file that came with the message is recorded as PENDING with it (fetched later by media.fetcher.ts), or refused now by its type. */
function recordMedia(em: EntityManager, message: Message, inbound: InboundMessage): void {
  // An edit of a message the desk never had arrives as a new message with the new content.
  const content = inbound.content.type === 'edit' ? inbound.content.content : inbound.content;
  if (content.type !== 'media') return;
  const kind = mediaKindOf(content.media);
  const refusal = refuseType(kind, content.mimeType);
  em.create(MediaFile, {
    message,
    kind,
    whatsappMediaId: content.mediaId,
    mimeType: content.mimeType?.slice(0, 128) ?? null,
    filename: content.filename?.slice(0, 255) ?? null,
    caption: content.caption,
    sha256: content.sha256,
    ...(refusal ? { status: MediaStatus.FAILED, error: refusal } : {}),
  });
}

export type InboundOutcome = 'duplicate' | 'joined-ticket' | 'opened-ticket' | 'menu' | 'ignored' | 'rate-limited' | 'rated' | 'commented' | 'changed-earlier';

export const TOO_MANY_TICKETS = 'You have opened several support tickets in the last hour. Please wait a little before opening another one.';

export const ticketOpenedReply = (ticketId: number) =>
  `✅ Thank you! Your support ticket #${ticketId} is open. An agent will answer you here as soon as possible.`;

/**
 * The person's contact, locked for the transaction (created, and so locked, when new). A new number is not
 * looked up with a locking read: on MariaDB that takes a gap lock, and two new people writing at the same
 * moment then deadlocked on their inserts. Two first messages from one new number collide on the unique
 * key instead, a lost race that inTransaction runs again.
 */
async function contactFor(em: EntityManager, inbound: InboundMessage): Promise<Contact> {
  const known = await em.findOne(Contact, { phoneNumber: inbound.from }, { fields: ['id'] });
  let contact: Contact;
  if (known) {
    contact = await em.findOneOrFail(Contact, known.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  } else {
    contact = em.create(Contact, { phoneNumber: inbound.from });
    await em.flush();
  }
  if (inbound.profileName && !contact.nameSetByAgent) contact.name = asName(inbound.profileName);
  if (!contact.lastInboundAt || contact.lastInboundAt < inbound.sentAt) contact.lastInboundAt = inbound.sentAt;
  return contact;
}

/** The ticket this person's messages join: the one the bot opened, or any of theirs still open. */
async function activeTicketOf(em: EntityManager, contact: Contact): Promise<Ticket | null> {
  const active = { $in: [TicketStatus.OPEN, TicketStatus.IN_PROGRESS] };
  const current = contact.openTicketId
    ? await em.findOne(Ticket, { id: contact.openTicketId, status: active })
    : null;
  const ticket = current ?? (await em.findOne(Ticket, { phoneNumber: contact.phoneNumber, status: active }, { orderBy: { id: 'desc' } }));
  return ticket ? loadTicketForChange(em, ticket.id) : null;
}

/** Names from WhatsApp fit the column they are kept in. */
const asName = (name: string | null) => (name ? [...name].slice(0, 120).join('') : null);

function joinTicket(em: EntityManager, events: SupportEvent[], ticket: Ticket, contact: Contact, inbound: InboundMessage): Message {
  const now = new Date();
  const message = em.create(Message, {
    ticket,
    senderType: SenderType.USER,
    senderName: asName(inbound.profileName) ?? ticket.senderName,
    body: asBody(describeContent(inbound.content)),
    whatsappMessageId: inbound.whatsappMessageId,
    createdAt: now,
  });
  applyKindFields(message, ticket, inbound);
  if (inbound.profileName) ticket.senderName = asName(inbound.profileName);
  if (!ticket.lastUserMessageAt || ticket.lastUserMessageAt < inbound.sentAt) ticket.lastUserMessageAt = inbound.sentAt;
  ticket.lastMessageAt = now;
  ticket.updatedAt = now;
  contact.conversationState = ConversationState.IN_SUPPORT;
  contact.openTicketId = ticket.id;
  // The person wrote: a snoozed ticket is open work again.
  if (ticket.snoozedAt) wakeTicket(em, ticket, 'reply');
  events.push(
    { topic: 'TICKET_UPDATED', payload: { ticketId: ticket.id } },
    { topic: 'NOTIFICATIONS_CHANGED', payload: { ticketId: ticket.id } },
  );
  return message;
}

/** One message from a person; a ticket it opens is then assigned when routing is on. */
export async function receiveWhatsappMessage(ctx: SupportContext, menu: BotMenu, inbound: InboundMessage): Promise<InboundOutcome> {
  const outcome = await handleInbound(ctx, menu, inbound);
  if (outcome === 'opened-ticket') await assignWaitingTickets(ctx);
  return outcome;
}

async function handleInbound(ctx: SupportContext, menu: BotMenu, inbound: InboundMessage): Promise<InboundOutcome> {
  return inTransaction(ctx, async (em, events) => {
    if (await em.findOne(ProcessedInbound, { whatsappMessageId: inbound.whatsappMessageId })) return 'duplicate';
    em.create(ProcessedInbound, { whatsappMessageId: inbound.whatsappMessageId, sender: inbound.from });
    await em.flush();
    const contact = await contactFor(em, inbound);
    const { content } = inbound;
    // A survey tap rates its own (resolved) ticket: it never joins, reopens or opens one.
    const rated = await rateFromSurvey(em, events, contact, inbound);
    if (rated) return rated;
    // An edit, a revoke or a reaction changes the message it names, wherever it is, and adds no line.
    if (await changeEarlierMessage(em, events, contact, inbound)) return 'changed-earlier';
    if (content.type === 'revoke') return 'ignored';

    const ticket = await activeTicketOf(em, contact);
    // Opening the chat (request_welcome) is answered by the bot's menu, never added to a thread.
    if (ticket && content.type === 'welcome') return 'ignored';
    if (ticket) {
      const message = joinTicket(em, events, ticket, contact, inbound);
      recordMedia(em, message, inbound);
      await em.flush();
      ticket.lastUserMessageId = message.id; // written at commit
      events.push({ topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: message.id } });
      await tellWhenAgentsReturn(ctx, em, events, ticket, contact);
      return 'joined-ticket';
    }
    const commented = await commentOnRating(em, events, contact, inbound);
    if (commented) return commented;

    const isChoice = content.type === 'choice';
    const wantsTicket = contact.conversationState === ConversationState.AWAITING_ISSUE && !isChoice && content.type !== 'reaction' && content.type !== 'welcome';
    if (wantsTicket && (await hasReachedTicketLimit(em, contact.phoneNumber, ctx.ticketsPerPhonePerHour))) {
      enqueueOutbound(em, contact.phoneNumber, textPayload(contact.phoneNumber, TOO_MANY_TICKETS));
      await em.flush();
      return 'rate-limited';
    }
    if (wantsTicket && describeContent(content).trim() === '') {
      // Nothing to open a ticket with (only spaces): ask again rather than refuse the delivery.
      enqueueOutbound(em, contact.phoneNumber, textPayload(contact.phoneNumber, CHAT_SUPPORT_PROMPT));
      await em.flush();
      return 'menu';
    }
    if (wantsTicket) {
      const opened = await openTicketInTransaction(
        em,
        events,
        {
          phoneNumber: contact.phoneNumber,
          senderName: contact.name,
          issueDescription: asBody(describeContent(content)),
          whatsappMessageId: inbound.whatsappMessageId,
          userMessageAt: inbound.sentAt,
          studentId: contact.studentId,
        },
        null,
      );
      contact.conversationState = ConversationState.IN_SUPPORT;
      contact.openTicketId = opened.id;
      const first = await em.findOneOrFail(Message, { whatsappMessageId: inbound.whatsappMessageId });
      applyKindFields(first, opened, inbound);
      recordMedia(em, first, inbound);
      const reply = await addMessageToThread(ctx, em, opened, {
        senderType: SenderType.BOT,
        senderName: null,
        authorId: null,
        body: ticketOpenedReply(opened.id),
        toPerson: true,
      });
      events.push({ topic: 'MESSAGE_ADDED', payload: { ticketId: opened.id, messageId: reply.id } });
      await tellWhenAgentsReturn(ctx, em, events, opened, contact);
      return 'opened-ticket';
    }

    if (content.type === 'reaction') return 'ignored';
    const item = findMenuItem(menu, isChoice ? { choiceId: content.choiceId } : { text: content.type === 'text' ? content.text : '' });
    const to = contact.phoneNumber;
    if (item?.id === CHAT_SUPPORT_ID) {
      contact.conversationState = ConversationState.AWAITING_ISSUE;
      enqueueOutbound(em, to, textPayload(to, CHAT_SUPPORT_PROMPT));
    } else if (item?.answer) {
      contact.conversationState = ConversationState.MENU;
      enqueueOutbound(em, to, textPayload(to, item.answer));
    } else {
      contact.conversationState = ConversationState.MENU;
      const rows = menu.items.map((entry) => ({ id: entry.id, title: entry.title, description: entry.description }));
      enqueueOutbound(em, to, listPayload(to, menuText(menu), menu.button, 'Options', rows));
    }
    contact.openTicketId = null;
    await em.flush();
    return 'menu';
  });
}

