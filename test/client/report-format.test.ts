// How report figures read in the dashboard: durations, ranges of local days, axis steps.
import { describe, expect, it } from 'vitest';
import {
  durationTicks,
  formatDuration,
  goodShare,
  localDate,
  presetRange,
} from '../../client/src/reports/report-format.js';

describe('report formats', () => {
  it('durations read in the largest sensible units', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(12 * 60 + 20)).toBe('12 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(2 * 86_400 + 4 * 3600)).toBe('2 d 4 h');
  });

  it('a preset is the last n local days up to today', () => {
    expect(presetRange(7, '2026-03-02')).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(localDate(new Date('2026-11-25T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-11-26');
  });

  it('duration axes step in round minutes, hours or days, past the longest bar', () => {
    expect(durationTicks(47 * 60)).toEqual([0, 600, 1200, 1800, 2400, 3000]);
    expect(durationTicks(5 * 3600)).toEqual([0, 3600, 7200, 10_800, 14_400, 18_000]);
    expect(durationTicks(0)).toEqual([0, 60]);
  });

  it('the share rated good, when there are ratings', () => {
    expect(goodShare({ good: 2, responses: 3 })).toBe(67);
    expect(goodShare({ good: 0, responses: 0 })).toBeNull();
  });
});
