// Turns a webhook body into typed WhatsApp events before any domain code sees it.
// Every element of entry, changes, messages and statuses is read; one malformed element is
// reported and skipped, never the whole delivery.

import { isBusinessScopedUserId } from '../support/support.validation.js';

export type InboundContent =
  | { type: 'text'; text: string }
  /**
   * A reply chosen from a list (`list_reply`), a reply button (`button_reply`, as the satisfaction survey's),
   * or a template's quick-reply button (`template_button`): `choiceId` is the row's or button's id (or payload).
   */
  | { type: 'choice'; via: 'list_reply' | 'button_reply' | 'template_button'; choiceId: string; title: string }
  | { type: 'media'; media: 'image' | 'document' | 'audio' | 'video' | 'sticker'; mediaId: string | null; caption: string | null; filename: string | null; mimeType: string | null; sha256: string | null; voice: boolean }
  | { type: 'location'; latitude: number; longitude: number; name: string | null; address: string | null }
  | { type: 'contacts'; names: string[]; phones: string[] }
  | { type: 'reaction'; emoji: string | null; reactedToId: string | null }
  | { type: 'unsupported'; originalType: string; errorTitle: string | null }
  /**
   * WhatsApp telling the business about the person (`type: system`): they moved to a new number (`number`,
   * with the new one), WhatsApp gave them a new business-scoped user id (`user-id`), their security code
   * changed (`identity`: a new phone or a reinstall, or someone else), or something else (`other`).
   */
  | { type: 'system'; change: 'number' | 'user-id' | 'identity' | 'other'; systemType: string; body: string | null; newPhoneNumber: string | null; newUserId: string | null };

export interface InboundMessage {
  kind: 'message';
  whatsappMessageId: string;
  /** Who wrote, as the desk names them: their number (digits), or their business-scoped user id when WhatsApp sent no number. */
  from: string;
  /** Their number, digits only; null for a person who shares none (a WhatsApp username user). */
  phoneNumber: string | null;
  /** Their business-scoped user id (`from_user_id`, or `user_id` in `contacts`), when WhatsApp sent one. */
  userId: string | null;
  /** Their WhatsApp username (`contacts[].profile.username`), when they set one. */
  username: string | null;
  profileName: string | null;
  sentAt: Date;
  /** The message this one answers (interactive replies, quoted replies). */
  contextId: string | null;
  content: InboundContent;
}

export type ReceiptStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusReceipt {
  kind: 'status';
  whatsappMessageId: string;
  status: ReceiptStatus;
  recipient: string | null;
  /** The recipient's business-scoped user id (`recipient_user_id`), sent for people addressed by one. */
  recipientUserId: string | null;
  at: Date;
  error: { code: number; title: string } | null;
}

export interface SystemError {
  kind: 'error';
  code: number | null;
  title: string;
}

export type WhatsappEvent = InboundMessage | StatusReceipt | SystemError;

export interface ParsedDelivery {
  events: WhatsappEvent[];
  /** Elements that could not be read, with what identifies them, for the log. */
  rejected: { id: string | null; reason: string }[];
}

/** The body is not a WhatsApp payload at all. */
export class NotAWhatsappPayload extends Error {}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function timestampOf(value: unknown): Date {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) return new Date();
  // A clock ahead of ours must not open a reply window that WhatsApp does not have.
  return new Date(Math.min(seconds * 1000, Date.now()));
}

const MEDIA_TYPES = ['image', 'document', 'audio', 'video', 'sticker'] as const;

