import { describe, expect, it } from 'vitest';
import { formatAge, formatTimestamp, personAddress, windowLeft } from '../../client/src/format';
import { translator } from './translate';

const t = translator('en');
const es = translator('es-ES');

const now = Date.parse('2026-11-24T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();

describe('ages in the ticket list', () => {
  it.each([
    [20_000, 'now'],
    [5 * 60_000, '5 min'],
    [59 * 60_000, '59 min'],
    [60 * 60_000, '1 hr'],
    [2 * 3600_000 + 10 * 60_000, '2 hrs'],
    [26 * 3600_000, '1 day'],
    [3 * 86_400_000, '3 days'],
  ])('%i ms ago reads "%s"', (ms, expected) => {
    expect(formatAge(t, ago(ms), now)).toBe(expected);
  });

  it('reads in Spanish for a Spanish-speaking agent, with its plurals', () => {
    expect(formatAge(es, ago(20_000), now)).toBe('ahora');
    expect(formatAge(es, ago(2 * 3600_000), now)).toBe('2 h');
    expect(formatAge(es, ago(86_400_000), now)).toBe('1 día');
    expect(formatAge(es, ago(3 * 86_400_000), now)).toBe('3 días');
  });

  it('a clock slightly ahead of ours reads as now, not as a negative age', () => {
    expect(formatAge(t, new Date(now + 5000).toISOString(), now)).toBe('now');
  });
});

describe('message times', () => {
  it('shows only the clock for today and the date for older messages, in the given locale', () => {
    const today = new Date('2026-11-24T09:05:00');
    expect(formatTimestamp(today.toISOString(), 'en-GB', new Date('2026-11-24T18:00:00'))).toBe('09:05');
    expect(
      formatTimestamp(new Date('2026-11-20T09:05:00').toISOString(), 'en-GB', new Date('2026-11-24T18:00:00')),
    ).toBe('20 Nov 2026, 09:05');
  });
});

describe('the reply window', () => {
  it('tells how long is left, and nothing once it has closed', () => {
    expect(windowLeft(t, new Date(now + 90 * 60_000).toISOString(), now)).toBe('1 h 30 min');
    expect(windowLeft(t, new Date(now + 5 * 60_000).toISOString(), now)).toBe('5 min');
    expect(windowLeft(t, new Date(now - 1000).toISOString(), now)).toBeNull();
    expect(windowLeft(t, null, now)).toBeNull();
    expect(windowLeft(t, new Date(now + (23 * 60 + 59) * 60_000).toISOString(), now)).toBe('23 h 59 min');
  });
});

describe('how a person is named where a number would be', () => {
  it('shows a number with +, and for a person without one their @username, else their WhatsApp user id', () => {
    expect(personAddress({ phoneNumber: '447700900123', username: 'jo.learns' })).toBe('+447700900123');
    expect(personAddress({ phoneNumber: 'US.13491208655302741918', username: 'jo.learns' })).toBe('@jo.learns');
    expect(personAddress({ phoneNumber: 'US.13491208655302741918', username: null })).toBe('US.13491208655302741918');
  });
});
