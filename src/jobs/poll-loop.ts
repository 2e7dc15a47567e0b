// A background job's loop: run a round; run again at once when it handled something, after `pollMs` when
// it found nothing, after five polls when it failed. A wake starts a round now (or right after the one in
// flight, which may have looked before the rows that woke it were committed). Stopping waits for the round.

export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wokenWhileRunning = false;

  constructor(
    /** One round; answers how many things it handled. */
    private readonly round: () => Promise<number>,
    private readonly pollMs: number,
    /** A round threw: it is logged here and the loop carries on. */
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
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
          this.schedule(this.pollMs * 5);
        });
    }, delayMs);
  }
}
