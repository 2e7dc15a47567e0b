// How times and counts read in the dashboard: short ages for lists, the agent's own locale for timestamps.

/** "now", "5 min", "2 hrs", "3 days": how long ago, in the list's compact form. */
export function formatAge(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 60) return 'now';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} ${hours === 1 ? 'hr' : 'hrs'}`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
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

/** How long until the 24-hour reply window closes, or null once it has. */
export function windowLeft(closesAt: string | null, now: number = Date.now()): string | null {
  if (!closesAt) return null;
  const ms = Date.parse(closesAt) - now;
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
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
