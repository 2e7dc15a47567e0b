// A report's range, parsed at the boundary: whole local days in a zone, as instants and as the zone's offsets.
import { badInput } from '../errors.js';
import { isValidTimeZone, offsetStretches, startOfLocalDate, type OffsetStretch } from '../desk/business-hours.js';

export const MAX_REPORT_DAYS = 3660;
const DAY_MS = 86_400_000;

export interface ReportRange {
  from: string;
  to: string;
  timeZone: string;
  /** [start, end): the first day's local midnight to the midnight after the last day. */
  start: Date;
  end: Date;
  /** The local dates of the range, in order. */
  dates: string[];
  offsets: OffsetStretch[];
}

function parseDate(value: string, name: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (!match || Number.isNaN(day) || new Date(day).toISOString().slice(0, 10) !== value)
    throw badInput(`${name} must be a date as YYYY-MM-DD, got "${value.slice(0, 40)}"`);
  return day;
}

export function parseReportRange(
  input: { from: string; to: string; timeZone?: string | null },
  deskTimeZone: string | null,
): ReportRange {
  const timeZone = input.timeZone ?? deskTimeZone ?? 'UTC';
  if (!isValidTimeZone(timeZone)) throw badInput(`"${timeZone.slice(0, 64)}" is not an IANA time zone`);
  const first = parseDate(input.from, 'from');
  const last = parseDate(input.to, 'to');
  if (last < first) throw badInput('to must be on or after from');
  const days = (last - first) / DAY_MS + 1;
  if (days > MAX_REPORT_DAYS) throw badInput(`A report covers at most ${MAX_REPORT_DAYS} days, got ${days}`);
  const dates = Array.from({ length: days }, (_, i) => new Date(first + i * DAY_MS).toISOString().slice(0, 10));
  const start = startOfLocalDate(timeZone, input.from);
  const end = startOfLocalDate(timeZone, new Date(last + DAY_MS).toISOString().slice(0, 10));
  return {
    from: input.from,
    to: input.to,
    timeZone,
    start,
    end,
    dates,
    offsets: offsetStretches(timeZone, start.getTime(), end.getTime()),
  };
}

/** The local date of a day number as the report's SQL gives it (local seconds since the epoch, divided by a day). */
export const dateOfDayNumber = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
