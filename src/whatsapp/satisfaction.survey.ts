// The satisfaction survey's words and buttons: what the person is asked after a ticket is resolved, and how a
// tap on one of its buttons is read back. The body sent is built in cloud-api.payloads.ts; the answers are
// handled in inbound/survey-answer.handler.ts and stored by the satisfaction domain.
import type { BotTextKey } from '../bot-messages/bot-messages.texts.js';
import { SatisfactionRating } from '../satisfaction/satisfaction.entity.js';

/** Reply buttons: their titles (at most 20 characters) are the bot's texts in the person's language. */
export const SURVEY_BUTTONS: readonly { rating: SatisfactionRating; key: string; textKey: BotTextKey }[] = [
  { rating: SatisfactionRating.GOOD, key: 'good', textKey: 'surveyGood' },
  { rating: SatisfactionRating.OKAY, key: 'okay', textKey: 'surveyOkay' },
  { rating: SatisfactionRating.BAD, key: 'bad', textKey: 'surveyBad' },
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
