// A person's answer to the satisfaction survey: the tap on a button that rates their ticket, and the text
// right after it that comments on the rating.
import type { EntityManager } from '@mikro-orm/core';
import type { SupportEvent } from '../../pubsub/pubsub.js';
import { addComment, awaitingComment, endCommentWait, recordRating } from '../../satisfaction/satisfaction.service.js';
import { textPayload } from '../cloud-api.payloads.js';
import { type Contact, ConversationState } from '../../support/contact.entity.js';
import { enqueueOutbound } from '../outbox.service.js';
import { ASK_FOR_COMMENT, parseSurveyChoice, THANKS_FOR_COMMENT } from '../satisfaction.survey.js';
import type { InboundMessage } from '../webhook.parse.js';

const ratingChanged = (ticketId: number): SupportEvent => ({ topic: 'TICKET_UPDATED', payload: { ticketId } });

/** A tap on a survey button: rates that ticket once and asks for a comment. Null when the message is not a survey tap. */
export async function rateFromSurvey(
  em: EntityManager,
  events: SupportEvent[],
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
  events: SupportEvent[],
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
