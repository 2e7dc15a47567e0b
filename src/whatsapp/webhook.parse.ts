// Turns a webhook body into typed WhatsApp events before any domain code sees it.
// Every element of entry, changes, messages and statuses is read on its own: its text is cleaned
// (src/text/clean-text.ts) and held to the length rules of the columns it lands in; one that cannot be
// read is reported with its raw JSON (to be parked), never costing the rest of the delivery.
import { createHash } from 'node:crypto';
import { capNullable, capText, cleanDeep, TEXT_LIMITS } from '../text/clean-text.js';
import { isBusinessScopedUserId } from '../support/support.validation.js';
import type { AdReferral, FormAnswer, OrderItem } from '../support/message-details.js';
import { describeForm, describeOrder, readFormAnswers, readOrderItems, readReferral } from './inbound-content.js';

export type InboundContent =
  | { type: 'text'; text: string }
  /**
   * A reply chosen from a list (`list_reply`), a reply button (`button_reply`, as the satisfaction survey's),
   * or a template's quick-reply button (`template_button`): `choiceId` is the row's or button's id (or payload).
   */
  | { type: 'choice'; via: 'list_reply' | 'button_reply' | 'template_button'; choiceId: string; title: string }
  | {
      type: 'media';
      media: 'image' | 'document' | 'audio' | 'video' | 'sticker';
      mediaId: string | null;
      caption: string | null;
      filename: string | null;
      mimeType: string | null;
      sha256: string | null;
      voice: boolean;
    }
  | {
      type: 'location';
      latitude: number | null;
      longitude: number | null;
      name: string | null;
      address: string | null;
      url: string | null;
    }
  | { type: 'contacts'; names: string[]; phones: string[] }
  | { type: 'reaction'; emoji: string | null; reactedToId: string | null }
  /** The answers of a WhatsApp Flow (`interactive.nfm_reply`); `raw` holds a response that was not JSON. */
  | { type: 'form'; answers: FormAnswer[]; raw: string | null }
  | { type: 'order'; catalogId: string | null; text: string | null; items: OrderItem[] }
  /** The person changed an earlier message (`originalId`) to this content. */
  | { type: 'edit'; originalId: string; content: InboundContent }
  /** The person deleted an earlier message for everyone. */
  | { type: 'revoke'; originalId: string }
  /** The person opened the chat for the first time (`request_welcome`). */
  | { type: 'welcome' }
  | { type: 'unsupported'; originalType: string; errorTitle: string | null }
  /**
   * WhatsApp telling the business about the person (`type: system`): they moved to a new number (`number`,
   * with the new one), WhatsApp gave them a new business-scoped user id (`user-id`), their security code
   * changed (`identity`: a new phone or a reinstall, or someone else), or something else (`other`).
   */
  | {
      type: 'system';
      change: 'number' | 'user-id' | 'identity' | 'other';
      systemType: string;
      body: string | null;
      newPhoneNumber: string | null;
      newUserId: string | null;
    };

/** WhatsApp marks a message forwarded (5 times or fewer) or frequently forwarded (more). */
export type ForwardedMark = 'FORWARDED' | 'FREQUENTLY_FORWARDED';

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
  forwarded: ForwardedMark | null;
  /** The click-to-WhatsApp ad the person came from, on their first message after tapping it. */
  referral: AdReferral | null;
  content: InboundContent;
  /** How the content reads as one line in the thread, the ticket list and search (see describeContent). */
  description: string;
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

/** Where an element came from, and the element itself as it arrived: what is parked, and what a retry replays. */
export interface ElementSource {
  kind: 'message' | 'status' | 'error';
  /** The change's field ("messages") and the business number it came to. */
  field: string | null;
  phoneNumberId: string | null;
  /**
   * The element as a change value of its own, JSON, exactly as it arrived: `messages`, `statuses` or `errors`
   * holding just it, with the metadata and (for a message) its sender's contact card.
   */
  raw: string;
  /** SHA-256 of `raw`: the same element delivered again has the same key. */
  key: string;
}

/** One element of a delivery: read into an event, or refused with why. */
export type DeliveryElement =
  | { source: ElementSource; event: WhatsappEvent; refusal?: undefined }
  | { source: ElementSource; event?: undefined; refusal: { id: string | null; code: RefusalCode; reason: string } };

export interface ParsedDelivery {
  /** Every element, in the order of the body. */
  elements: DeliveryElement[];
  /** The events read (the elements' events, in order). */
  events: WhatsappEvent[];
}

/** The body is not a WhatsApp payload at all. */
export class NotAWhatsappPayload extends Error {}

/** Why an element is refused: an identifier breaks its rule (too long, not digits), or the element cannot be read. */
export type RefusalCode = 'INVALID_ID' | 'UNREADABLE';

class ElementRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** An identifier that is absent is null; one that breaks its length rule refuses the element (it would be stored wrong, or not at all). */
function identifier(value: unknown, what: string, max: number): string | null {
  const id = str(value);
  if (id !== null && id.length > max) throw new ElementRefused('INVALID_ID', `${what} longer than ${max} characters`);
  return id;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
/** A coordinate sent as a number or as a numeric string. */
const coordinate = (value: unknown): number | null =>
  num(value) ??
  (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null);
const firstErrorTitle = (errors: unknown): string | null => {
  const error = asArray(errors).filter(isObject)[0];
  return error ? (str(error.title) ?? str(error.message)) : null;
};

function timestampOf(value: unknown): Date {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) return new Date();
  // A clock ahead of ours must not open a reply window that WhatsApp does not have.
  return new Date(Math.min(seconds * 1000, Date.now()));
}

const MEDIA_TYPES = ['image', 'document', 'audio', 'video', 'sticker'] as const;

function contentOf(message: Json, depth = 0): InboundContent {
  const type = str(message.type) ?? 'unknown';
  // An edit carries the new message inside it; an edit inside an edit is not something WhatsApp sends.
  if (depth > 1) return { type: 'unsupported', originalType: type, errorTitle: null };
  const body = isObject(message[type]) ? (message[type] as Json) : {};
  switch (type) {
    case 'text': {
      const text = str(body.body);
      if (text === null) throw new Error('text message without a body');
      return { type: 'text', text };
    }
    case 'interactive': {
      if (body.type === 'nfm_reply' || isObject(body.nfm_reply)) {
        const reply = isObject(body.nfm_reply) ? body.nfm_reply : {};
        return { type: 'form', ...readFormAnswers(reply.response_json) };
      }
      const via = isObject(body.list_reply) ? 'list_reply' : isObject(body.button_reply) ? 'button_reply' : null;
      const reply = via ? (body[via] as Json) : null;
      const choiceId = str(reply?.id);
      // Seen beside `value.errors`: an interactive message with no reply part is kept, never dropped.
      if (!via || !reply || choiceId === null)
        return {
          type: 'unsupported',
          originalType: 'interactive',
          errorTitle: firstErrorTitle(message.errors) ?? 'no reply in it',
        };
      return { type: 'choice', via, choiceId, title: str(reply.title) ?? choiceId };
    }
    case 'button': {
      const text = str(body.text) ?? str(body.payload);
      if (text === null) throw new Error('button message without text or payload');
      return { type: 'choice', via: 'template_button', choiceId: str(body.payload) ?? text, title: text };
    }
    case 'location':
      return {
        type: 'location',
        latitude: coordinate(body.latitude),
        longitude: coordinate(body.longitude),
        name: str(body.name),
        address: str(body.address),
        url: str(body.url),
      };
    case 'contacts': {
      const cards = asArray(message.contacts).filter(isObject);
      return {
        type: 'contacts',
        names: cards.map((card) => (isObject(card.name) ? str(card.name.formatted_name) : null) ?? 'unnamed'),
        phones: cards
          .flatMap((card) =>
            asArray(card.phones)
              .filter(isObject)
              .map((phone) => str(phone.phone) ?? str(phone.wa_id) ?? ''),
          )
          .filter(Boolean),
      };
    }
    case 'reaction':
      return {
        type: 'reaction',
        emoji: str(body.emoji),
        reactedToId: identifier(body.message_id, 'reacted-to message id', TEXT_LIMITS.whatsappId),
      };
    case 'system':
      return systemContentOf(body);
    case 'order':
      return {
        type: 'order',
        catalogId: str(body.catalog_id) ?? (num(body.catalog_id) === null ? null : String(body.catalog_id)),
        text: str(body.text),
        items: readOrderItems(body.product_items),
      };
    case 'edit': {
      const originalId = identifier(body.original_message_id, 'original message id', TEXT_LIMITS.whatsappId);
      if (originalId === null || !isObject(body.message))
        return { type: 'unsupported', originalType: 'edit', errorTitle: firstErrorTitle(message.errors) };
      return { type: 'edit', originalId, content: contentOf(body.message, depth + 1) };
    }
    case 'revoke': {
      const originalId = identifier(body.original_message_id, 'original message id', TEXT_LIMITS.whatsappId);
      if (originalId === null)
        return { type: 'unsupported', originalType: 'revoke', errorTitle: firstErrorTitle(message.errors) };
      return { type: 'revoke', originalId };
    }
    case 'request_welcome':
      return { type: 'welcome' };
    default:
      if ((MEDIA_TYPES as readonly string[]).includes(type)) {
        return {
          type: 'media',
          media: type as (typeof MEDIA_TYPES)[number],
          mediaId: identifier(body.id, 'media id', TEXT_LIMITS.whatsappId),
          caption: capNullable(str(body.caption), TEXT_LIMITS.body),
          filename: capNullable(str(body.filename), TEXT_LIMITS.filename),
          mimeType: identifier(body.mime_type, 'mime type', TEXT_LIMITS.mimeType),
          sha256: identifier(body.sha256, 'sha256', TEXT_LIMITS.sha256),
          voice: body.voice === true,
        };
      }
      // `unsupported` names what it was in `unsupported.type` (a poll, a view-once photo…) when WhatsApp knows.
      return {
        type: 'unsupported',
        originalType: type === 'unsupported' ? (str(body.type) ?? type) : type,
        errorTitle: firstErrorTitle(message.errors),
      };
  }
}

