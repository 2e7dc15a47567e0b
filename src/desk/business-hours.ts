// The desk's opening hours as pure arithmetic: is it open at an instant, when does it next open, and how
// many business milliseconds lie between two instants. Wall-clock times are read in the desk's IANA time
// zone through Intl, so DST changes are the zone's own. No hours at all means always open.

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface OpeningInterval {
  weekday: Weekday;
  /** "HH:MM", local time. */
  start: string;
  /** "HH:MM" after start; "24:00" ends at midnight, and a next-day interval from "00:00" continues it (overnight). */
  end: string;
}

export interface Holiday {
  /** "YYYY-MM-DD", a local date: closed all day. */
  date: string;
  name?: string | null;
}

export interface BusinessCalendar {
  timeZone: string;
  intervals: readonly OpeningInterval[];
  holidays: readonly Holiday[];
}

const DAY_MS = 86_400_000;
/** How far ahead nextOpening looks: a year of holidays cannot hide every opening. */
const MAX_DAYS_AHEAD = 400;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Minutes after local midnight of "HH:MM" (00:00 … 24:00), or null when it is not one. */
export function minutesOf(time: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(time);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in ms (local = utc + offset). */
function offsetAt(timeZone: string, instant: number): number {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  );
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const wholeSecond = instant - (((instant % 1000) + 1000) % 1000);
  return asUtc - wholeSecond;
}

/** A local date as the UTC midnight of the same calendar date (a day number that ignores zones). */
function localDay(timeZone: string, instant: number): number {
  const local = instant + offsetAt(timeZone, instant);
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS);
}

/** The instant a local wall-clock time happens; a time skipped by a DST jump maps to just after the jump. */
function instantOfLocal(timeZone: string, localMs: number): number {
  let guess = localMs - offsetAt(timeZone, localMs);
  guess = localMs - offsetAt(timeZone, guess);
  return guess;
}

const isoDate = (day: number) => new Date(day).toISOString().slice(0, 10);
const weekdayOf = (day: number) => (((new Date(day).getUTCDay() + 6) % 7) + 1) as Weekday;

/** The open spans of one local day, as [start, end) instants, in order. */
function spansOfDay(calendar: BusinessCalendar, day: number, holidays: ReadonlySet<string>): [number, number][] {
  if (holidays.has(isoDate(day))) return [];
  const weekday = weekdayOf(day);
  return calendar.intervals
    .filter((interval) => interval.weekday === weekday)
    .map((interval): [number, number] => [
      instantOfLocal(calendar.timeZone, day + minutesOf(interval.start)! * 60_000),
      instantOfLocal(calendar.timeZone, day + minutesOf(interval.end)! * 60_000),
    ])
    .sort((a, b) => a[0] - b[0]);
}

const holidaySet = (calendar: BusinessCalendar) => new Set(calendar.holidays.map((holiday) => holiday.date));
export const isAlwaysOpen = (calendar: BusinessCalendar | null): boolean =>
  !calendar || calendar.intervals.length === 0;

export function isOpenAt(calendar: BusinessCalendar | null, at: Date): boolean {
  if (isAlwaysOpen(calendar)) return true;
  const t = at.getTime();
  const day = localDay(calendar!.timeZone, t);
  return spansOfDay(calendar!, day, holidaySet(calendar!)).some(([start, end]) => start <= t && t < end);
}

/** When the desk next opens at or after `at`: `at` itself when open; null when it never opens in the next year. */
export function nextOpening(calendar: BusinessCalendar | null, at: Date): Date | null {
  if (isAlwaysOpen(calendar)) return at;
  const t = at.getTime();
  const holidays = holidaySet(calendar!);
  const first = localDay(calendar!.timeZone, t);
  for (let i = 0; i < MAX_DAYS_AHEAD; i++) {
    for (const [start, end] of spansOfDay(calendar!, first + i * DAY_MS, holidays)) {
      if (end > t) return new Date(Math.max(start, t));
    }
  }
  return null;
}

