// When reports may have changed: at most one tick per interval after tickets change (opened, replied to,
// resolved, reassigned, rated), shared by every report subscription of this instance, so that a burst of
// changes recomputes each open report once and identical reports once between them (see shared-subscribe).
// It also keeps live reports from taking the server: each caller follows a few distinct reports at most, and
// reports are computed one or a few at a time, with a turn of the event loop before each, so requests get in between.
import { DomainError, ErrorCode } from '../errors.js';
import { latestValueStream } from '../pubsub/latest-value.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';

export interface ReportTick {
  at: Date;
}

type Watcher = (tick: ReportTick) => void;

export class ReportTicker {
  private readonly watchers = new Set<Watcher>();
  private timer: NodeJS.Timeout | null = null;
  private readonly stops: (() => void)[] = [];
  /** Per caller (session or token), the distinct reports it follows and how many subscriptions follow each. */
  private readonly followed = new Map<string, Map<string, number>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly pubsub: SupportPubSub,
    private readonly intervalMs: number,
    /** Distinct reports one caller may follow at once on this instance. */
    private readonly maxPerCaller: number,
    /** Reports computed at once: one on SQLite (it runs in this process; more would only queue requests behind them), a few on MariaDB. */
    private readonly concurrency: number,
  ) {}

  /** Listens to ticket changes while anyone watches (started by the first watcher). */
  private follow(): void {
    if (this.stops.length) return;
    for (const topic of ['TICKET_CREATED', 'TICKET_UPDATED'] as const) {
      const events = this.pubsub.subscribe(topic);
      this.stops.push(() => void events.return?.());
      void (async () => {
        for await (const _event of events) this.changed();
      })();
    }
  }

  private changed(): void {
    if (this.timer || this.watchers.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const tick = { at: new Date() };
      for (const watcher of this.watchers) watcher(tick);
    }, this.intervalMs);
  }

  /**
   * A tick at once (the report as it is), then one after each burst of changes; a slow reader gets the latest only.
   * `caller` follows the report `report` (its input, as a key): past the caller's number of distinct reports,
   * a new one is refused with RATE_LIMITED; more subscriptions to a report it follows already cost nothing.
   */
  watch(caller: string, report: string): AsyncIterableIterator<ReportTick> {
    const reports = this.followed.get(caller) ?? new Map<string, number>();
    if (!reports.has(report) && reports.size >= this.maxPerCaller) {
      throw new DomainError(
        ErrorCode.RATE_LIMITED,
        `This token follows ${this.maxPerCaller} different live reports already (REPORT_SUBSCRIPTIONS_PER_TOKEN); end one first`,
      );
    }
    reports.set(report, (reports.get(report) ?? 0) + 1);
    this.followed.set(caller, reports);
    this.follow();
    return latestValueStream<ReportTick>({ at: new Date() }, (watcher) => {
      this.watchers.add(watcher);
      return () => {
        this.watchers.delete(watcher);
        const left = (reports.get(report) ?? 1) - 1;
        if (left > 0) reports.set(report, left);
        else reports.delete(report);
        if (reports.size === 0 && this.followed.get(caller) === reports) this.followed.delete(caller);
      };
    });
  }

  /**
   * Runs one report's computation in its turn: a few at once, each after a turn of the event loop, so that a
   * tick recomputing hundreds of reports leaves room for every other request between them.
   */
  async compute<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const stop of this.stops.splice(0)) stop();
    this.watchers.clear();
  }
}
