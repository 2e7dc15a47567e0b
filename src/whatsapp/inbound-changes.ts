// Messages that change an earlier message rather than add one: an edit (the new text, the old kept in the
// message's history), a revoke (the person deleted it for everyone) and a reaction (an emoji on it). Also
// what every new message of the person keeps beside its body: the quoted message, the forward mark, the
// structured content and the ad it came from.
import type { EntityManager } from '@mikro-orm/core';
import type { SupportEvent } from '../pubsub/pubsub.js';
import { MediaFile } from '../media/media.entity.js';
import { jsonColumn, type MessageDetails, type MessageEditRecord } from '../support/message-details.js';
import { MAX_BODY_LENGTH, Message } from '../support/message.entity.js';
import { capText } from '../text/clean-text.js';
import { ForwardedMark, SenderType } from '../support/support.enums.js';
import { Ticket } from '../support/ticket.entity.js';
import type { Contact } from '../support/contact.entity.js';
import { DELETED_BY_PERSON, describeContent, type InboundContent, type InboundMessage } from './webhook.parse.js';

/** Fits WhatsApp's limit without cutting a character in two. */
const asBody = (text: string): string => capText(text, MAX_BODY_LENGTH);

function detailsOf(content: InboundContent, inbound: InboundMessage): MessageDetails | null {
  const details: MessageDetails = {};
  if (content.type === 'location')
    details.location = {
      latitude: content.latitude,
      longitude: content.longitude,
      name: content.name,
      address: content.address,
      url: content.url,
    };
  if (content.type === 'order')
    details.order = { catalogId: content.catalogId, text: content.text, items: content.items };
  if (content.type === 'form' && content.answers.length) details.form = { answers: content.answers };
  if (inbound.referral) details.referral = inbound.referral;
  return Object.keys(details).length ? details : null;
}

/**
 * What a new message of the person keeps beside its body. An edit whose original the desk never had arrives
 * as a new message with the new content, marked edited.
 */
export function applyKindFields(message: Message, ticket: Ticket, inbound: InboundMessage): void {
  const content = inbound.content.type === 'edit' ? inbound.content.content : inbound.content;
  message.replyToWhatsappId = inbound.contextId;
  message.forwarded = inbound.forwarded ? ForwardedMark[inbound.forwarded] : null;
  message.details = detailsOf(content, inbound);
  if (inbound.content.type === 'edit') message.editedAt = inbound.sentAt;
  // The ad a person came from is shown on the ticket: the first one wins.
  if (inbound.referral && !jsonColumn(ticket.referral)) ticket.referral = inbound.referral;
}

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

function changed(events: SupportEvent[], message: Message): void {
  events.push(
    { topic: 'MESSAGE_UPDATED', payload: { ticketId: message.ticket.id, messageId: message.id } },
    { topic: 'TICKET_UPDATED', payload: { ticketId: message.ticket.id } },
  );
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
  const body = asBody(describeContent(content));
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

/**
 * An edit, revoke or reaction applied to the message it names. Returns false when that message is not in
 * the desk: the caller then keeps an edit or a reaction as a line of its own, and lets a revoke go (there is
 * nothing to hide).
 */
export async function changeEarlierMessage(
  em: EntityManager,
  events: SupportEvent[],
  contact: Contact,
  inbound: InboundMessage,
): Promise<boolean> {
  const { content } = inbound;
  if (content.type === 'edit') {
    const message = await earlierMessage(em, contact, content.originalId, true);
    if (!message) return false;
    await applyEdit(em, message, inbound, content.content);
    changed(events, message);
    return true;
  }
  if (content.type === 'revoke') {
    const message = await earlierMessage(em, contact, content.originalId, true);
    if (!message) return false;
    applyRevoke(message, inbound);
    changed(events, message);
    return true;
  }
  if (content.type === 'reaction' && content.reactedToId) {
    const message = await earlierMessage(em, contact, content.reactedToId, false);
    if (!message) return false;
    message.personReaction = content.emoji ? [...content.emoji].slice(0, 8).join('') : null;
    changed(events, message);
    return true;
  }
  return false;
}
