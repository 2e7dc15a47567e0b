// Who is viewing and typing on which ticket, as this instance knows it: a copy kept from presence events
// (its own and, through Redis, every other instance's). Each instance expires viewers by itself, so a
// viewer whose instance went away still disappears here. Bounded in entries, and in viewers per ticket.
import { randomUUID } from 'node:crypto';
import type { PresenceAgent, PresenceEvent, SupportPubSub } from '../pubsub/pubsub.js';
import { latestValueStream } from '../pubsub/latest-value.js';

export interface TicketViewerView {
  agent: PresenceAgent;
  /** When the agent began viewing (their earliest open view of the ticket). */
  since: Date;
  typing: boolean;
  /** While typing: when this stretch of typing began. */
  typingSince: Date | null;
}

export interface TicketPresenceView {
  ticketId: number;
  viewers: TicketViewerView[];
}

interface Entry {
  agent: PresenceAgent;
  typing: boolean;
  since: number;
  typingSince: number | null;
  expiresAt: number;
}

export interface PresenceBoardOptions {
  /** Viewer entries kept at most, over all tickets; past it new viewers are not shown. @default 20000 */
  maxEntries: number;
  /** Viewer entries kept at most on one ticket (tabs and tools of every agent). @default 100 */
  maxEntriesPerTicket: number;
  /** How often expired viewers are looked for, at most. @default 1000 */
  sweepMs: number;
}

export const defaultBoardOptions: PresenceBoardOptions = {
  maxEntries: 20_000,
  maxEntriesPerTicket: 100,
  sweepMs: 1000,
};

/** Shown at most per ticket; the earliest viewers first. */
export const MAX_VIEWERS_SHOWN = 50;

type Watcher = (view: TicketPresenceView) => void;

const entryKey = (agentId: number, clientKey: string) => `${agentId}:${clientKey}`;

export class PresenceBoard {
  /** Tells this instance's own events from other instances'. */
  readonly id = randomUUID();
  private readonly tickets = new Map<number, Map<string, Entry>>();
  private size = 0;
  private readonly watchers = new Map<number, Set<Watcher>>();
  /** What each watched ticket's watchers were last told, so that a refresh changing nothing is not sent. */
  private readonly lastShown = new Map<number, string>();
  private sweeper: NodeJS.Timeout | null = null;

  constructor(private readonly options: PresenceBoardOptions = defaultBoardOptions) {}

  /** Applies other instances' events until the pubsub ends (this instance's own are applied as they are made). */
  follow(pubsub: SupportPubSub): void {
    void (async () => {
      for await (const event of pubsub.subscribe('PRESENCE_CHANGED')) {
        if (event.origin !== this.id) this.apply(event);
      }
    })();
  }

  /** Returns false when the board is full and a new viewer was left out. */
  apply(event: PresenceEvent): boolean {
    const key = entryKey(event.agent.id, event.clientKey);
    let entries = this.tickets.get(event.ticketId);
    if (!event.state) {
      if (!entries?.delete(key)) return true;
      this.size -= 1;
      if (entries.size === 0) this.tickets.delete(event.ticketId);
      this.changed(event.ticketId);
      return true;
    }
    const isNew = !entries?.has(key);
    if (isNew && (this.size >= this.options.maxEntries || (entries?.size ?? 0) >= this.options.maxEntriesPerTicket))
      return false;
    if (!entries) {
      entries = new Map();
      this.tickets.set(event.ticketId, entries);
    }
    const { typing, since, typingSince, ttlMs } = event.state;
    // Expiry runs on this instance's clock from when the event arrived: instances' clocks need not agree.
    entries.set(key, { agent: event.agent, typing, since, typingSince, expiresAt: Date.now() + ttlMs });
    if (isNew) this.size += 1;
    this.startSweeping();
    this.changed(event.ticketId);
    return true;
  }

  snapshot(ticketId: number): TicketPresenceView {
    const byAgent = new Map<number, TicketViewerView>();
    const now = Date.now();
    for (const entry of this.tickets.get(ticketId)?.values() ?? []) {
      if (entry.expiresAt <= now) continue;
      const seen = byAgent.get(entry.agent.id);
      const typingSince = entry.typing && entry.typingSince !== null ? new Date(entry.typingSince) : null;
      if (!seen) {
        byAgent.set(entry.agent.id, {
          agent: entry.agent,
          since: new Date(entry.since),
          typing: entry.typing,
          typingSince,
        });
        continue;
      }
      // One agent in several tabs: viewing since the first, typing if typing in any.
      if (entry.since < seen.since.getTime()) seen.since = new Date(entry.since);
      seen.typing ||= entry.typing;
      if (typingSince && (!seen.typingSince || typingSince < seen.typingSince)) seen.typingSince = typingSince;
    }
    const viewers = [...byAgent.values()].sort(
      (a, b) => a.since.getTime() - b.since.getTime() || a.agent.id - b.agent.id,
    );
    return { ticketId, viewers: viewers.slice(0, MAX_VIEWERS_SHOWN) };
  }

  /** The ticket's presence now, then again whenever it changes; a slow reader gets the latest, not every step. */
  watch(ticketId: number): AsyncIterableIterator<TicketPresenceView> {
    return latestValueStream(this.snapshot(ticketId), (watcher: Watcher) => {
      let set = this.watchers.get(ticketId);
      if (!set) {
        set = new Set();
        this.watchers.set(ticketId, set);
      }
      set.add(watcher);
      return () => {
        set.delete(watcher);
        if (set.size > 0) return;
        this.watchers.delete(ticketId);
        this.lastShown.delete(ticketId);
      };
    });
  }

  /** Entries kept, over all tickets (for tests and bounds). */
  get entryCount(): number {
    return this.size;
  }

  close(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  private changed(ticketId: number): void {
    const set = this.watchers.get(ticketId);
    if (!set) return;
    const view = this.snapshot(ticketId);
    const shown = JSON.stringify(
      view.viewers.map((viewer) => [
        viewer.agent.id,
        viewer.agent.name,
        viewer.since,
        viewer.typing,
        viewer.typingSince,
      ]),
    );
    if (this.lastShown.get(ticketId) === shown) return;
    this.lastShown.set(ticketId, shown);
    for (const watcher of set) watcher(view);
  }

  private startSweeping(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), this.options.sweepMs);
    this.sweeper.unref();
  }

  private sweep(): void {
    const now = Date.now();
    for (const [ticketId, entries] of this.tickets) {
      let removed = false;
      for (const [key, entry] of entries) {
        if (entry.expiresAt > now) continue;
        entries.delete(key);
        this.size -= 1;
        removed = true;
      }
      if (entries.size === 0) this.tickets.delete(ticketId);
      if (removed) this.changed(ticketId);
    }
    if (this.size === 0) this.close();
  }
}
