// What the support domain needs from its caller: a forked EntityManager, the pubsub, and the outbound seam.
import {
  DeadlockException,
  LockWaitTimeoutException,
  OptimisticLockError,
  UniqueConstraintViolationException,
  type EntityManager,
} from '@mikro-orm/core';
import { DomainError, ErrorCode } from '../errors.js';
import type { SupportPubSub } from '../pubsub/pubsub.js';
import type { MediaFile } from '../media/media.entity.js';
import type { DomainEvent, DomainEventHandlers, TransactionScope } from './domain-events.js';
import type { Message } from './message.entity.js';
import type { Ticket } from './ticket.entity.js';

/**
 * Where messages for the person go. `enqueue` runs inside the transaction that stores the message,
 * so the WhatsApp channel can write its outbox row atomically with it.
 */
/** A message sent as an approved WhatsApp template rather than as free text. */
/** How an outgoing message goes out when it is not plain text: as an approved template, or with a file. */
export interface OutgoingForm {
  template?: TemplateSend | null;
  attachment?: { file: MediaFile; caption: string | null } | null;
}

export interface TemplateSend {
  name: string;
  languageCode: string;
  parameters: string[];
}

export interface OutboundChannel {
  /**
   * With `template`, the message goes out as that template (its rendered text is what the thread shows); with
   * `attachment`, as a media message with the caption.
   */
  enqueue(em: EntityManager, message: Message, ticket: Ticket, as?: OutgoingForm): Promise<void>;
  /** Tells the person their message (by its WhatsApp id) was read by the desk. */
  markPersonRead(em: EntityManager, ticket: Ticket, whatsappMessageId: string): Promise<void>;
  /** Asks the person to rate the ticket just resolved (the satisfaction survey). */
  askForRating(em: EntityManager, ticket: Ticket): Promise<void>;
}

/** With no channel attached, outgoing messages stay PENDING in the thread. */
export const noOutboundChannel: OutboundChannel = {
  enqueue: async () => undefined,
  markPersonRead: async () => undefined,
  askForRating: async () => undefined,
};

export interface SupportContext {
  em: EntityManager;
  pubsub: SupportPubSub;
  outbound: OutboundChannel;
  /** How many tickets one phone number may open in an hour. */
  ticketsPerPhonePerHour: number;
  /** Whether resolving a ticket sends the person the satisfaction survey (CSAT_SURVEY). */
  satisfactionSurvey: boolean;
  /** How long after a ticket is resolved a message from the person reopens it (REOPEN_WITHIN_HOURS); 0: never. */
  reopenWithinMs: number;
  /** The followers of domain events, registered at start. */
  handlers: SupportEventHandlers;
  /**
   * Set when the work joins a transaction that several pieces of work share (the webhook's group commit,
   * whatsapp/ingest-group.ts): it runs there without retries of its own, and its events are followed after that
   * transaction commits, by whoever commits it.
   */
  shared?: SharedTransaction;
}

/** A transaction several pieces of work run in, one after another, each on its own fork of `em`. */
export interface SharedTransaction {
  /** The transaction's EntityManager. */
  em: EntityManager;
  /** What the pieces emitted, to be followed after commit. */
  emitted: DomainEvent[];
}

export type { Actor } from '../auth/actor.js';

/** The followers of the desk's domain events, with a SupportContext. */
export type SupportEventHandlers = DomainEventHandlers<SupportContext>;

const MAX_ATTEMPTS = 3;

/**
 * What a transaction's work gets besides its EntityManager: `emit` runs the in-transaction followers at once and
 * keeps the event for the after-commit ones.
 */
export interface TransactionEvents {
  emit(event: DomainEvent): Promise<void>;
}

/**
 * Runs `work` in a transaction on a fresh fork: what it emits is followed inside the transaction, then published and
 * followed after commit (awaited, so the caller's answer shows what the followers did: `changedAfterCommit` names the
 * tickets they changed). A concurrent change to the same ticket (a version mismatch, or a deadlock the database
 * broke) re-runs the work on fresh rows, so both changes land in order; after a few lost races the caller gets
 * CONFLICT, never a lost update.
 */
export async function inTransactionFollowed<T>(
  ctx: SupportContext,
  work: (em: EntityManager, events: TransactionEvents) => Promise<T>,
): Promise<{ result: T; changedAfterCommit: ReadonlySet<number> }> {
  if (ctx.shared) return { result: await joinShared(ctx, ctx.shared, work), changedAfterCommit: new Set() };
  const { result, emitted } = await commitWithRetries(ctx, work);
  // Outside the retries: the change has committed, so a follower's failure must never run the work again.
  const changedAfterCommit = await ctx.handlers.runAfterCommit(emitted, ctx);
  return { result, changedAfterCommit };
}

/**
 * Runs `work` inside the shared transaction, on a fork that shares none of the other pieces' entities (each reads
 * what they wrote from the database, in the transaction). A failure is the sharer's to handle: it rolls back.
 */
async function joinShared<T>(
  ctx: SupportContext,
  shared: SharedTransaction,
  work: (em: EntityManager, events: TransactionEvents) => Promise<T>,
): Promise<T> {
  const em = shared.em.fork({ clear: true, keepTransactionContext: true });
  const scope: TransactionScope<SupportContext> = {
    ctx,
    em,
    emit: async (event) => {
      shared.emitted.push(event);
      await ctx.handlers.runInTransaction(event, scope);
    },
  };
  const result = await work(em, { emit: scope.emit });
  await em.flush();
  return result;
}

async function commitWithRetries<T>(
  ctx: SupportContext,
  work: (em: EntityManager, events: TransactionEvents) => Promise<T>,
): Promise<{ result: T; emitted: DomainEvent[] }> {
  for (let attempt = 1; ; attempt++) {
    // The events of a lost attempt are dropped with its changes.
    const emitted: DomainEvent[] = [];
    try {
      const result = await ctx.em.fork().transactional((em) => {
        const scope: TransactionScope<SupportContext> = {
          ctx,
          em,
          emit: async (event) => {
            emitted.push(event);
            await ctx.handlers.runInTransaction(event, scope);
          },
        };
        return work(em, { emit: scope.emit });
      });
      return { result, emitted };
    } catch (error) {
      // A unique key taken by a concurrent insert (a contact, a repeated delivery) is a lost race too: the retry sees the row.
      const lostRace =
        error instanceof OptimisticLockError ||
        error instanceof DeadlockException ||
        error instanceof LockWaitTimeoutException ||
        error instanceof UniqueConstraintViolationException;
      if (!lostRace) throw error;
      if (attempt >= MAX_ATTEMPTS) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'The ticket was changed by someone else at the same time; reload and try again',
        );
      }
    }
  }
}

/** `inTransactionFollowed` for work whose answer the followers after commit do not change. */
export async function inTransaction<T>(
  ctx: SupportContext,
  work: (em: EntityManager, events: TransactionEvents) => Promise<T>,
): Promise<T> {
  return (await inTransactionFollowed(ctx, work)).result;
}
