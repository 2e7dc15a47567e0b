// What happened to tickets and the records around them, as typed events. Services "lock, change, emit";
// the features built on the desk (SLA, timings, survey, audit, routing, the subscriptions) follow by handlers
// registered at start, so the core never calls them. See docs/architecture.md.
import type { EntityManager } from '@mikro-orm/core';
import type { AuthRevocation, RecordChangedEvent } from '../pubsub/pubsub.js';
import type { Message } from './message.entity.js';
import type { Actor } from '../auth/actor.js';
import type { TicketPriority, TicketStatus } from './support.enums.js';
import type { Ticket } from './ticket.entity.js';

/** Who did it: an agent, or null for the system (the bot, a sweep, automatic assignment, the person). */
type By = { actor: Actor | null };

export interface TicketOpened extends By {
  type: 'TicketOpened';
  ticket: Ticket;
  firstMessage: Message;
}

/** Why a ticket's status changed, in the words the audit trail keeps. */
export type StatusCause = 'set' | 'closed' | 'reopened' | 'first-reply' | 'person-wrote';

export interface TicketStatusChanged extends By {
  type: 'TicketStatusChanged';
  ticket: Ticket;
  from: TicketStatus;
  to: TicketStatus;
  /** When it had been resolved before this change (null when it was open work). */
  resolvedAtBefore: Date | null;
  cause: StatusCause;
}

/** How a ticket came to (or lost) its assignee. */
export type AssignmentCause = 'manual' | 'automatic' | 'first-reply' | 'released';

export interface TicketAssigned extends By {
  type: 'TicketAssigned';
  ticket: Ticket;
  from: number | null;
  to: number | null;
  cause: AssignmentCause;
  /** Automatic assignment's rule (round-robin, least-loaded), or why tickets were released. */
  detail?: { rule?: string; reason?: string };
}

export interface PriorityChanged extends By {
  type: 'PriorityChanged';
  ticket: Ticket;
  from: TicketPriority;
  to: TicketPriority;
  /** The SLA due times before the change (the SLA follower sets the new ones). */
  dueBefore: { firstResponseDueAt: Date | null; resolutionDueAt: Date | null };
}

/** What a new message in a thread is. Only agents' replies and notes are their own audited actions. */
export type MessageKind = 'reply' | 'note' | 'closing' | 'bot' | 'person' | 'system';

export interface MessageAdded extends By {
  type: 'MessageAdded';
  ticket: Ticket;
  message: Message;
  kind: MessageKind;
  /** The approved template a reply went out as. */
  template?: string | null;
}

export interface SlaBreached {
  type: 'SlaBreached';
  ticket: Ticket;
  priorityBefore: TicketPriority;
}

/** An agent's (or the system's) change to a ticket's other fields, audited as `action` with before and after. */
export interface TicketChanged extends By {
  type: 'TicketChanged';
  ticket: Ticket;
  action: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** Anything else about a ticket that agents' screens show changed (labels, snooze, rating, identity). */
export interface TicketTouched {
  type: 'TicketTouched';
  ticketId: number;
  /** Whether unread counts and badges may have changed too. */
  notifications: boolean;
}

/** A message's delivery status or content changed (receipts, edits, revokes). */
export interface MessageUpdated {
  type: 'MessageUpdated';
  ticketId: number;
  messageId: number;
  /** Whether the ticket's own fields changed with it (its list row must refresh). */
  ticketChanged: boolean;
}

/** Unread counts or the desk's badge changed without the ticket changing (read marks, parked deliveries). */
export interface NotificationsChanged {
  type: 'NotificationsChanged';
  ticketId: number;
}

export interface ContactUpdated {
  type: 'ContactUpdated';
  phoneNumber: string;
}

export interface LabelChanged extends RecordChangedEvent {
  type: 'LabelChanged';
}

export interface CannedResponseChanged extends RecordChangedEvent {
  type: 'CannedResponseChanged';
}

export interface AuthRevoked extends AuthRevocation {
  type: 'AuthRevoked';
}

/** An admin changed an agent's name or role: every instance forgets what it remembered of them. */
export interface AgentChanged {
  type: 'AgentChanged';
  adminId: number;
}

/** The person rated a resolved ticket in the satisfaction survey (stored in the same transaction). */
export interface RatingReceived {
  type: 'RatingReceived';
  ticketId: number;
  rating: string;
  ratedAt: Date;
}

/** Automatic assignment's inputs changed: its settings, an agent's availability or capacity, or who holds what. */
export interface RoutingChanged {
  type: 'RoutingChanged';
}

export type DomainEvent =
  | TicketOpened
  | TicketStatusChanged
  | TicketAssigned
  | PriorityChanged
  | MessageAdded
  | SlaBreached
  | TicketChanged
  | TicketTouched
  | MessageUpdated
  | NotificationsChanged
  | ContactUpdated
  | LabelChanged
  | CannedResponseChanged
  | AuthRevoked
  | AgentChanged
  | RoutingChanged
  | RatingReceived;

export type DomainEventType = DomainEvent['type'];
export type EventOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>;

/** What a transaction's work and its in-transaction followers get: the transaction's EntityManager and `emit`. */
export interface TransactionScope<C> {
  ctx: C;
  em: EntityManager;
  emit(event: DomainEvent): Promise<void>;
}

/** What a follower that runs after commit may report: the tickets it changed, so the caller answers with them fresh. */
export type AfterCommitResult = Iterable<number> | undefined;

type InTransactionHandler<K extends DomainEventType, C> = (
  event: EventOf<K>,
  scope: TransactionScope<C>,
) => Promise<void> | void;
type AfterCommitHandler<C> = (
  events: readonly DomainEvent[],
  ctx: C,
) => Promise<AfterCommitResult | undefined> | AfterCommitResult | undefined;

/**
 * The followers of domain events, registered at start (one set per server). In-transaction handlers run when the
 * event is emitted, in registration order, and commit (or roll back) with the change; after-commit handlers get
 * the transaction's events once it committed, are awaited before the caller's answer, and run in registration
 * order (the subscriptions first, then automatic assignment).
 */
/** `C`: the context handlers get (the desk's SupportContext), a parameter so that this module needs none. */
export class DomainEventHandlers<C> {
  private readonly inTransaction = new Map<DomainEventType, InTransactionHandler<DomainEventType, C>[]>();
  private readonly afterCommit: AfterCommitHandler<C>[] = [];

  /** Runs `handler` inside the transaction that emitted an event of this type. */
  onInTransaction<K extends DomainEventType>(type: K, handler: InTransactionHandler<K, C>): this {
    const list = this.inTransaction.get(type) ?? [];
    list.push(handler as unknown as InTransactionHandler<DomainEventType, C>);
    this.inTransaction.set(type, list);
    return this;
  }

  /** Runs `handler` with every committed transaction's events (those with none are skipped). */
  onAfterCommit(handler: AfterCommitHandler<C>): this {
    this.afterCommit.push(handler);
    return this;
  }

  async runInTransaction(event: DomainEvent, scope: TransactionScope<C>): Promise<void> {
    for (const handler of this.inTransaction.get(event.type) ?? []) await handler(event as never, scope);
  }

  /** Returns the ids of the tickets that followers changed after commit. */
  async runAfterCommit(events: readonly DomainEvent[], ctx: C): Promise<Set<number>> {
    const changed = new Set<number>();
    if (events.length === 0) return changed;
    for (const handler of this.afterCommit) {
      for (const id of (await handler(events, ctx)) ?? []) changed.add(id);
    }
    return changed;
  }
}
