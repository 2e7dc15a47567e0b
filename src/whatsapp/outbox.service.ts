// Writing to the outbox (always inside the caller's transaction) and the Cloud API bodies it holds.
import type { EntityManager } from '@mikro-orm/core';
import type { Message } from '../support/message.entity.js';
import type { OutboundChannel, OutgoingForm, TemplateSend } from '../support/support.context.js';
import type { Ticket } from '../support/ticket.entity.js';
import { addressedTo } from './cloud-api.address.js';
import { OutboxRow } from './outbox.entity.js';
import { surveyPayload } from './satisfaction.survey.js';
import { MediaKind, type MediaFile } from '../media/media.entity.js';

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

const base = addressedTo;

export const textPayload = (to: string, body: string) => ({
  ...base(to),
  type: 'text',
  text: { preview_url: false, body },
});

/** An approved template with its body parameters, as text. */
export function templatePayload(to: string, template: TemplateSend) {
  const components =
    template.parameters.length === 0
      ? []
      : [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }];
  return {
    ...base(to),
    type: 'template',
    template: { name: template.name, language: { code: template.languageCode }, components },
  };
}

export function listPayload(to: string, body: string, button: string, sectionTitle: string, rows: ListRow[]) {
  return {
    ...base(to),
    type: 'interactive',
    interactive: { type: 'list', body: { text: body }, action: { button, sections: [{ title: sectionTitle, rows }] } },
  };
}

/** Marks the person's message read: they see the blue ticks, so they know someone is looking. */
export const readReceiptPayload = (whatsappMessageId: string) => ({
  messaging_product: 'whatsapp',
  status: 'read',
  message_id: whatsappMessageId,
});

/** A media message without its media id: the dispatcher uploads the file and fills the id in (see sendWithMedia). */
export function mediaPayload(to: string, file: MediaFile, caption: string | null) {
  const type = file.kind.toLowerCase();
  const media: Record<string, unknown> = {};
  if (caption && file.kind !== MediaKind.AUDIO) media.caption = caption;
  if (file.kind === MediaKind.DOCUMENT && file.filename) media.filename = file.filename;
  return { ...base(to), type, [type]: media };
}

export function enqueueOutbound(
  em: EntityManager,
  recipient: string,
  payload: Record<string, unknown>,
  message: Message | null = null,
  mediaFile: MediaFile | null = null,
): OutboxRow {
  return em.create(OutboxRow, { recipient, payload, message, mediaFile });
}

/** The support domain's outbound seam, backed by the outbox: an agent's reply becomes a text (or media) message row. */
export const outboxChannel: OutboundChannel = {
  async enqueue(em: EntityManager, message: Message, ticket: Ticket, as: OutgoingForm = {}) {
    const to = ticket.phoneNumber;
    if (as.attachment)
      enqueueOutbound(em, to, mediaPayload(to, as.attachment.file, as.attachment.caption), message, as.attachment.file);
    else
      enqueueOutbound(em, to, as.template ? templatePayload(to, as.template) : textPayload(to, message.body), message);
    await em.flush();
  },
  async markPersonRead(em: EntityManager, ticket: Ticket, whatsappMessageId: string) {
    enqueueOutbound(em, ticket.phoneNumber, readReceiptPayload(whatsappMessageId));
    await em.flush();
  },
  async askForRating(em: EntityManager, ticket: Ticket) {
    enqueueOutbound(em, ticket.phoneNumber, surveyPayload(ticket.phoneNumber, ticket.id));
    await em.flush();
  },
};
