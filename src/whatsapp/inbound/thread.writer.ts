import type { TransactionEvents } from '../../support/support.context.js';
// Writing what a person sent into a ticket's thread: their message (with its file and what it keeps beside its
// body), and the desk's own notice lines (sender SYSTEM) about them. Shared by the inbound handlers.
import type { EntityManager } from '@mikro-orm/core';
import { MediaFile, MediaStatus } from '../../media/media.entity.js';
import { mediaKindOf, refuseType } from '../../media/media.policy.js';
import { type Contact, ConversationState } from '../../support/contact.entity.js';
import { jsonColumn, type MessageDetails } from '../../support/message-details.js';
import { MAX_BODY_LENGTH, Message } from '../../support/message.entity.js';
import { wakeTicket } from '../../support/snooze.service.js';
import { ForwardedMark, SenderType } from '../../support/support.enums.js';
import type { Ticket } from '../../support/ticket.entity.js';
import { capText } from '../../text/clean-text.js';
import { asName } from '../contact-identity.js';
import type { InboundContent, InboundMessage } from '../webhook.parse.js';

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
 * What a new message of the person keeps beside its body: the quoted message, the forward mark, the structured
 * content and the ad it came from. An edit whose original the desk never had arrives as a new message with the
 * new content, marked edited.
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

/** A file that came with the message is recorded as PENDING with it (fetched later by media.fetcher.ts), or refused now by its type. */
export function recordMedia(em: EntityManager, message: Message, inbound: InboundMessage): void {
  // An edit of a message the desk never had arrives as a new message with the new content.
  const content = inbound.content.type === 'edit' ? inbound.content.content : inbound.content;
  if (content.type !== 'media') return;
  const kind = mediaKindOf(content.media);
  const refusal = refuseType(kind, content.mimeType);
  em.create(MediaFile, {
    message,
    kind,
    whatsappMediaId: content.mediaId,
    mimeType: content.mimeType,
    filename: content.filename,
    caption: content.caption,
    sha256: content.sha256,
    ...(refusal ? { status: MediaStatus.FAILED, error: refusal } : {}),
  });
}

/** Fits WhatsApp's limit without cutting a character in two (the cut never splits a surrogate pair). */
export const asBody = (text: string): string => capText(text, MAX_BODY_LENGTH);

/** The person's message in the ticket's thread (whatever the ticket's status), with its file if one came. */
export function storePersonMessage(em: EntityManager, ticket: Ticket, inbound: InboundMessage): Message {
  const now = new Date();
  const message = em.create(Message, {
    ticket,
    senderType: SenderType.USER,
    senderName: asName(inbound.profileName) ?? ticket.senderName,
    body: asBody(inbound.description),
    whatsappMessageId: inbound.whatsappMessageId,
    createdAt: now,
  });
  applyKindFields(message, ticket, inbound);
  if (inbound.profileName) ticket.senderName = asName(inbound.profileName);
  if (!ticket.lastUserMessageAt || ticket.lastUserMessageAt < inbound.sentAt) ticket.lastUserMessageAt = inbound.sentAt;
  ticket.lastMessageAt = now;
  ticket.updatedAt = now;
  recordMedia(em, message, inbound);
  return message;
}

/**
 * A line from the desk itself in the thread (sender SYSTEM): never sent to the person. A `quiet` line does not
 * count as activity (the ticket keeps its place in a list sorted by the latest message).
 */
export function addSystemLine(
  em: EntityManager,
  ticket: Ticket,
  body: string,
  whatsappMessageId: string | null = null,
  { quiet = false }: { quiet?: boolean } = {},
): Message {
  const now = new Date();
  const line = em.create(Message, {
    ticket,
    senderType: SenderType.SYSTEM,
    senderName: null,
    body: asBody(body),
    whatsappMessageId,
    createdAt: now,
  });
  if (!quiet) ticket.lastMessageAt = now;
  return line;
}

/** The person's message joins their open ticket, which their conversation is now attached to. */
export async function joinTicket(
  em: EntityManager,
  events: TransactionEvents,
  ticket: Ticket,
  contact: Contact,
  inbound: InboundMessage,
): Promise<Message> {
  const message = storePersonMessage(em, ticket, inbound);
  contact.conversationState = ConversationState.IN_SUPPORT;
  contact.openTicketId = ticket.id;
  // The person wrote: a snoozed ticket is open work again.
  if (ticket.snoozedAt) await wakeTicket(events, ticket, 'reply');
  return message;
}
