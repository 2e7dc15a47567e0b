// The message ids of values the API sends as enums, so that a component says them in the agent's language.
import type { TicketPriority, TicketStatus } from '../gql/graphql';
import type { MessageId } from './en';

export const PRIORITY_NAMES: Record<TicketPriority, MessageId> = {
  URGENT: 'priority.urgent',
  HIGH: 'priority.high',
  MEDIUM: 'priority.medium',
  LOW: 'priority.low',
};

export const STATUS_NAMES: Record<TicketStatus, MessageId> = {
  OPEN: 'status.open',
  IN_PROGRESS: 'status.inProgress',
  RESOLVED: 'status.resolved',
  CLOSED: 'status.closed',
};

/** The bot's texts (BotMessage.key) by the name the settings give them. */
export const BOT_TEXT_NAMES: Record<string, MessageId> = {
  greeting: 'bot.key.greeting',
  menuButton: 'bot.key.menuButton',
  chatSupportTitle: 'bot.key.chatSupportTitle',
  chatSupportDescription: 'bot.key.chatSupportDescription',
  chatSupportPrompt: 'bot.key.chatSupportPrompt',
  ticketOpened: 'bot.key.ticketOpened',
  tooManyTickets: 'bot.key.tooManyTickets',
  closing: 'bot.key.closing',
  survey: 'bot.key.survey',
  surveyGood: 'bot.key.surveyGood',
  surveyOkay: 'bot.key.surveyOkay',
  surveyBad: 'bot.key.surveyBad',
  askForComment: 'bot.key.askForComment',
  thanksForComment: 'bot.key.thanksForComment',
  afterHours: 'bot.key.afterHours',
  afterHoursNoOpening: 'bot.key.afterHoursNoOpening',
};
