// What admins may set as opening hours and SLA targets: checked whole before anything is stored.
import { badInput } from '../errors.js';
import { TicketPriority } from '../support/support.enums.js';
import {
  isValidTimeZone,
  minutesOf,
  WEEKDAY_NAMES,
  type Holiday,
  type OpeningInterval,
  type Weekday,
} from './business-hours.js';
import type { SlaTargetRecord } from './desk-settings.entity.js';

export const MAX_HOLIDAYS = 366;
/** A target longer than a year is no target. */
export const MAX_TARGET_MINUTES = 366 * 24 * 60;

export interface BusinessHoursValues {
  timeZone: string;
  intervals: OpeningInterval[];
  holidays: Holiday[];
}

function checkInterval(raw: { weekday: number; start: string; end: string }): OpeningInterval {
  if (!Number.isInteger(raw.weekday) || raw.weekday < 1 || raw.weekday > 7)
    throw badInput(`weekday is 1 (Monday) to 7 (Sunday), got ${raw.weekday}`);
  const start = minutesOf(raw.start);
  const end = minutesOf(raw.end);
  if (start === null || start === 24 * 60)
    throw badInput(`"${raw.start}" is not a start time: write HH:MM, 00:00 to 23:59`);
  if (end === null) throw badInput(`"${raw.end}" is not an end time: write HH:MM, up to 24:00`);
  if (end <= start)
    throw badInput(
      `An interval must end after it starts: ${raw.start}–${raw.end}; for overnight hours end at 24:00 and continue from 00:00 the next day`,
    );
  return { weekday: raw.weekday as Weekday, start: raw.start, end: raw.end };
}

export function validateBusinessHours(input: {
  timeZone: string;
  intervals: { weekday: number; start: string; end: string }[];
  holidays?: { date: string; name?: string | null }[] | null;
}): BusinessHoursValues {
  const timeZone = input.timeZone.trim();
  if (!isValidTimeZone(timeZone)) throw badInput(`"${timeZone}" is not an IANA time zone (e.g. Europe/London)`);
  const intervals = input.intervals
    .map(checkInterval)
    .sort((a, b) => a.weekday - b.weekday || minutesOf(a.start)! - minutesOf(b.start)!);
  intervals.forEach((interval, i) => {
    const previous = intervals[i - 1];
    if (previous && previous.weekday === interval.weekday && minutesOf(interval.start)! < minutesOf(previous.end)!) {
      throw badInput(
        `Intervals overlap on ${WEEKDAY_NAMES[interval.weekday - 1]}: ${previous.start}–${previous.end} and ${interval.start}–${interval.end}`,
      );
    }
  });
  const holidays = (input.holidays ?? []).map((raw) => {
    const date = raw.date.trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date)
      throw badInput(`"${date}" is not a date: write YYYY-MM-DD`);
    const name = raw.name?.trim() || null;
    if (name && name.length > 80) throw badInput('A holiday name is at most 80 characters');
    return { date, name };
  });
  if (holidays.length > MAX_HOLIDAYS) throw badInput(`At most ${MAX_HOLIDAYS} holidays`);
  if (new Set(holidays.map((holiday) => holiday.date)).size !== holidays.length)
    throw badInput('A date is listed twice among the holidays');
  holidays.sort((a, b) => a.date.localeCompare(b.date));
  return { timeZone, intervals, holidays };
}

function checkMinutes(value: number | null | undefined, what: string, priority: string): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value <= 0)
    throw badInput(`${what} for ${priority} must be a whole number of minutes above 0, got ${value}`);
  if (value > MAX_TARGET_MINUTES) throw badInput(`${what} for ${priority} is at most ${MAX_TARGET_MINUTES} minutes`);
  return value;
}

export function validateSlaPolicy(input: {
  targets: { priority: TicketPriority; firstResponseMinutes?: number | null; resolutionMinutes?: number | null }[];
  atRiskPercent?: number | null;
}): { targets: SlaTargetRecord[]; atRiskPercent: number } {
  const seen = new Set<TicketPriority>();
  const targets = input.targets.map((raw) => {
    if (seen.has(raw.priority)) throw badInput(`${raw.priority} is listed twice`);
    seen.add(raw.priority);
    return {
      priority: raw.priority,
      firstResponseMinutes: checkMinutes(raw.firstResponseMinutes, 'The first-response target', raw.priority),
      resolutionMinutes: checkMinutes(raw.resolutionMinutes, 'The resolution target', raw.priority),
    };
  });
  const order = Object.values(TicketPriority);
  targets.sort((a, b) => order.indexOf(a.priority) - order.indexOf(b.priority));
  const atRiskPercent = input.atRiskPercent ?? 80;
  if (!Number.isInteger(atRiskPercent) || atRiskPercent < 1 || atRiskPercent > 99)
    throw badInput(`atRiskPercent is 1 to 99 (the share of a target after which it is at risk), got ${atRiskPercent}`);
  return { targets, atRiskPercent };
}