function forwardedMarkOf(context: unknown): ForwardedMark | null {
  if (!isObject(context)) return null;
  if (context.frequently_forwarded === true) return 'FREQUENTLY_FORWARDED';
  return context.forwarded === true ? 'FORWARDED' : null;
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
    newUserId:
      [str(body.new_user_id), str(body.user_id)].find((id) => id !== null && isBusinessScopedUserId(id)) ?? null,
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
  // A message that names no sender at all (seen in recorded payloads) is from the one person the change's
  // contacts array describes, when it describes exactly one.
  const people = new Set(cards.values());
  const only = !from && !str(message.from_user_id) && people.size === 1 ? [...people][0] : undefined;
  const card = (phoneNumber ? cards.get(phoneNumber) : undefined) ?? (userId ? cards.get(userId) : undefined) ?? only;
  phoneNumber ??= card?.phoneNumber ?? null;
  userId ??= card?.userId ?? null;
  return { phoneNumber, userId, name: card?.name ?? null, username: card?.username ?? null };
}

function readMessage(message: Json, cards: Map<string, ContactCard>): InboundMessage {
  const id = identifier(message.id, 'message id', TEXT_LIMITS.whatsappId);
  const sender = readSender(message, cards);
  const from = sender.phoneNumber ?? sender.userId;
  if (!id || !from) throw new Error('message without an id or a sender');
  // A business-scoped user id is bounded by its own pattern; a number by its digits.
  if (sender.phoneNumber && sender.phoneNumber.length > TEXT_LIMITS.phoneDigits) {
    throw new ElementRefused('INVALID_ID', `sender longer than ${TEXT_LIMITS.phoneDigits} digits`);
  }
  const read: Omit<InboundMessage, 'description'> = {
    kind: 'message',
    whatsappMessageId: id,
    from,
    phoneNumber: sender.phoneNumber,
    userId: sender.userId,
    username: sender.username === null ? null : capText(sender.username, TEXT_LIMITS.name),
    profileName: sender.name === null ? null : capText(sender.name, TEXT_LIMITS.name),
    sentAt: timestampOf(message.timestamp),
    contextId: isObject(message.context)
      ? identifier(message.context.id, 'context message id', TEXT_LIMITS.whatsappId)
      : null,
    forwarded: forwardedMarkOf(message.context),
    referral: readReferral(message.referral),
    content: contentOf(message),
  };
  return { ...read, description: describeContent(read.content) };
}

const RECEIPT_STATUSES: readonly string[] = ['sent', 'delivered', 'read', 'failed'];

