// The pace of sends to one business number: at most `perSecond` messages in any one second, and none at all while
// the Cloud API has told us to slow down (130429). WhatsApp counts a message when it receives it, somewhere
// between our request and its answer, so a slot is held from the request until one second after the answer:
// however late a request arrives, the API never sees more than `perSecond` of ours within a second.
// One pace per client, that is per phone number id and per instance (see README, OUTBOX_RATE_PER_SECOND).

/** When the API asks us to slow down without saying for how long. */
export const DEFAULT_RATE_LIMIT_PAUSE_MS = 2000;
/** The longest pause taken, whatever the API says: rows waiting in line must stay well inside their claim (60 s). */
export const MAX_RATE_LIMIT_PAUSE_MS = 30_000;

export class SendPace {
  /** When each slot in use, or recently used, becomes free again (Infinity while its request is out). */
  private readonly slots: number[] = [];
  private pausedUntil = 0;
  /** Callers in line, first come first served. */
  private line: Promise<void> = Promise.resolve();

  constructor(private readonly perSecond: number) {}

  /** How long sends still wait because the API answered 130429; 0 when they do not. */
  pausedForMs(): number {
    return Math.max(0, this.pausedUntil - Date.now());
  }

  /** The API said 130429: nothing goes to this number for `ms`. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
  }

  /** Waits for a free slot and takes it; call the answer once the API has answered (or the request failed). */
  async take(): Promise<() => void> {
    const turn = this.line.then(() => this.waitForSlot());
    this.line = turn.then(
      () => undefined,
      () => undefined,
    );
    const slot = await turn;
    return () => {
      this.slots[slot] = Date.now() + 1000;
    };
  }

  private async waitForSlot(): Promise<number> {
    for (;;) {
      const now = Date.now();
      if (this.pausedUntil > now) {
        await sleep(this.pausedUntil - now);
        continue;
      }
      if (this.slots.length < this.perSecond) {
        this.slots.push(Number.POSITIVE_INFINITY);
        return this.slots.length - 1;
      }
      let soonest = 0;
      for (let i = 1; i < this.slots.length; i++) if (this.slots[i]! < this.slots[soonest]!) soonest = i;
      const freeAt = this.slots[soonest]!;
      if (freeAt <= now) {
        this.slots[soonest] = Number.POSITIVE_INFINITY;
        return soonest;
      }
      // Every slot is held by a request still out: wait a little for one to be answered.
      await sleep(Number.isFinite(freeAt) ? freeAt - now : 5);
    }
  }
}

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });
