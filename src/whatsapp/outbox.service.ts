// Writing to the outbox (always inside the caller's transaction) and the Cloud API bodies it holds.
import type { EntityManager } from '@mikro-orm/core';
import type { Message } from '../support/message.entity.js';
import type { OutboundChannel, TemplateSend } from '../support/support.context.js';
import type { Ticket } from '../support/ticket.entity.js';
import { OutboxRow } from './outbox.entity.js';
import { surveyPayload } from './satisfaction.survey.js';

export interface ListRow {
  id: string;
  title: string;
  description?: string;
}

const base = (to: string) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to });

export const textPayload = (to: string, body: string) => ({ ...base(to), type: 'text', text: { preview_url: false, body } });

/** An approved template with its body parameters, as text. */
export function templatePayload(to: string, template: TemplateSend) {
  const components = template.parameters.length === 0 ? [] : [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }];
  return { ...base(to), type: 'template', template: { name: template.name, language: { code: template.languageCode }, components } };
}

export function listPayload(to: string, body: string, button: string, sectionTitle: string, rows: ListRow[]) {
  return {
    ...base(to),
    type: 'interactive',
    interactive: { type: 'list', body: { text: body }, action: { button, sections: [{ title: sectionTitle, rows }] } },
  };
}

/** Marks the person's message read: they see the blue ticks, so they know someone is looking. */
export const readReceiptPayload = (whatsappMessageId: string) => ({ messaging_product: 'whatsapp', status: 'read', message_id: whatsappMessageId });

export function enqueueOutbound(em: EntityManager, recipient: string, payload: Record<string, unknown>, message: Message | null = null): OutboxRow {
  return em.create(OutboxRow, { recipient, payload, message });
}

/** The support domain's outbound seam, backed by the outbox: an agent's reply becomes a text message row. */
export const outboxChannel: OutboundChannel = {
  async enqueue(em: EntityManager, message: Message, ticket: Ticket, template?: TemplateSend | null) {
    const payload = template ? templatePayload(ticket.phoneNumber, template) : textPayload(ticket.phoneNumber, message.body);
    enqueueOutbound(em, ticket.phoneNumber, payload, message);
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
