// A background job's loop: run a round; run again at once when it handled something, after `pollMs` when
// it found nothing, after `retryMs` when it failed. A wake starts a round now (or right after the one in
// flight, which may have looked before the rows that woke it were committed). Stopping waits for the round.
// Every database job of the server runs on it: the outbox, media fetches, and the snooze, SLA and retention sweeps.
import { detached } from '../observability/request-context.js';

export interface PollLoopTiming {
  /** How long after `start()` the first round runs; a sweep waits one period, a queue looks at once. @default 0 */
  firstRoundMs?: number;
  /** How long after a failed round the next runs. @default 5 × pollMs */
  retryMs?: number;
}

export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wokenWhileRunning = false;
  private readonly firstRoundMs: number;
  private readonly retryMs: number;

  constructor(
    /** One round; answers how many things it handled. */
    private readonly round: () => Promise<number>,
    private readonly pollMs: number,
    /** A round threw: it is logged here and the loop carries on. */
    private readonly onError: (error: unknown) => void,
    timing: PollLoopTiming = {},
  ) {
    this.firstRoundMs = timing.firstRoundMs ?? 0;
    this.retryMs = timing.retryMs ?? pollMs * 5;
  }

  start(): void {
    this.stopped = false;
    this.schedule(this.firstRoundMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.schedule(0);
  }

  private schedule(delayMs: number): void {
    // Armed outside the request that may have woken it: a round belongs to no request and no trace.
    detached(() => this.arm(delayMs));
  }

  private arm(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wokenWhileRunning = false;
      this.running = this.round()
        .then((handled) => {
          this.running = null;
          this.schedule(handled > 0 || this.wokenWhileRunning ? 0 : this.pollMs);
        })
        .catch((error: unknown) => {
          this.running = null;
          this.onError(error);
          this.schedule(this.retryMs);
        });
    }, delayMs);
    // A loop never keeps the process alive by itself: the server it works for does, until it stops the loop.
    this.timer.unref();
  }
}
