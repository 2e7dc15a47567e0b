// Agents' presence reports (viewing a ticket, typing a reply): the reports this instance received, turned
// into presence events for every instance's board. Floods are coalesced: an unchanged report within a
// third of the time to live publishes nothing, and changes publish at most twice a second per viewer.
import type { Logger } from '../logger.js';
import type { PresenceAgent, PresenceEvent, SupportPubSub } from '../pubsub/pubsub.js';
import { defaultBoardOptions, PresenceBoard, type TicketPresenceView } from './presence.board.js';

export interface PresenceOptions {
  /** A viewer who reports nothing for this long is gone. @default 15000 */
  ttlMs: number;
  /** Changes from one viewer are published at most this often; the last one in between is sent at its end. @default 500 */
  minPublishGapMs: number;
  /** Viewer entries this instance keeps for its own reporters. @default 20000 */
  maxOwnEntries: number;
}

export const defaultPresenceOptions: PresenceOptions = { ttlMs: 15_000, minPublishGapMs: 500, maxOwnEntries: 20_000 };

/** Who reports, and through what: a socket (gone with it) or a token over HTTP (gone when it stops reporting). */
export interface PresenceReporter {
  agent: PresenceAgent;
  clientKey: string;
  /** The WebSocket the report came through, if any. */
  connectionId: string | null;
}

export interface PresenceReport {
  /** Typing a reply to the person. */
  typing: boolean;
  /** False: this viewer has left the ticket. */
  viewing: boolean;
}

/** Called when an agent is typing a reply on a ticket (the WhatsApp side shows the person a typing indicator). */
export type TypingListener = (ticketId: number) => void;

interface OwnEntry {
  ticketId: number;
  reporter: PresenceReporter;
  typing: boolean;
  since: number;
  typingSince: number | null;
  lastReportAt: number;
  lastPublishedAt: number;
  /** A publish waiting for the end of the gap (coalescing a burst of changes). */
  trailing: NodeJS.Timeout | null;
}

const ownKey = (ticketId: number, reporter: PresenceReporter) =>
  `${ticketId}:${reporter.agent.id}:${reporter.clientKey}`;

export class PresenceService {
  readonly board: PresenceBoard;
  private readonly own = new Map<string, OwnEntry>();
  private lastSweep = Date.now();
  private warnedFull = false;

  constructor(
    private readonly pubsub: SupportPubSub,
    private readonly logger: Logger,
    private readonly onTyping: TypingListener = () => undefined,
    private readonly options: PresenceOptions = defaultPresenceOptions,
  ) {
    this.board = new PresenceBoard({
      ...defaultBoardOptions,
      sweepMs: Math.max(100, Math.min(1000, Math.floor(options.ttlMs / 3))),
    });
    this.board.follow(pubsub);
  }

  /** Records a report and returns the ticket's presence as this instance now knows it. */
  report(ticketId: number, reporter: PresenceReporter, report: PresenceReport): TicketPresenceView {
    const now = Date.now();
    this.sweepOwn(now);
    const key = ownKey(ticketId, reporter);
    let entry = this.own.get(key);
    if (entry && now - entry.lastReportAt >= this.options.ttlMs) {
      // Expired everywhere already: this is a new visit.
      this.forget(key, entry);
      entry = undefined;
    }
    if (!report.viewing) {
      if (entry) this.leave(key, entry);
      return this.board.snapshot(ticketId);
    }
    if (report.typing) this.onTyping(ticketId);
    if (!entry) {
      if (this.own.size >= this.options.maxOwnEntries) {
        this.warnFull();
        return this.board.snapshot(ticketId);
      }
      const created: OwnEntry = {
        ticketId,
        reporter,
        typing: report.typing,
        since: now,
        typingSince: report.typing ? now : null,
        lastReportAt: now,
        lastPublishedAt: 0,
        trailing: null,
      };
      this.own.set(key, created);
      this.publish(created, now);
      return this.board.snapshot(ticketId);
    }
    entry.lastReportAt = now;
    const changed = entry.typing !== report.typing;
    if (changed) {
      entry.typing = report.typing;
      entry.typingSince = report.typing ? now : null;
    }
    const sinceLast = now - entry.lastPublishedAt;
    if (changed && sinceLast < this.options.minPublishGapMs) {
      const pending = entry;
      pending.trailing ??= setTimeout(
        () => this.publish(pending, Date.now()),
        this.options.minPublishGapMs - sinceLast,
      ).unref();
    } else if (changed || sinceLast >= this.options.ttlMs / 3) {
      this.publish(entry, now);
    }
    return this.board.snapshot(ticketId);
  }

  /** A socket closed: its viewers leave every ticket at once, on every instance. */
  connectionClosed(connectionId: string): void {
    for (const [key, entry] of this.own) {
      if (entry.reporter.connectionId === connectionId) this.leave(key, entry);
    }
  }

  /** At shutdown: viewers on this instance's sockets leave (their clients reconnect elsewhere and report again). */
  close(): void {
    for (const [key, entry] of this.own) {
      if (entry.reporter.connectionId) this.leave(key, entry);
      else this.forget(key, entry);
    }
    this.board.close();
  }

  private publish(entry: OwnEntry, now: number): void {
    if (entry.trailing) clearTimeout(entry.trailing);
    entry.trailing = null;
    entry.lastPublishedAt = now;
    this.send({
      origin: this.board.id,
      ticketId: entry.ticketId,
      agent: entry.reporter.agent,
      clientKey: entry.reporter.clientKey,
      state: { typing: entry.typing, since: entry.since, typingSince: entry.typingSince, ttlMs: this.options.ttlMs },
    });
  }

  private forget(key: string, entry: OwnEntry): void {
    if (entry.trailing) clearTimeout(entry.trailing);
    this.own.delete(key);
  }

  private leave(key: string, entry: OwnEntry): void {
    this.forget(key, entry);
    this.send({
      origin: this.board.id,
      ticketId: entry.ticketId,
      agent: entry.reporter.agent,
      clientKey: entry.reporter.clientKey,
      state: null,
    });
  }

  /** Applied here at once (the caller's answer shows it), and sent to the other instances' boards. */
  private send(event: PresenceEvent): void {
    if (!this.board.apply(event)) this.warnFull();
    this.pubsub.publish('PRESENCE_CHANGED', event);
  }

  /** Forgets own entries nobody reported on for a time to live; every board expires them by itself. */
  private sweepOwn(now: number): void {
    if (now - this.lastSweep < this.options.ttlMs) return;
    this.lastSweep = now;
    for (const [key, entry] of this.own) {
      if (now - entry.lastReportAt >= this.options.ttlMs) this.forget(key, entry);
    }
  }

  private warnFull(): void {
    if (this.warnedFull) return;
    this.warnedFull = true;
    this.logger.warn(
      { entries: this.board.entryCount },
      'presence board full: new viewers are not shown until others leave',
    );
  }
}