/** Business milliseconds in [from, to): the open time between them (calendar time when always open). */
export function businessMsBetween(calendar: BusinessCalendar | null, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  if (isAlwaysOpen(calendar)) return b - a;
  const holidays = holidaySet(calendar!);
  let total = 0;
  for (let day = localDay(calendar!.timeZone, a); day <= localDay(calendar!.timeZone, b); day += DAY_MS) {
    for (const [start, end] of spansOfDay(calendar!, day, holidays))
      total += Math.max(0, Math.min(end, b) - Math.max(start, a));
  }
  return total;
}

/** The instant when `ms` business milliseconds have passed since `from`; null when the desk never opens again. */
export function addBusinessMs(calendar: BusinessCalendar | null, from: Date, ms: number): Date | null {
  const a = from.getTime();
  if (isAlwaysOpen(calendar)) return new Date(a + ms);
  const holidays = holidaySet(calendar!);
  let left = ms;
  const first = localDay(calendar!.timeZone, a);
  for (let i = 0; i < MAX_DAYS_AHEAD * 3; i++) {
    for (const [start, end] of spansOfDay(calendar!, first + i * DAY_MS, holidays)) {
      const open = Math.max(start, a);
      if (end <= open) continue;
      if (end - open >= left) return new Date(open + left);
      left -= end - open;
    }
  }
  return null;
}

const SPANISH_WEEKDAYS = [
  'el lunes',
  'el martes',
  'el miércoles',
  'el jueves',
  'el viernes',
  'el sábado',
  'el domingo',
];

/** "Monday at 09:00 (Europe/London)" ("el lunes a las 09:00 (…)"): when the desk opens, as the person reads it. */
export function describeOpening(calendar: BusinessCalendar, at: Date, language = 'en'): string {
  const day = localDay(calendar.timeZone, at.getTime());
  const local = at.getTime() + offsetAt(calendar.timeZone, at.getTime());
  const minutes = Math.round((local - day) / 60_000);
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  const weekday = weekdayOf(day) - 1;
  if (language === 'es') return `${SPANISH_WEEKDAYS[weekday]} a las ${time} (${calendar.timeZone})`;
  return `${WEEKDAY_NAMES[weekday]} at ${time} (${calendar.timeZone})`;
}

/** The instant a local date ("YYYY-MM-DD") begins in the zone: its midnight, or the first instant after a skipped one. */
export function startOfLocalDate(timeZone: string, date: string): Date {
  return new Date(instantOfLocal(timeZone, Date.parse(`${date}T00:00:00Z`)));
}

/** One stretch of constant UTC offset: from `from` (epoch ms) until the next stretch begins. */
export interface OffsetStretch {
  from: number;
  offsetMs: number;
}

/**
 * The zone's offsets over [from, to): the one at `from`, then each change (a DST switch) to the second.
 * Changes are looked for a week apart (no zone switches and switches back within a week) and then pinned
 * down by halving, so ten years cost about a thousand lookups.
 */
export function offsetStretches(timeZone: string, from: number, to: number): OffsetStretch[] {
  const stretches: OffsetStretch[] = [{ from, offsetMs: offsetAt(timeZone, from) }];
  for (let t = from; t < to; t += 7 * DAY_MS) {
    const next = Math.min(t + 7 * DAY_MS, to);
    const before = stretches[stretches.length - 1]!.offsetMs;
    const after = offsetAt(timeZone, next);
    if (after === before) continue;
    let [low, high] = [t, next];
    while (high - low > 1000) {
      const middle = low + Math.max(1000, Math.floor((high - low) / 2000) * 1000);
      if (offsetAt(timeZone, middle) === before) low = middle;
      else high = middle;
    }
    stretches.push({ from: high, offsetMs: after });
  }
  return stretches;
}
