// Outside business hours, the bot tells a person who opens a ticket (or writes on one) when agents are back.
import type { EntityManager } from '@mikro-orm/core';
import { addMessageToThread } from '../support/message.service.js';
import type { SupportContext, TransactionEvents } from '../support/support.context.js';
import { SenderType } from '../support/support.enums.js';
import type { Ticket } from '../support/ticket.entity.js';
import type { Contact } from '../support/contact.entity.js';
import { describeOpening, isOpenAt, nextOpening } from './business-hours.js';
import { calendarOf, loadDeskSettings } from './desk-settings.service.js';

/** A person told that agents are away is not told again for this long. */
export const AFTER_HOURS_NOTICE_QUIET_MS = 4 * 3600_000;

export const afterHoursReply = (opening: string | null) =>
  opening
    ? `🌙 We are closed right now. Our agents are back ${opening}; your message is saved and they will answer you then.`
    : '🌙 Our agents are away right now; your message is saved and they will answer you as soon as they are back.';

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
  contact.afterHoursNoticeAt = now;
  const notice = await addMessageToThread(ctx, em, ticket, {
    senderType: SenderType.BOT,
    senderName: null,
    authorId: null,
    body: afterHoursReply(opening ? describeOpening(calendar, opening) : null),
    toPerson: true,
  });
  await events.emit({ type: 'MessageAdded', ticket, message: notice, kind: 'bot', actor: null });
  return true;
}