function contentOf(message: Json): InboundContent {
  const type = str(message.type) ?? 'unknown';
  const body = isObject(message[type]) ? (message[type] as Json) : {};
  switch (type) {
    case 'text': {
      const text = str(body.body);
      if (text === null) throw new Error('text message without a body');
      return { type: 'text', text };
    }
    case 'interactive': {
      const via = isObject(body.list_reply) ? 'list_reply' : isObject(body.button_reply) ? 'button_reply' : null;
      const reply = via ? (body[via] as Json) : null;
      const choiceId = str(reply?.id);
      if (!via || !reply || choiceId === null) throw new Error('interactive message without a list or button reply');
      return { type: 'choice', via, choiceId, title: str(reply.title) ?? choiceId };
    }
    case 'button': {
      const text = str(body.text) ?? str(body.payload);
      if (text === null) throw new Error('button message without text or payload');
      return { type: 'choice', via: 'template_button', choiceId: str(body.payload) ?? text, title: text };
    }
    case 'location':
      return { type: 'location', latitude: num(body.latitude) ?? 0, longitude: num(body.longitude) ?? 0, name: str(body.name), address: str(body.address) };
    case 'contacts': {
      const cards = asArray(message.contacts).filter(isObject);
      return {
        type: 'contacts',
        names: cards.map((card) => (isObject(card.name) ? str(card.name.formatted_name) : null) ?? 'unnamed'),
        phones: cards.flatMap((card) => asArray(card.phones).filter(isObject).map((phone) => str(phone.phone) ?? str(phone.wa_id) ?? '')).filter(Boolean),
      };
    }
    case 'reaction':
      return { type: 'reaction', emoji: str(body.emoji), reactedToId: str(body.message_id) };
    case 'system':
      return systemContentOf(body);
    default:
      if ((MEDIA_TYPES as readonly string[]).includes(type)) {
        return {
          type: 'media',
          media: type as (typeof MEDIA_TYPES)[number],
          mediaId: str(body.id),
          caption: str(body.caption),
          filename: str(body.filename),
          mimeType: str(body.mime_type),
          sha256: str(body.sha256),
          voice: body.voice === true,
        };
      }
      return { type: 'unsupported', originalType: type, errorTitle: str(asArray(message.errors).filter(isObject)[0]?.title) };
  }
}

const SYSTEM_CHANGES: Record<string, 'number' | 'user-id' | 'identity'> = {
  user_changed_number: 'number',
  customer_changed_number: 'number',
  user_changed_user_id: 'user-id',
  user_identity_changed: 'identity',
  customer_identity_changed: 'identity',
};

/** Digits of a number WhatsApp sent, or null when there are none. */
const digitsOf = (value: string | null) => value?.replace(/\D/g, '') || null;

function systemContentOf(body: Json): InboundContent {
  const systemType = str(body.type) ?? 'unknown';
  return {
    type: 'system',
    change: SYSTEM_CHANGES[systemType] ?? 'other',
    systemType,
    body: str(body.body),
    // The new number: `wa_id` today, `new_wa_id` in the older shape.
    newPhoneNumber: digitsOf(str(body.new_wa_id) ?? str(body.wa_id)),
    newUserId: [str(body.new_user_id), str(body.user_id)].find((id) => id !== null && isBusinessScopedUserId(id)) ?? null,
  };
}

/** Who a change's `contacts` array says the people are: by number and by business-scoped user id. */
interface ContactCard {
  phoneNumber: string | null;
  userId: string | null;
  name: string | null;
  username: string | null;
}

function readContactCards(value: Json): Map<string, ContactCard> {
  const cards = new Map<string, ContactCard>();
  for (const contact of asArray(value.contacts).filter(isObject)) {
    const waId = str(contact.wa_id);
    const profile = isObject(contact.profile) ? contact.profile : {};
    const card: ContactCard = {
      phoneNumber: waId && !isBusinessScopedUserId(waId) ? digitsOf(waId) : null,
      userId: [str(contact.user_id), waId].find((id) => id !== null && isBusinessScopedUserId(id)) ?? null,
      name: str(profile.name),
      username: str(profile.username) ?? str(contact.username),
    };
    if (card.phoneNumber) cards.set(card.phoneNumber, card);
    if (card.userId) cards.set(card.userId, card);
  }
  return cards;
}

/**
 * The sender: `from` (a number; a business-scoped user id for a person who shares none) and `from_user_id`,
 * completed from the `contacts` card that names either of them (it carries the other, the name and username).
 */
function readSender(message: Json, cards: Map<string, ContactCard>) {
  const from = str(message.from);
  let phoneNumber = from && !isBusinessScopedUserId(from) ? digitsOf(from) : null;
  let userId = [str(message.from_user_id), from].find((id) => id !== null && isBusinessScopedUserId(id)) ?? null;
  const card = (phoneNumber ? cards.get(phoneNumber) : undefined) ?? (userId ? cards.get(userId) : undefined);
  phoneNumber ??= card?.phoneNumber ?? null;
  userId ??= card?.userId ?? null;
  return { phoneNumber, userId, name: card?.name ?? null, username: card?.username ?? null };
}

function readMessage(message: Json, cards: Map<string, ContactCard>): InboundMessage {
  const id = str(message.id);
  const sender = readSender(message, cards);
  const from = sender.phoneNumber ?? sender.userId;
  if (!id || !from) throw new Error('message without an id or a sender');
  if (id.length > 128) throw new Error('message id longer than 128 characters');
  return {
    kind: 'message',
    whatsappMessageId: id,
    from,
    phoneNumber: sender.phoneNumber,
    userId: sender.userId,
    username: sender.username,
    profileName: sender.name,
    sentAt: timestampOf(message.timestamp),
    contextId: isObject(message.context) ? str(message.context.id) : null,
    content: contentOf(message),
  };
}

