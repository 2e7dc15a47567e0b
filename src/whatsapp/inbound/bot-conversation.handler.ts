// The bot's side of the conversation with a person who has no open ticket: the menu, an item's answer, or the
// Chat Support prompt. A message written after their ticket ended (too late to reopen it, or after CLOSED) is
// first kept in that ticket's thread without reopening it, so it is in their history and found by search.
import { Message } from '../../support/message.entity.js';
import { ConversationState } from '../../support/contact.entity.js';
import { SenderType, TicketStatus } from '../../support/support.enums.js';
import type { Ticket } from '../../support/ticket.entity.js';
import { appendBotLines, BotLineSender, type StoredBotLine } from '../../support/bot-conversation.js';
import { jsonColumn } from '../../support/message-details.js';
import { LANGUAGE_PROMPT } from '../../bot-messages/bot-messages.texts.js';
import { type BotMenu, CHAT_SUPPORT_ID, LANGUAGE_ID, type MenuItem, menuText } from '../bot.menu.js';
import { languagePayload, menuPayload, textPayload } from '../cloud-api.payloads.js';
import { enqueueOutbound } from '../outbox.service.js';
import type { InboundTurn } from './inbound.turn.js';
import { addSystemLine, asBody, storePersonMessage } from './thread.writer.js';

export const keptAfterNotice = (status: TicketStatus) =>
  `📥 The person wrote after this ticket was ${status === TicketStatus.CLOSED ? 'closed' : 'resolved'}. The bot answered them; the ticket stays ${status}. Reopen it to answer here.`;

async function keepOnEndedTicket({ em, events, inbound }: InboundTurn, ticket: Ticket): Promise<void> {
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
  if (notice) await events.emit({ type: 'MessageAdded', ticket, message: notice, kind: 'system', actor: null });
  await events.emit({ type: 'MessageAdded', ticket, message, kind: 'person', actor: null });
}

/** `item` is the menu item the message picked, if any; `endedTicket` the ended ticket it is kept on, if any. */
export async function answerFromMenu(
  turn: InboundTurn,
  menu: BotMenu,
  item: MenuItem | null,
  endedTicket: Ticket | null,
): Promise<'menu'> {
  if (endedTicket) await keepOnEndedTicket(turn, endedTicket);
  const { em, contact, inbound, texts } = turn;
  const to = contact.phoneNumber;
  let answer: string;
  if (item?.id === CHAT_SUPPORT_ID) {
    contact.conversationState = ConversationState.AWAITING_ISSUE;
    answer = texts.chatSupportPrompt;
    enqueueOutbound(em, to, textPayload(to, answer));
  } else if (item?.id === LANGUAGE_ID) {
    contact.conversationState = ConversationState.MENU;
    answer = LANGUAGE_PROMPT;
    enqueueOutbound(em, to, languagePayload(to));
  } else if (item?.answer) {
    contact.conversationState = ConversationState.MENU;
    answer = item.answer;
    enqueueOutbound(em, to, textPayload(to, answer));
  } else {
    contact.conversationState = ConversationState.MENU;
    answer = menuText(menu);
    enqueueOutbound(em, to, menuPayload(to, menu));
  }
  // Kept for the ticket this may lead to, so that agents see how the person got there.
  contact.botConversation = appendBotLines(jsonColumn<StoredBotLine[]>(contact.botConversation), [
    { from: BotLineSender.PERSON, text: asBody(inbound.description) },
    { from: BotLineSender.BOT, text: asBody(answer) },
  ]);
  contact.openTicketId = null;
  await em.flush();
  return 'menu';
}
