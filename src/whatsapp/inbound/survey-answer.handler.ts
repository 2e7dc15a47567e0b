// A person's answer to the satisfaction survey: the tap on a button that rates their ticket, and the text
// right after it that comments on the rating. Ratings are stored by the satisfaction domain.
import type { TicketSatisfaction } from '../../satisfaction/satisfaction.entity.js';
import { addComment, recordRating } from '../../satisfaction/satisfaction.service.js';
import { ConversationState } from '../../support/contact.entity.js';
import { textPayload } from '../cloud-api.payloads.js';
import { enqueueOutbound } from '../outbox.service.js';
import type { SurveyChoice } from '../satisfaction.survey.js';
import type { InboundTurn } from './inbound.turn.js';

/** A tap on a survey button rates that ticket once and asks for a comment; a repeated or stray tap is ignored. */
export async function rateTicket(
  { em, events, contact, texts }: InboundTurn,
  choice: SurveyChoice,
): Promise<'rated' | 'ignored'> {
  const recorded = await recordRating(em, choice.ticketId, contact.phoneNumber, choice.rating);
  if (!recorded) return 'ignored';
  enqueueOutbound(em, contact.phoneNumber, textPayload(contact.phoneNumber, texts.askForComment));
  await em.flush();
  await events.emit({
    type: 'RatingReceived',
    ticketId: choice.ticketId,
    rating: recorded.rating,
    ratedAt: recorded.ratedAt,
  });
  await events.emit({ type: 'TicketTouched', ticketId: choice.ticketId, notifications: false });
  return 'rated';
}

/** The text right after a rating is its comment; the bot thanks them and carries on as usual. */
export async function commentOnRating(
  { em, events, contact, texts }: InboundTurn,
  pending: TicketSatisfaction,
  text: string,
): Promise<'commented'> {
  addComment(pending, text);
  contact.conversationState = ConversationState.MENU;
  enqueueOutbound(em, contact.phoneNumber, textPayload(contact.phoneNumber, texts.thanksForComment));
  await em.flush();
  await events.emit({ type: 'TicketTouched', ticketId: pending.ticket.id, notifications: false });
  return 'commented';
}