const RECEIPT_STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'failed'];

function readStatus(status: Json): StatusReceipt {
  const id = str(status.id);
  const value = str(status.status);
  if (!id || !value || !RECEIPT_STATUSES.includes(value)) throw new Error(`status "${String(status.status)}" is not one we know`);
  const error = asArray(status.errors).filter(isObject)[0];
  return {
    kind: 'status',
    whatsappMessageId: id,
    status: value as ReceiptStatus,
    recipient: str(status.recipient_id),
    recipientUserId: str(status.recipient_user_id),
    at: timestampOf(status.timestamp),
    error: error ? { code: num(error.code) ?? 0, title: str(error.title) ?? str(error.message) ?? 'unknown error' } : null,
  };
}

export function parseDelivery(body: unknown): ParsedDelivery {
  if (!isObject(body) || body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) {
    throw new NotAWhatsappPayload('not a WhatsApp Business Account webhook payload');
  }
  const delivery: ParsedDelivery = { events: [], rejected: [] };
  const attempt = (id: unknown, read: () => WhatsappEvent) => {
    try {
      delivery.events.push(read());
    } catch (error) {
      delivery.rejected.push({ id: str(id), reason: error instanceof Error ? error.message : String(error) });
    }
  };
  for (const entry of body.entry.filter(isObject)) {
    for (const change of asArray(entry.changes).filter(isObject)) {
      const value = isObject(change.value) ? change.value : {};
      const cards = readContactCards(value);
      for (const message of asArray(value.messages)) {
        attempt(isObject(message) ? message.id : null, () => {
          if (!isObject(message)) throw new Error('message is not an object');
          return readMessage(message, cards);
        });
      }
      for (const status of asArray(value.statuses)) {
        attempt(isObject(status) ? status.id : null, () => {
          if (!isObject(status)) throw new Error('status is not an object');
          return readStatus(status);
        });
      }
      for (const error of asArray(value.errors).filter(isObject)) {
        delivery.events.push({ kind: 'error', code: num(error.code), title: str(error.title) ?? str(error.message) ?? 'unknown error' });
      }
    }
  }
  return delivery;
}

/** How an inbound message reads in the thread: its text, or a readable stand-in for what was sent. */
export function describeContent(content: InboundContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'choice':
      return content.title;
    case 'media': {
      // What an agent reads in the ticket list; WhatsApp's media id is internal and stays on the attachment.
      const label = { image: '📷 Photo', document: '📄 Document', audio: content.voice ? '🎤 Voice message' : '🎵 Audio', video: '🎬 Video', sticker: '🏷️ Sticker' }[content.media];
      return [content.filename ? `${label}: ${content.filename}` : label, content.caption].filter(Boolean).join(' — ');
    }
    case 'location':
      return `📍 Location: ${[content.name, content.address].filter(Boolean).join(', ') || 'shared'} (${content.latitude}, ${content.longitude})`;
    case 'contacts':
      return `👤 Contact card: ${content.names.join(', ')}${content.phones.length ? ` (${content.phones.join(', ')})` : ''}`;
    case 'reaction':
      return content.emoji ? `Reacted ${content.emoji}` : 'Removed a reaction';
    case 'unsupported':
      return `⚠️ Unsupported message (${content.originalType}${content.errorTitle ? `: ${content.errorTitle}` : ''})`;
    case 'system':
      return describeSystem(content);
    default: {
      const unknown: never = content;
      return String(unknown);
    }
  }
}

/** The notice agents read in the thread for a system message. */
function describeSystem(content: Extract<InboundContent, { type: 'system' }>): string {
  switch (content.change) {
    case 'number':
      return `📱 ${content.body ?? 'The person changed their phone number.'}${content.newPhoneNumber ? ` Replies now go to +${content.newPhoneNumber}.` : ''}`;
    case 'identity':
      return `🔐 Security notice: this person's WhatsApp security code changed (${content.body ?? content.systemType}). They may have reinstalled WhatsApp or moved to a new phone, or someone else may be using their account: make sure it is still them before sharing personal details.`;
    case 'user-id':
      return `🪪 ${content.body ?? 'WhatsApp gave this person a new user id.'}`;
    case 'other':
      return `ℹ️ WhatsApp system message (${content.systemType})${content.body ? `: ${content.body}` : ''}`;
    default: {
      const unknown: never = content.change;
      return String(unknown);
    }
  }
}
