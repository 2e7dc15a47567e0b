// The one loop every background job runs on: when its rounds run, after work, after nothing, after a failure.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PollLoop } from '../../src/jobs/poll-loop.js';

describe('PollLoop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A round that answers the next of `answers` (a number handled, or an Error thrown), then 0. */
  const rounds = (answers: (number | Error)[]) => {
    const at: number[] = [];
    const round = async () => {
      at.push(Date.now());
      const answer = answers.shift() ?? 0;
      if (answer instanceof Error) throw answer;
      return answer;
    };
    return { round, at };
  };
  /** Milliseconds since `start`, to the nearest 10 (a zero delay is 1 ms in Node's timers). */
  const since = (start: number, times: number[]) => times.map((t) => Math.round((t - start) / 10) * 10);

  it('a queue looks at once, again at once after work, and after pollMs when it found nothing', async () => {
    const { round, at } = rounds([2, 0]);
    const loop = new PollLoop(round, 100, () => {});
    const start = Date.now();
    loop.start();
    await vi.advanceTimersByTimeAsync(150);
    await loop.stop();
    expect(since(start, at)).toEqual([0, 0, 100]);
  });

  it('a sweep waits firstRoundMs before its first round', async () => {
    const { round, at } = rounds([]);
    const loop = new PollLoop(round, 100, () => {}, { firstRoundMs: 100 });
    const start = Date.now();
    loop.start();
    await vi.advanceTimersByTimeAsync(250);
    await loop.stop();
    expect(since(start, at)).toEqual([100, 200]);
  });

  it('a failed round is reported and the next runs after retryMs (5 × pollMs unless told)', async () => {
    const errors: unknown[] = [];
    const failing = rounds([new Error('down'), new Error('down')]);
    const told = new PollLoop(failing.round, 100, (error) => errors.push(error), { retryMs: 100 });
    const start = Date.now();
    told.start();
    await vi.advanceTimersByTimeAsync(250);
    await told.stop();
    expect(since(start, failing.at)).toEqual([0, 100, 200]);
    expect(errors).toHaveLength(2);

    const byDefault = rounds([new Error('down')]);
    const loop = new PollLoop(byDefault.round, 100, () => {});
    const restart = Date.now();
    loop.start();
    await vi.advanceTimersByTimeAsync(550);
    await loop.stop();
    expect(since(restart, byDefault.at)).toEqual([0, 500]);
  });

  it('a wake runs a round now, and stop waits for the round in flight', async () => {
    let finish: (handled: number) => void = () => {};
    const started: number[] = [];
    const loop = new PollLoop(
      () => {
        started.push(Date.now());
        return new Promise<number>((resolve) => (finish = resolve));
      },
      1000,
      () => {},
      { firstRoundMs: 1000 },
    );
    loop.start();
    loop.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish(0);
    await stopping;
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toHaveLength(1);
  });
});
