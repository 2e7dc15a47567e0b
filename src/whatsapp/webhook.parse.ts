// Turns a webhook body into typed WhatsApp events before any domain code sees it.
// Every element of entry, changes, messages and statuses is read; one malformed element is
// reported and skipped, never the whole delivery.
import type { AdReferral, FormAnswer, OrderItem } from '../support/message-details.js';
import { describeForm, describeOrder, readFormAnswers, readOrderItems, readReferral } from './inbound-content.js';

export type InboundContent =
  | { type: 'text'; text: string }
  /**
   * A reply chosen from a list (`list_reply`), a reply button (`button_reply`, as the satisfaction survey's),
   * or a template's quick-reply button (`template_button`): `choiceId` is the row's or button's id (or payload).
   */
  | { type: 'choice'; via: 'list_reply' | 'button_reply' | 'template_button'; choiceId: string; title: string }
  | { type: 'media'; media: 'image' | 'document' | 'audio' | 'video' | 'sticker'; mediaId: string | null; caption: string | null; filename: string | null; mimeType: string | null; sha256: string | null; voice: boolean }
  | { type: 'location'; latitude: number | null; longitude: number | null; name: string | null; address: string | null; url: string | null }
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
  | { type: 'unsupported'; originalType: string; errorTitle: string | null };

/** WhatsApp marks a message forwarded (5 times or fewer) or frequently forwarded (more). */
export type ForwardedMark = 'FORWARDED' | 'FREQUENTLY_FORWARDED';

export interface InboundMessage {
  kind: 'message';
  whatsappMessageId: string;
  from: string;
  profileName: string | null;
  sentAt: Date;
  /** The message this one answers (interactive replies, quoted replies). */
  contextId: string | null;
  forwarded: ForwardedMark | null;
  /** The click-to-WhatsApp ad the person came from, on their first message after tapping it. */
  referral: AdReferral | null;
  content: InboundContent;
}

export type ReceiptStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface StatusReceipt {
  kind: 'status';
  whatsappMessageId: string;
  status: ReceiptStatus;
  recipient: string | null;
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
/** A coordinate sent as a number or as a numeric string. */
const coordinate = (value: unknown): number | null => num(value) ?? (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : null);
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
      if (!via || !reply || choiceId === null) return { type: 'unsupported', originalType: 'interactive', errorTitle: firstErrorTitle(message.errors) ?? 'no reply in it' };
      return { type: 'choice', via, choiceId, title: str(reply.title) ?? choiceId };
    }
    case 'button': {
      const text = str(body.text) ?? str(body.payload);
      if (text === null) throw new Error('button message without text or payload');
      return { type: 'choice', via: 'template_button', choiceId: str(body.payload) ?? text, title: text };
    }
    case 'location':
      return { type: 'location', latitude: coordinate(body.latitude), longitude: coordinate(body.longitude), name: str(body.name), address: str(body.address), url: str(body.url) };
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
    case 'order':
      return { type: 'order', catalogId: str(body.catalog_id) ?? (num(body.catalog_id) === null ? null : String(body.catalog_id)), text: str(body.text), items: readOrderItems(body.product_items) };
    case 'edit': {
      const originalId = str(body.original_message_id);
      if (originalId === null || !isObject(body.message)) return { type: 'unsupported', originalType: 'edit', errorTitle: firstErrorTitle(message.errors) };
      return { type: 'edit', originalId, content: contentOf(body.message, depth + 1) };
    }
    case 'revoke': {
      const originalId = str(body.original_message_id);
      if (originalId === null) return { type: 'unsupported', originalType: 'revoke', errorTitle: firstErrorTitle(message.errors) };
      return { type: 'revoke', originalId };
    }
    case 'request_welcome':
      return { type: 'welcome' };
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
      // `unsupported` names what it was in `unsupported.type` (a poll, a view-once photo…) when WhatsApp knows.
      return { type: 'unsupported', originalType: type === 'unsupported' ? (str(body.type) ?? type) : type, errorTitle: firstErrorTitle(message.errors) };
  }
}

function forwardedMarkOf(context: unknown): ForwardedMark | null {
  if (!isObject(context)) return null;
  if (context.frequently_forwarded === true) return 'FREQUENTLY_FORWARDED';
  return context.forwarded === true ? 'FORWARDED' : null;
}

function readMessage(message: Json, profileNames: Map<string, string>): InboundMessage {
  const id = str(message.id);
  const from = str(message.from);
  if (!id || !from) throw new Error('message without an id or a sender');
  if (id.length > 128) throw new Error('message id longer than 128 characters');
  return {
    kind: 'message',
    whatsappMessageId: id,
    from: from.replace(/\D/g, ''),
    profileName: profileNames.get(from) ?? null,
    sentAt: timestampOf(message.timestamp),
    contextId: isObject(message.context) ? str(message.context.id) : null,
    forwarded: forwardedMarkOf(message.context),
    referral: readReferral(message.referral),
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
      const profileNames = new Map<string, string>();
      for (const contact of asArray(value.contacts).filter(isObject)) {
        const waId = str(contact.wa_id);
        const name = isObject(contact.profile) ? str(contact.profile.name) : null;
        if (waId && name) profileNames.set(waId, name);
      }
      for (const message of asArray(value.messages)) {
        attempt(isObject(message) ? message.id : null, () => {
          if (!isObject(message)) throw new Error('message is not an object');
          return readMessage(message, profileNames);
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

/** What a message the person deleted for everyone reads as. */
export const DELETED_BY_PERSON = '🚫 Deleted by the person';

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
    case 'location': {
      const place = [content.name, content.address].filter(Boolean).join(', ') || 'shared';
      const at = content.latitude !== null && content.longitude !== null ? ` (${content.latitude}, ${content.longitude})` : '';
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
    default: {
      const unknown: never = content;
      return String(unknown);
    }
  }
}
