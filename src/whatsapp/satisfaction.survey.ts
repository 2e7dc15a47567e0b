// The satisfaction survey's words and buttons: what the person is asked after a ticket is resolved, and how a
// tap on one of its buttons is read back. The body sent is built in cloud-api.payloads.ts; the answers are
// handled in inbound/survey-answer.handler.ts and stored by the satisfaction domain.
import { SatisfactionRating } from '../satisfaction/satisfaction.entity.js';

export const surveyText = (ticketId: number) =>
  `How did we do with your support ticket #${ticketId}? Tap one to let us know.`;
export const ASK_FOR_COMMENT = 'Thank you! Anything you would like to add? Write it here (optional).';
export const THANKS_FOR_COMMENT = 'Thank you for your feedback! 🙏';

/** Reply buttons: titles are at most 20 characters. */
export const SURVEY_BUTTONS: readonly { rating: SatisfactionRating; key: string; title: string }[] = [
  { rating: SatisfactionRating.GOOD, key: 'good', title: '😊 Good' },
  { rating: SatisfactionRating.OKAY, key: 'okay', title: '😐 Okay' },
  { rating: SatisfactionRating.BAD, key: 'bad', title: '😞 Bad' },
];

/** A button's id carries the ticket, so a tap on an old survey rates that ticket. */
export const surveyChoiceId = (ticketId: number, key: string) => `csat:${ticketId}:${key}`;

export interface SurveyChoice {
  ticketId: number;
  rating: SatisfactionRating;
}

export function parseSurveyChoice(choiceId: string): SurveyChoice | null {
  const match = /^csat:(\d{1,10}):(good|okay|bad)$/.exec(choiceId);
  const button = match ? SURVEY_BUTTONS.find((candidate) => candidate.key === match[2]) : undefined;
  const ticketId = match ? Number(match[1]) : NaN;
  return button && Number.isSafeInteger(ticketId) ? { ticketId, rating: button.rating } : null;
}
