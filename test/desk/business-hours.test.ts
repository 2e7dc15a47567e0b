// The opening-hours arithmetic, on real zones: DST changes, overnight hours, holidays.
import { describe, expect, it } from 'vitest';
import {
  addBusinessMs,
  businessMsBetween,
  describeOpening,
  isOpenAt,
  isValidTimeZone,
  nextOpening,
  offsetStretches,
  startOfLocalDate,
  type BusinessCalendar,
  type OpeningInterval,
} from '../../src/desk/business-hours.js';

const weekdays = (start: string, end: string): OpeningInterval[] =>
  ([1, 2, 3, 4, 5] as const).map((weekday) => ({ weekday, start, end }));
const london: BusinessCalendar = {
  timeZone: 'Europe/London',
  intervals: weekdays('09:00', '17:00'),
  holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
};
const at = (iso: string) => new Date(iso);
const HOUR = 3600_000;

describe('business hours', () => {
  it('no hours configured means always open, and calendar time', () => {
    expect(isOpenAt(null, at('2026-11-28T03:00:00Z'))).toBe(true);
    expect(nextOpening(null, at('2026-11-28T03:00:00Z'))).toEqual(at('2026-11-28T03:00:00Z'));
    expect(businessMsBetween(null, at('2026-11-28T00:00:00Z'), at('2026-11-29T00:00:00Z'))).toBe(24 * HOUR);
  });

  it('is open inside an interval, closed outside it, at local time', () => {
    // 25 November 2026 is a Wednesday; London is on GMT.
    expect(isOpenAt(london, at('2026-11-25T09:00:00Z'))).toBe(true);
    expect(isOpenAt(london, at('2026-11-25T16:59:59Z'))).toBe(true);
    expect(isOpenAt(london, at('2026-11-25T17:00:00Z'))).toBe(false);
    expect(isOpenAt(london, at('2026-11-25T08:59:00Z'))).toBe(false);
    // In summer London is GMT+1: 09:00 local is 08:00 UTC.
    expect(isOpenAt(london, at('2026-07-01T08:30:00Z'))).toBe(true);
    expect(isOpenAt(london, at('2026-07-01T16:30:00Z'))).toBe(false);
  });

  it('after Friday closing, it next opens on Monday morning, said in the desk’s zone', () => {
    const friday = at('2026-11-27T18:00:00Z');
    const opening = nextOpening(london, friday)!;
    expect(opening).toEqual(at('2026-11-30T09:00:00Z'));
    expect(describeOpening(london, opening)).toBe('Monday at 09:00 (Europe/London)');
  });

  it('a holiday is closed all day, and the next opening skips it', () => {
    expect(isOpenAt(london, at('2026-12-25T10:00:00Z'))).toBe(false);
    expect(nextOpening(london, at('2026-12-24T18:00:00Z'))).toEqual(at('2026-12-28T09:00:00Z'));
  });

  it('counts business time across the DST change (the 23-hour and 25-hour days)', () => {
    const always: BusinessCalendar = {
      timeZone: 'Europe/London',
      intervals: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
      holidays: [],
    };
    // Sunday 29 March 2026: clocks go forward; the local day has 23 hours.
    expect(businessMsBetween(always, at('2026-03-29T00:00:00Z'), at('2026-03-30T00:00:00Z'))).toBe(24 * HOUR);
    const sunday: BusinessCalendar = {
      timeZone: 'Europe/London',
      intervals: [{ weekday: 7, start: '00:00', end: '24:00' }],
      holidays: [],
    };
    expect(businessMsBetween(sunday, at('2026-03-28T00:00:00Z'), at('2026-03-31T00:00:00Z'))).toBe(23 * HOUR);
    // Sunday 25 October 2026: clocks go back; the local day has 25 hours.
    expect(businessMsBetween(sunday, at('2026-10-24T00:00:00Z'), at('2026-10-27T00:00:00Z'))).toBe(25 * HOUR);
    // Office hours the week after the change still start at 09:00 local, now 08:00 UTC.
    expect(nextOpening(london, at('2026-03-30T07:00:00Z'))).toEqual(at('2026-03-30T08:00:00Z'));
  });

  it('an overnight shift (22:00–24:00 and 00:00–06:00 the next day) counts as one stretch', () => {
    const nights: BusinessCalendar = {
      timeZone: 'America/New_York',
      intervals: [
        { weekday: 1, start: '22:00', end: '24:00' },
        { weekday: 2, start: '00:00', end: '06:00' },
      ],
      holidays: [],
    };
    // Monday 30 November 2026, 23:00 in New York (UTC-5) is Tuesday 04:00 UTC.
    expect(isOpenAt(nights, at('2026-12-01T04:00:00Z'))).toBe(true);
    expect(isOpenAt(nights, at('2026-12-01T10:00:00Z'))).toBe(true);
    expect(isOpenAt(nights, at('2026-12-01T11:00:00Z'))).toBe(false);
    expect(businessMsBetween(nights, at('2026-11-30T00:00:00Z'), at('2026-12-02T00:00:00Z'))).toBe(8 * HOUR);
    expect(addBusinessMs(nights, at('2026-12-01T02:30:00Z'), 3 * HOUR)).toEqual(at('2026-12-01T06:00:00Z'));
  });

  it('several intervals a day: the lunch break does not count', () => {
    const split: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      intervals: [
        { weekday: 3, start: '09:00', end: '12:00' },
        { weekday: 3, start: '13:00', end: '17:00' },
      ],
      holidays: [],
    };
    // Wednesday 25 November 2026, Berlin is UTC+1.
    expect(isOpenAt(split, at('2026-11-25T11:30:00Z'))).toBe(false);
    expect(nextOpening(split, at('2026-11-25T11:30:00Z'))).toEqual(at('2026-11-25T12:00:00Z'));
    expect(businessMsBetween(split, at('2026-11-25T00:00:00Z'), at('2026-11-26T00:00:00Z'))).toBe(7 * HOUR);
    expect(addBusinessMs(split, at('2026-11-25T10:00:00Z'), 2 * HOUR)).toEqual(at('2026-11-25T13:00:00Z'));
  });

  it('adding business time waits over the weekend', () => {
    expect(addBusinessMs(london, at('2026-11-27T16:45:00Z'), 30 * 60_000)).toEqual(at('2026-11-30T09:15:00Z'));
  });

  it('knows IANA zone names', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('a local date begins at its own midnight, in summer and winter time', () => {
    expect(startOfLocalDate('Europe/London', '2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLocalDate('Europe/London', '2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(startOfLocalDate('Asia/Kathmandu', '2026-12-01').toISOString()).toBe('2026-11-30T18:15:00.000Z');
  });

  it('finds each DST change in a range, to the second, and none in a zone that keeps one offset', () => {
    const year = offsetStretches('Europe/London', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(year.map(({ from, offsetMs }) => [new Date(from).toISOString(), offsetMs / HOUR])).toEqual([
      ['2026-01-01T00:00:00.000Z', 0],
      ['2026-03-29T01:00:00.000Z', 1],
      ['2026-10-25T01:00:00.000Z', 0],
    ]);
    expect(offsetStretches('Asia/Kolkata', Date.UTC(2020, 0, 1), Date.UTC(2030, 0, 1))).toEqual([
      { from: Date.UTC(2020, 0, 1), offsetMs: 5.5 * HOUR },
    ]);
    expect(offsetStretches('America/Sao_Paulo', Date.UTC(2016, 0, 1), Date.UTC(2026, 0, 1)).length).toBeGreaterThan(4);
  });
});
