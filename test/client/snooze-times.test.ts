import { describe, expect, it } from 'vitest';
import {
  describeSnooze,
  parseCustomSnooze,
  snoozeChoices,
  toLocalInputValue,
} from '../../client/src/tickets/snooze-times';
import { translator } from './translate';

const t = translator('en');

// Local times: the choices are in the agent's own time zone, whatever it is.
const wednesday = new Date(2026, 10, 25, 16, 20); // Wed 25 Nov 2026, 16:20
const sunday = new Date(2026, 10, 29, 23, 30);

describe('the Snooze control’s choices', () => {
  it('are one hour from now, tomorrow at 9:00, next Monday at 9:00, and until they reply', () => {
    const [hour, tomorrow, nextWeek, reply] = snoozeChoices(wednesday);
    expect(hour).toEqual({ label: 'snooze.oneHour', until: new Date(2026, 10, 25, 17, 20) });
    expect(tomorrow).toEqual({ label: 'snooze.tomorrow', until: new Date(2026, 10, 26, 9, 0) });
    expect(nextWeek).toEqual({ label: 'snooze.nextWeek', until: new Date(2026, 10, 30, 9, 0) });
    expect(reply).toEqual({ label: 'snooze.untilReply', until: null });
  });

  it('on a Sunday, next week is the next day; on a Monday, a week later; month ends roll over', () => {
    expect(snoozeChoices(sunday)[2]!.until).toEqual(new Date(2026, 10, 30, 9, 0));
    expect(snoozeChoices(new Date(2026, 10, 30, 8, 0))[2]!.until).toEqual(new Date(2026, 11, 7, 9, 0));
    expect(snoozeChoices(new Date(2026, 11, 31, 10, 0))[1]!.until).toEqual(new Date(2027, 0, 1, 9, 0));
  });
});

describe('a custom snooze time', () => {
  it('is read in the agent’s zone, and must be in the future and at most 90 days ahead', () => {
    expect(parseCustomSnooze(t, '2026-11-26T14:30', wednesday)).toEqual(new Date(2026, 10, 26, 14, 30));
    expect(parseCustomSnooze(t, '2026-11-25T16:00', wednesday)).toBe('Choose a time in the future');
    expect(parseCustomSnooze(t, '2027-03-01T09:00', wednesday)).toBe('A snooze lasts at most 90 days');
    expect(parseCustomSnooze(t, '', wednesday)).toBe('Choose a date and time');
  });

  it('round-trips through a datetime-local value', () => {
    expect(toLocalInputValue(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});

describe('how a snooze reads', () => {
  it('names the time, or the reply it waits for', () => {
    expect(describeSnooze(t, null)).toBe('until they reply');
    expect(describeSnooze(t, new Date(2026, 10, 25, 17, 20).toISOString(), 'en-GB', wednesday)).toBe('until 17:20');
    expect(describeSnooze(t, new Date(2026, 10, 26, 9, 0).toISOString(), 'en-GB', wednesday)).toBe(
      'until 26 Nov 2026, 09:00',
    );
    expect(describeSnooze(translator('es'), null)).toBe('hasta que responda');
    expect(describeSnooze(translator('es'), new Date(2026, 10, 26, 9, 0).toISOString(), 'es-ES', wednesday)).toBe(
      'hasta 26 nov 2026, 9:00',
    );
  });
});
