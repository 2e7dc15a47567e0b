// When reports may have changed: at most one tick per interval after tickets change (opened, replied to,
// resolved, reassigned, rated), shared by every report subscription of this instance, so that a burst of
// changes recomputes each open report once and identical reports once between them (see shared-subscribe).
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

  constructor(
    private readonly pubsub: SupportPubSub,
    private readonly intervalMs: number,
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

  /** A tick at once (the report as it is), then one after each burst of changes; a slow reader gets the latest only. */
  watch(): AsyncIterableIterator<ReportTick> {
    this.follow();
    return latestValueStream<ReportTick>({ at: new Date() }, (watcher) => {
      this.watchers.add(watcher);
      return () => this.watchers.delete(watcher);
    });
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const stop of this.stops.splice(0)) stop();
    this.watchers.clear();
  }
}
