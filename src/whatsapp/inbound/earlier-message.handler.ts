import type { TransactionEvents } from '../../support/support.context.js';
// Messages that change an earlier message rather than add one: an edit (the new text, the old kept in the
// message's history), a revoke (the person deleted it for everyone) and a reaction (an emoji on it).
import type { EntityManager } from '@mikro-orm/core';
import { MediaFile } from '../../media/media.entity.js';
import type { Contact } from '../../support/contact.entity.js';
import { jsonColumn, type MessageEditRecord } from '../../support/message-details.js';
import { Message } from '../../support/message.entity.js';
import { SenderType } from '../../support/support.enums.js';
import type { Ticket } from '../../support/ticket.entity.js';
import { DELETED_BY_PERSON, type InboundContent, type InboundMessage } from '../webhook.parse.js';
import type { InboundTurn } from './inbound.turn.js';
import { asBody } from './thread.writer.js';

/** The person's own earlier message (or, for a reaction, any message of their tickets), by its WhatsApp id. */
async function earlierMessage(
  em: EntityManager,
  contact: Contact,
  whatsappMessageId: string,
  mineOnly: boolean,
): Promise<Message | null> {
  const message = await em.findOne(Message, { whatsappMessageId }, { populate: ['ticket'] });
  if (!message || message.ticket.phoneNumber !== contact.phoneNumber) return null;
  if (mineOnly && message.senderType !== SenderType.USER) return null;
  return message;
}

/**
 * The message an edit, revoke or reaction names, when it is in the desk. Null otherwise: an edit or a reaction
 * is then kept as a line of its own, and a revoke let go (there is nothing to hide).
 */
export function findChangedMessage(
  em: EntityManager,
  contact: Contact,
  content: InboundContent,
): Promise<Message | null> {
  if (content.type === 'edit' || content.type === 'revoke')
    return earlierMessage(em, contact, content.originalId, true);
  if (content.type === 'reaction' && content.reactedToId)
    return earlierMessage(em, contact, content.reactedToId, false);
  return Promise.resolve(null);
}

function changed(events: TransactionEvents, message: Message): Promise<void> {
  return events.emit({
    type: 'MessageUpdated',
    ticketId: message.ticket.id,
    messageId: message.id,
    ticketChanged: true,
  });
}

/** The ticket's issue line was this message's text: it follows the message. */
function followOnTicket(ticket: Ticket, before: string, after: string): void {
  if (ticket.issueDescription === before) ticket.issueDescription = after;
}

async function applyEdit(
  em: EntityManager,
  message: Message,
  inbound: InboundMessage,
  content: InboundContent,
): Promise<void> {
  if (message.deletedByPersonAt) return;
  const body = asBody(inbound.description);
  if (body === message.body) return; // a repeated edit, or one that changed nothing we show
  const history = jsonColumn<MessageEditRecord[]>(message.editHistory) ?? [];
  message.editHistory = [...history, { body: message.body, replacedAt: inbound.sentAt.toISOString() }];
  followOnTicket(message.ticket, message.body, body);
  message.body = body;
  message.editedAt = inbound.sentAt;
  if (content.type === 'media') await em.nativeUpdate(MediaFile, { message: message.id }, { caption: content.caption });
}

/** The person deleted it for everyone: its text, earlier versions and details go; the row stays, reading as deleted. */
function applyRevoke(message: Message, inbound: InboundMessage): void {
  if (message.deletedByPersonAt) return;
  followOnTicket(message.ticket, message.body, DELETED_BY_PERSON);
  message.body = DELETED_BY_PERSON;
  message.deletedByPersonAt = inbound.sentAt;
  message.editHistory = null;
  message.details = null;
  message.personReaction = null;
}

/** An edit, revoke or reaction applied to the message it names (found by findChangedMessage); no line is added. */
export async function changeEarlierMessage(
  { em, events, inbound }: InboundTurn,
  message: Message,
): Promise<'changed-earlier'> {
  const { content } = inbound;
  if (content.type === 'edit') await applyEdit(em, message, inbound, content.content);
  if (content.type === 'revoke') applyRevoke(message, inbound);
  if (content.type === 'reaction')
    message.personReaction = content.emoji ? [...content.emoji].slice(0, 8).join('') : null;
  await changed(events, message);
  return 'changed-earlier';
}
