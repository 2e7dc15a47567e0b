import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/jobs/backoff.js';

const lowest = () => 0;
const highest = () => 0.999_999;

describe('retry backoff', () => {
  it('doubles per attempt, somewhere between half and all of the step', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, { baseMs: 100, random: lowest }))).toEqual([
      50, 100, 200, 400,
    ]);
    expect([1, 2, 3, 4].map((attempt) => Math.round(backoffDelay(attempt, { baseMs: 100, random: highest })))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('spreads retries that failed together over the upper half of the step', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(3, { baseMs: 1000 }));
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...delays)).toBeLessThan(4000);
    expect(new Set(delays).size).toBeGreaterThan(150);
  });

  it('never goes past the largest step, however many attempts failed', () => {
    expect(backoffDelay(40, { baseMs: 1000, maxMs: 60_000, random: highest })).toBeLessThan(60_000);
    expect(backoffDelay(40, { baseMs: 1000, maxMs: 60_000, random: lowest })).toBe(30_000);
  });

  it('waits at least as long as the other side asked (Retry-After), even past the largest step', () => {
    expect(backoffDelay(1, { baseMs: 100, atLeastMs: 5000, random: highest })).toBe(5000);
    expect(backoffDelay(1, { baseMs: 100, maxMs: 1000, atLeastMs: 90_000 })).toBe(90_000);
    expect(backoffDelay(1, { baseMs: 100, atLeastMs: 10, random: lowest })).toBe(50);
  });
});
