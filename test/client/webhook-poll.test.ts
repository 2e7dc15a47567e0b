// When the delivery log is read again: not at all with nothing pending, soon for a delivery due now, at a later
// retry's time, and never less often than every 30 s.
import { describe, expect, it } from 'vitest';
import { nextPollMs } from '../../client/src/webhooks/delivery-poll';

const now = Date.parse('2026-12-03T04:00:00.000Z');
const at = (ms: number) => ({ nextAttemptAt: new Date(now + ms).toISOString() });

describe('reading the delivery log again', () => {
  it('does not with nothing pending', () => {
    expect(nextPollMs([], now)).toBeNull();
  });

  it('does soon for a delivery waiting for its first attempt', () => {
    expect(nextPollMs([{ nextAttemptAt: null }], now)).toBe(2000);
  });

  it('waits for the earliest retry, a second after it is due', () => {
    expect(nextPollMs([at(20_000), at(8_000)], now)).toBe(9_000);
  });

  it('reads at least every 30 seconds, even for a retry an hour away', () => {
    expect(nextPollMs([at(3_600_000)], now)).toBe(30_000);
  });
});
