// What each inbound handler is given: the person's message as parsed at the boundary, their contact, and the
// one transaction (its EntityManager and the events published after commit) the whole message runs in.
import type { EntityManager } from '@mikro-orm/core';
import type { BotTexts } from '../../bot-messages/bot-messages.texts.js';
import type { Contact } from '../../support/contact.entity.js';
import type { SupportContext, TransactionEvents } from '../../support/support.context.js';
import type { InboundMessage } from '../webhook.parse.js';

export interface InboundTurn {
  ctx: SupportContext;
  em: EntityManager;
  events: TransactionEvents;
  contact: Contact;
  inbound: InboundMessage;
  /** The bot's words in the person's language (their contact's, else the desk's default). */
  texts: BotTexts;
}

/** What became of a person's message: logged, and the trigger for routing a ticket it opened or reopened. */
export type InboundOutcome =
  | 'duplicate'
  | 'joined-ticket'
  | 'opened-ticket'
  | 'reopened-ticket'
  | 'menu'
  | 'menu-tap'
  | 'ignored'
  | 'rate-limited'
  | 'rated'
  | 'commented'
  | 'system-notice'
  | 'changed-earlier'
  | 'language-chosen';
