// How times and counts read in the dashboard: short ages for lists, the agent's own locale for timestamps.
import type { MessageId } from './i18n/en';
import type { MessageValues } from './i18n/I18n';

/** The translate function of useT(), for helpers outside components. */
export type Translate = (id: MessageId, values?: MessageValues) => string;

/** "now", "5 min", "2 hrs", "3 days": how long ago, in the list's compact form, in the agent's language. */
export function formatAge(t: Translate, iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return t('age.now');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('age.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('age.hours', { count: hours });
  return t('age.days', { count: Math.floor(hours / 24) });
}

/** A message's time: the clock alone today, the date and clock otherwise, in the agent's locale. */
export function formatTimestamp(iso: string, locale?: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(date);
}

/** How long until the 24-hour reply window closes ("23 h 59 min"), or null once it has. */
export function windowLeft(t: Translate, closesAt: string | null, now: number = Date.now()): string | null {
  if (!closesAt) return null;
  const ms = Date.parse(closesAt) - now;
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return t('age.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * How a person is named where their number would be shown: "+447700900123"; for a person who shares no number
 * with the desk (their address is WhatsApp's business-scoped user id), their "@username", else that id.
 */
export function personAddress(person: { phoneNumber: string; username?: string | null }): string {
  if (/^\d+$/.test(person.phoneNumber)) return `+${person.phoneNumber}`;
  return person.username ? `@${person.username}` : person.phoneNumber;
}

/** "1 ticket", "3 tickets": a count with its noun, singular for one. */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
