import type { TransactionEvents } from '../support/support.context.js';
// The satisfaction survey on WhatsApp: three reply buttons after a ticket is resolved, the tap that rates it,
// and the optional comment that follows. Ratings are stored by the satisfaction domain.
import type { EntityManager } from '@mikro-orm/core';
import type { SupportEvent } from '../pubsub/pubsub.js';
import { SatisfactionRating } from '../satisfaction/satisfaction.entity.js';
import { addComment, awaitingComment, endCommentWait, recordRating } from '../satisfaction/satisfaction.service.js';
import { type Contact, ConversationState } from './contact.entity.js';
import { addressedTo } from './cloud-api.address.js';
import { enqueueOutbound, textPayload } from './outbox.service.js';
import type { InboundMessage } from './webhook.parse.js';

export const surveyText = (ticketId: number) =>
  `How did we do with your support ticket #${ticketId}? Tap one to let us know.`;
export const ASK_FOR_COMMENT = 'Thank you! Anything you would like to add? Write it here (optional).';
export const THANKS_FOR_COMMENT = 'Thank you for your feedback! 🙏';

/** Reply buttons: ids carry the ticket, so a tap on an old survey rates that ticket; titles are at most 20 characters. */
const BUTTONS: { rating: SatisfactionRating; key: string; title: string }[] = [
  { rating: SatisfactionRating.GOOD, key: 'good', title: '😊 Good' },
  { rating: SatisfactionRating.OKAY, key: 'okay', title: '😐 Okay' },
  { rating: SatisfactionRating.BAD, key: 'bad', title: '😞 Bad' },
];

export function surveyPayload(to: string, ticketId: number) {
  return {
    ...addressedTo(to),
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: surveyText(ticketId) },
      action: {
        buttons: BUTTONS.map((button) => ({
          type: 'reply',
          reply: { id: `csat:${ticketId}:${button.key}`, title: button.title },
        })),
      },
    },
  };
}

export function parseSurveyChoice(choiceId: string): { ticketId: number; rating: SatisfactionRating } | null {
  const match = /^csat:(\d{1,10}):(good|okay|bad)$/.exec(choiceId);
  const button = match ? BUTTONS.find((candidate) => candidate.key === match[2]) : undefined;
  const ticketId = match ? Number(match[1]) : NaN;
  return button && Number.isSafeInteger(ticketId) ? { ticketId, rating: button.rating } : null;
}

const ratingChanged = (ticketId: number): SupportEvent => ({ topic: 'TICKET_UPDATED', payload: { ticketId } });

/** A tap on a survey button: rates that ticket once and asks for a comment. Null when the message is not a survey tap. */
export async function rateFromSurvey(
  em: EntityManager,
  events: TransactionEvents,
  contact: Contact,
  inbound: InboundMessage,
): Promise<'rated' | 'ignored' | null> {
  if (inbound.content.type !== 'choice') return null;
  const choice = parseSurveyChoice(inbound.content.choiceId);
  if (!choice) return null;
  const recorded = await recordRating(em, choice.ticketId, contact.phoneNumber, choice.rating);
  if (!recorded) return 'ignored';
  enqueueOutbound(em, contact.phoneNumber, textPayload(contact.phoneNumber, ASK_FOR_COMMENT));
  await em.flush();
  events.push(ratingChanged(choice.ticketId));
  return 'rated';
}

/** The text right after a rating is its comment; anything else ends the survey and the bot carries on as usual. */
export async function commentOnRating(
  em: EntityManager,
  events: TransactionEvents,
  contact: Contact,
  inbound: InboundMessage,
): Promise<'commented' | null> {
  const pending = await awaitingComment(em, contact.phoneNumber);
  if (!pending) return null;
  if (inbound.content.type !== 'text' || !inbound.content.text.trim()) {
    await endCommentWait(em, contact.phoneNumber);
    return null;
  }
  addComment(pending, inbound.content.text);
  contact.conversationState = ConversationState.MENU;
  enqueueOutbound(em, contact.phoneNumber, textPayload(contact.phoneNumber, THANKS_FOR_COMMENT));
  await em.flush();
  events.push(ratingChanged(pending.ticket.id));
  return 'commented';
}
