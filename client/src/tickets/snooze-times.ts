// When the Snooze control's choices end, in the agent's own time zone, and how a snooze reads.
import { formatTimestamp, type Translate } from '../format';
import type { MessageId } from '../i18n/en';

/** The server refuses snoozes further ahead than this. */
export const MAX_SNOOZE_DAYS = 90;

export interface SnoozeChoice {
  /** What the choice is called: a message id. */
  label: MessageId;
  /** null: until the person writes. */
  until: Date | null;
}

function atNine(day: Date): Date {
  const date = new Date(day);
  date.setHours(9, 0, 0, 0);
  return date;
}

/** 1 hour from now, tomorrow at 9:00, next Monday at 9:00, and until they reply. */
export function snoozeChoices(now: Date = new Date()): SnoozeChoice[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(now.getDate() + 1);
  const monday = new Date(now);
  monday.setDate(now.getDate() + ((8 - now.getDay()) % 7 || 7));
  return [
    { label: 'snooze.oneHour', until: new Date(now.getTime() + 3600_000) },
    { label: 'snooze.tomorrow', until: atNine(tomorrow) },
    { label: 'snooze.nextWeek', until: atNine(monday) },
    { label: 'snooze.untilReply', until: null },
  ];
}

/** A datetime-local value ("2026-11-25T14:30") as a time in the agent's zone, or why it cannot be a snooze's end. */
export function parseCustomSnooze(t: Translate, value: string, now: Date = new Date()): Date | string {
  const until = new Date(value);
  if (!value || Number.isNaN(until.getTime())) return t('snooze.chooseDateTime');
  if (until.getTime() <= now.getTime()) return t('snooze.chooseFuture');
  if (until.getTime() > now.getTime() + MAX_SNOOZE_DAYS * 86_400_000)
    return t('snooze.tooFar', { days: MAX_SNOOZE_DAYS });
  return until;
}

/** The value a datetime-local input needs for a time, in the agent's zone. */
export function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "until 14:05", "until 26 Nov 2026, 09:00" or "until they reply". */
export function describeSnooze(
  t: Translate,
  snoozedUntil: string | null,
  locale?: string,
  now: Date = new Date(),
): string {
  return snoozedUntil
    ? t('snooze.until', { time: formatTimestamp(snoozedUntil, locale, now) })
    : t('snooze.untilTheyReply');
}
