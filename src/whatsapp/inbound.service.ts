// What happens when a person writes: the bot's conversation (menu, Chat Support, the issue that opens a
// ticket), every message while a ticket is open joining that ticket, a message soon after it was resolved
// reopening it, and later ones kept on their latest ticket; edits, deletions and reactions change the
// message they name. One transaction per message, keyed by its
// WhatsApp id, so a repeated delivery changes nothing.
import type { EntityManager } from '@mikro-orm/core';
import { Message } from '../support/message.entity.js';
import { addMessageToThread } from '../support/message.service.js';
import { inTransaction, type SupportContext } from '../support/support.context.js';
import { SenderType, TicketStatus } from '../support/support.enums.js';
import { tellWhenAgentsReturn } from '../desk/after-hours.service.js';
import { Ticket } from '../support/ticket.entity.js';
import { hasReachedTicketLimit, loadTicketForChange, openTicketInTransaction } from '../support/ticket.service.js';
import { CHAT_SUPPORT_ID, CHAT_SUPPORT_PROMPT, findMenuItem, menuText, type BotMenu } from './bot.menu.js';
import { type Contact, ConversationState } from '../support/contact.entity.js';
import { contactFor } from './contact-identity.js';
import { listPayload, textPayload } from './cloud-api.payloads.js';
import { enqueueOutbound } from './outbox.service.js';
import { ProcessedInbound } from './processed-inbound.entity.js';
import { commentOnRating, rateFromSurvey } from './inbound/survey-answer.handler.js';
import { describeContent, type InboundMessage } from './webhook.parse.js';
import { applyKindFields, changeEarlierMessage } from './inbound-changes.js';
import { assignWaitingTickets } from '../routing/routing.service.js';
import { asBody, joinTicket, recordMedia } from './inbound.thread.js';
import { keepAfterTicket, noteSystemChange } from './inbound.after-ticket.js';

export type InboundOutcome =
  | 'duplicate'
  | 'joined-ticket'
  | 'opened-ticket'
  | 'reopened-ticket'
  | 'menu'
  | 'ignored'
  | 'rate-limited'
  | 'rated'
  | 'commented'
  | 'system-notice'
  | 'changed-earlier';

export const TOO_MANY_TICKETS =
  'You have opened several support tickets in the last hour. Please wait a little before opening another one.';

export const ticketOpenedReply = (ticketId: number) =>
  `✅ Thank you! Your support ticket #${ticketId} is open. An agent will answer you here as soon as possible.`;

/** The ticket this person's messages join: the one the bot opened, or any of theirs still open. */
async function activeTicketOf(em: EntityManager, contact: Contact): Promise<Ticket | null> {
  const active = { $in: [TicketStatus.OPEN, TicketStatus.IN_PROGRESS] };
  const current = contact.openTicketId ? await em.findOne(Ticket, { id: contact.openTicketId, status: active }) : null;
  const ticket =
    current ??
    (await em.findOne(Ticket, { phoneNumber: contact.phoneNumber, status: active }, { orderBy: { id: 'desc' } }));
  return ticket ? loadTicketForChange(em, ticket.id) : null;
}

/** One message from a person; a ticket it opens is then assigned when routing is on. */
export async function receiveWhatsappMessage(
  ctx: SupportContext,
  menu: BotMenu,
  inbound: InboundMessage,
): Promise<InboundOutcome> {
  const outcome = await handleInbound(ctx, menu, inbound);
  // A reopened ticket whose assignee left (or that had none) waits for routing like a new one.
  if (outcome === 'opened-ticket' || outcome === 'reopened-ticket') await assignWaitingTickets(ctx);
  return outcome;
}

async function handleInbound(ctx: SupportContext, menu: BotMenu, inbound: InboundMessage): Promise<InboundOutcome> {
  return inTransaction(ctx, async (em, events) => {
    if (await em.findOne(ProcessedInbound, { whatsappMessageId: inbound.whatsappMessageId })) return 'duplicate';
    em.create(ProcessedInbound, { whatsappMessageId: inbound.whatsappMessageId, sender: inbound.from });
    await em.flush();
    const contact = await contactFor(em, events, inbound);
    const { content } = inbound;
    if (content.type === 'system') return noteSystemChange(em, events, contact, inbound, content);
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
      await em.flush();
      ticket.lastUserMessageId = message.id; // written at commit
      events.push({ topic: 'MESSAGE_ADDED', payload: { ticketId: ticket.id, messageId: message.id } });
      await tellWhenAgentsReturn(ctx, em, events, ticket, contact);
      return 'joined-ticket';
    }
    const commented = await commentOnRating(em, events, contact, inbound);
    if (commented) return commented;

    const isChoice = content.type === 'choice';
    const wantsTicket =
      contact.conversationState === ConversationState.AWAITING_ISSUE &&
      !isChoice &&
      content.type !== 'reaction' &&
      content.type !== 'welcome';
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
    const item = findMenuItem(
      menu,
      isChoice ? { choiceId: content.choiceId } : { text: content.type === 'text' ? content.text : '' },
    );
    // Not a pick from the bot's menu (tapped, or its number or title typed): written after a ticket ended, it
    // reopens that ticket or is kept on it.
    if (!isChoice && !item && (await keepAfterTicket(ctx, em, events, contact, inbound)) === 'reopened-ticket')
      return 'reopened-ticket';
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
