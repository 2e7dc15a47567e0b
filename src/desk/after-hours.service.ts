// Outside business hours, the bot tells a person who opens a ticket (or writes on one) when agents are back.
import type { EntityManager } from '@mikro-orm/core';
import { languageFor, loadBotMessages, textsOf } from '../bot-messages/bot-messages.service.js';
import { type BotTexts, fillPlaceholders } from '../bot-messages/bot-messages.texts.js';
import { addMessageToThread } from '../support/message.service.js';
import type { SupportContext, TransactionEvents } from '../support/support.context.js';
import { SenderType } from '../support/support.enums.js';
import type { Ticket } from '../support/ticket.entity.js';
import type { Contact } from '../support/contact.entity.js';
import { describeOpening, isOpenAt, nextOpening } from './business-hours.js';
import { calendarOf, loadDeskSettings } from './desk-settings.service.js';

/** A person told that agents are away is not told again for this long. */
export const AFTER_HOURS_NOTICE_QUIET_MS = 4 * 3600_000;

export const afterHoursReply = (texts: BotTexts, opening: string | null) =>
  opening ? fillPlaceholders(texts.afterHours, { opening }) : texts.afterHoursNoOpening;

/**
 * Inside the caller's transaction: when the desk is closed now and the person has not been told within the
 * quiet period, adds the bot's notice to the thread (and so to the outbox). Returns whether it did.
 */
export async function tellWhenAgentsReturn(
  ctx: SupportContext,
  em: EntityManager,
  events: TransactionEvents,
  ticket: Ticket,
  contact: Contact,
): Promise<boolean> {
  const calendar = calendarOf(await loadDeskSettings(em));
  const now = new Date();
  if (!calendar || isOpenAt(calendar, now)) return false;
  if (contact.afterHoursNoticeAt && now.getTime() - contact.afterHoursNoticeAt.getTime() < AFTER_HOURS_NOTICE_QUIET_MS)
    return false;
  const opening = nextOpening(calendar, now);
  const settings = await loadBotMessages(em);
  const language = languageFor(settings, contact.language);
  const texts = textsOf(settings, language);
  contact.afterHoursNoticeAt = now;
  const notice = await addMessageToThread(ctx, em, ticket, {
    senderType: SenderType.BOT,
    senderName: null,
    authorId: null,
    body: afterHoursReply(texts, opening ? describeOpening(calendar, opening, language) : null),
    toPerson: true,
  });
  await events.emit({ type: 'MessageAdded', ticket, message: notice, kind: 'bot', actor: null });
  return true;
}
