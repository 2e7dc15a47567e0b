// Writing to the outbox, always inside the caller's transaction; the bodies it holds are built in cloud-api.payloads.ts.
import type { EntityManager } from '@mikro-orm/core';
import type { MediaFile } from '../media/media.entity.js';
import type { Message } from '../support/message.entity.js';
import type { OutboundChannel, OutgoingForm } from '../support/support.context.js';
import type { Ticket } from '../support/ticket.entity.js';
import { botTextsFor } from '../bot-messages/bot-messages.service.js';
import { mediaPayload, readReceiptPayload, surveyPayload, templatePayload, textPayload } from './cloud-api.payloads.js';
import { OutboxRow } from './outbox.entity.js';
import { traceparentNow } from '../observability/tracing.js';

export function enqueueOutbound(
  em: EntityManager,
  recipient: string,
  payload: Record<string, unknown>,
  message: Message | null = null,
  mediaFile: MediaFile | null = null,
): OutboxRow {
  return em.create(OutboxRow, { recipient, payload, message, mediaFile, traceparent: traceparentNow() });
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
    const texts = await botTextsFor(em, ticket.phoneNumber);
    enqueueOutbound(em, ticket.phoneNumber, surveyPayload(ticket.phoneNumber, ticket.id, texts));
    await em.flush();
  },
};
