// The issue a person describes after choosing Chat Support: it opens a ticket, unless they opened too many in
// the last hour or wrote nothing but spaces.
import { fillPlaceholders } from '../../bot-messages/bot-messages.texts.js';
import { tellWhenAgentsReturn } from '../../desk/after-hours.service.js';
import { appendBotLines, type StoredBotLine } from '../../support/bot-conversation.js';
import { ConversationState } from '../../support/contact.entity.js';
import { jsonColumn } from '../../support/message-details.js';
import { Message } from '../../support/message.entity.js';
import { addMessageToThread } from '../../support/message.service.js';
import { SenderType } from '../../support/support.enums.js';
import { hasReachedTicketLimit } from '../../support/ticket.repository.js';
import { openTicketInTransaction } from '../../support/ticket.service.js';
import { textPayload } from '../cloud-api.payloads.js';
import { enqueueOutbound } from '../outbox.service.js';
import type { InboundTurn } from './inbound.turn.js';
import { applyKindFields, asBody, recordMedia } from './thread.writer.js';

export async function openTicketFromIssue(turn: InboundTurn): Promise<'opened-ticket' | 'rate-limited' | 'menu'> {
  const { ctx, em, events, contact, inbound, texts } = turn;
  if (await hasReachedTicketLimit(em, contact.phoneNumber, ctx.ticketsPerPhonePerHour)) {
    enqueueOutbound(em, contact.phoneNumber, textPayload(contact.phoneNumber, texts.tooManyTickets));
    await em.flush();
    return 'rate-limited';
  }
  if (inbound.description.trim() === '') {
    // Nothing to open a ticket with (only spaces): ask again rather than refuse the delivery.
    enqueueOutbound(em, contact.phoneNumber, textPayload(contact.phoneNumber, texts.chatSupportPrompt));
    await em.flush();
    return 'menu';
  }
  const opened = await openTicketInTransaction(
    em,
    events,
    {
      phoneNumber: contact.phoneNumber,
      senderName: contact.name,
      issueDescription: asBody(inbound.description),
      whatsappMessageId: inbound.whatsappMessageId,
      userMessageAt: inbound.sentAt,
      studentId: contact.studentId,
    },
    null,
  );
  contact.conversationState = ConversationState.IN_SUPPORT;
  contact.openTicketId = opened.id;
  // The conversation with the bot that led here goes with the ticket; the next ticket starts its own.
  opened.botConversation = appendBotLines(jsonColumn<StoredBotLine[]>(contact.botConversation), []);
  contact.botConversation = null;
  const first = await em.findOneOrFail(Message, { whatsappMessageId: inbound.whatsappMessageId });
  applyKindFields(first, opened, inbound);
  recordMedia(em, first, inbound);
  const reply = await addMessageToThread(ctx, em, opened, {
    senderType: SenderType.BOT,
    senderName: null,
    authorId: null,
    body: fillPlaceholders(texts.ticketOpened, { ticketNumber: opened.id }),
    toPerson: true,
  });
  await events.emit({ type: 'MessageAdded', ticket: opened, message: reply, kind: 'bot', actor: null });
  await tellWhenAgentsReturn(ctx, em, events, opened, contact);
  return 'opened-ticket';
}