function readStatus(status: Json): StatusReceipt {
  const id = identifier(status.id, 'status message id', TEXT_LIMITS.whatsappId);
  const value = str(status.status);
  if (!id || !value || !RECEIPT_STATUSES.includes(value))
    throw new Error(`status "${String(status.status)}" is not one we know`);
  const error = asArray(status.errors).filter(isObject)[0];
  return {
    kind: 'status',
    whatsappMessageId: id,
    status: value as ReceiptStatus,
    recipient: str(status.recipient_id),
    recipientUserId: str(status.recipient_user_id),
    at: timestampOf(status.timestamp),
    error: error
      ? { code: num(error.code) ?? 0, title: capText(str(error.title) ?? str(error.message) ?? 'unknown error', 255) }
      : null,
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The element as a change value of its own (see ElementSource.raw). */
function rawValueOf(value: Json, list: 'messages' | 'statuses' | 'errors', element: unknown): string {
  // The sender's contact card, matched by number or by business-scoped user id.
  const names = isObject(element) ? [element.from, element.from_user_id].filter((id) => typeof id === 'string') : [];
  const cards =
    list !== 'messages'
      ? []
      : asArray(value.contacts).filter(
          (card) =>
            isObject(card) &&
            (names.length === 0 || names.includes(String(card.wa_id)) || names.includes(String(card.user_id))),
        );
  return JSON.stringify({
    ...(value.messaging_product !== undefined ? { messaging_product: value.messaging_product } : {}),
    ...(value.metadata !== undefined ? { metadata: value.metadata } : {}),
    ...(cards.length ? { contacts: cards } : {}),
    [list]: [element],
  });
}

/** Reads one element from its own raw JSON, cleaned: the same path for a delivery and for a retry of a parked element. */
function readElement(source: ElementSource, list: 'messages' | 'statuses' | 'errors'): DeliveryElement {
  const value = cleanDeep(JSON.parse(source.raw) as Json);
  const element = asArray(value[list])[0];
  const id = isObject(element) ? str(element.id) : null;
  try {
    if (!isObject(element)) throw new Error(`${source.kind} is not an object`);
    if (list === 'statuses') return { source, event: readStatus(element) };
    if (list === 'errors')
      return {
        source,
        event: {
          kind: 'error',
          code: num(element.code),
          title: capText(str(element.title) ?? str(element.message) ?? 'unknown error', 255),
        },
      };
    return { source, event: readMessage(element, readContactCards(value)) };
  } catch (error) {
    const code = error instanceof ElementRefused ? error.code : 'UNREADABLE';
    return {
      source,
      refusal: {
        id: id === null ? null : capText(id, TEXT_LIMITS.whatsappId),
        code,
        reason: error instanceof Error ? error.message : String(error),
      },
    };
  }
}

const KIND_OF = { messages: 'message', statuses: 'status', errors: 'error' } as const;
const LIST_OF = { message: 'messages', status: 'statuses', error: 'errors' } as const;

/** A parked element read again from what was kept of it, as the delivery read it. */
export function readParkedElement(parked: {
  kind: string;
  raw: Record<string, unknown>;
  field: string | null;
  phoneNumberId: string | null;
  elementKey: string;
}): DeliveryElement {
  const kind = parked.kind in LIST_OF ? (parked.kind as ElementSource['kind']) : 'message';
  const source: ElementSource = {
    kind,
    field: parked.field,
    phoneNumberId: parked.phoneNumberId,
    raw: JSON.stringify(parked.raw),
    key: parked.elementKey,
  };
  return readElement(source, LIST_OF[kind]);
}

export function parseDelivery(body: unknown): ParsedDelivery {
  if (!isObject(body) || body.object !== 'whatsapp_business_account' || !Array.isArray(body.entry)) {
    throw new NotAWhatsappPayload('not a WhatsApp Business Account webhook payload');
  }
  const elements: DeliveryElement[] = [];
  for (const entry of body.entry.filter(isObject)) {
    for (const change of asArray(entry.changes).filter(isObject)) {
      const value = isObject(change.value) ? change.value : {};
      const metadata = isObject(value.metadata) ? value.metadata : {};
      for (const list of ['messages', 'statuses', 'errors'] as const) {
        for (const element of asArray(value[list])) {
          const raw = rawValueOf(value, list, element);
          const source: ElementSource = {
            kind: KIND_OF[list],
            field: str(change.field) === null ? null : capText(str(change.field)!, 64),
            phoneNumberId: str(metadata.phone_number_id) === null ? null : capText(str(metadata.phone_number_id)!, 64),
            raw,
            key: sha256(raw),
          };
          elements.push(readElement(source, list));
        }
      }
    }
  }
  return { elements, events: elements.flatMap((element) => (element.event ? [element.event] : [])) };
}

/** What a message the person deleted for everyone reads as. */
export const DELETED_BY_PERSON = '🚫 Deleted by the person';

/** How an inbound message reads in the thread: its text, or a readable stand-in for what was sent. */
function describeContent(content: InboundContent): string {
  switch (content.type) {
    case 'text':
      return content.text;
    case 'choice':
      return content.title;
    case 'media': {
      // What an agent reads in the ticket list; WhatsApp's media id is internal and stays on the attachment.
      const label = {
        image: '📷 Photo',
        document: '📄 Document',
        audio: content.voice ? '🎤 Voice message' : '🎵 Audio',
        video: '🎬 Video',
        sticker: '🏷️ Sticker',
      }[content.media];
      return [content.filename ? `${label}: ${content.filename}` : label, content.caption].filter(Boolean).join(' — ');
    }
    case 'location': {
      const place = [content.name, content.address].filter(Boolean).join(', ') || 'shared';
      const at =
        content.latitude !== null && content.longitude !== null ? ` (${content.latitude}, ${content.longitude})` : '';
      return `📍 Location: ${place}${at}`;
    }
    case 'contacts':
      return `👤 Contact card: ${content.names.join(', ')}${content.phones.length ? ` (${content.phones.join(', ')})` : ''}`;
    case 'reaction':
      return content.emoji ? `Reacted ${content.emoji}` : 'Removed a reaction';
    case 'form':
      return describeForm(content.answers, content.raw);
    case 'order':
      return describeOrder(content);
    case 'edit':
      return describeContent(content.content);
    case 'revoke':
      return DELETED_BY_PERSON;
    case 'welcome':
      return '👋 Opened the chat';
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
