// Snoozing: an agent puts a ticket out of the open list until a time, or until the person writes again.
// It comes back by itself (the sweep, or the person's next message) or when an agent wakes it.
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { Agent } from '../auth/agent.entity.js';
import { badInput } from '../errors.js';
import { type Actor, inTransaction, type SupportContext, type TransactionEvents } from './support.context.js';
import { isActiveStatus } from './support.enums.js';
import { Ticket } from './ticket.entity.js';
import { loadTicketForChange } from './ticket.repository.js';

/** How far ahead a snooze may end. */
export const MAX_SNOOZE_DAYS = 90;

export type WakeReason = 'time' | 'reply';

function snoozeState(ticket: Ticket): Record<string, unknown> {
  return {
    snoozedAt: ticket.snoozedAt?.toISOString() ?? null,
    snoozedUntil: ticket.snoozedUntil?.toISOString() ?? null,
    snoozedBy: ticket.snoozedBy?.id ?? null,
  };
}

/** Refuses a snooze end that is missing, doubled, past, or too far ahead. */
export function validateSnoozeEnd(until: Date | null, untilReply: boolean, now: number): void {
  if (until === null && !untilReply)
    throw badInput('Say until when: a time (until), or untilReply: true to wait for the person to write');
  if (until !== null && untilReply)
    throw badInput('Pass until or untilReply, not both (a timed snooze also ends when the person writes)');
  if (until === null) return;
  if (until.getTime() <= now) throw badInput(`A snooze must end in the future; ${until.toISOString()} has passed`);
  if (until.getTime() > now + MAX_SNOOZE_DAYS * 86_400_000)
    throw badInput(`A snooze may last at most ${MAX_SNOOZE_DAYS} days`);
}

/**
 * Takes an open or in-progress ticket out of the open list until `until`, or (with `untilReply`) until the
 * person writes. Either way, their next message brings it back. Snoozing a snoozed ticket moves its time.
 */
export async function snoozeTicket(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  until: Date | null,
  untilReply: boolean,
): Promise<Ticket> {
  validateSnoozeEnd(until, untilReply, Date.now());
  return changeSnooze(ctx, actor, ticketId, 'ticket.snoozed', (ticket, em) => {
    if (!isActiveStatus(ticket.status))
      throw badInput(`Ticket ${ticket.id} is ${ticket.status}: only open and in-progress tickets can be snoozed`);
    ticket.snoozedAt = new Date();
    ticket.snoozedUntil = until;
    ticket.snoozedBy = em.getReference(Agent, actor.adminId);
  });
}

/** An agent brings a snoozed ticket back before its time. */
export async function unsnoozeTicket(ctx: SupportContext, actor: Actor, ticketId: string): Promise<Ticket> {
  return changeSnooze(ctx, actor, ticketId, 'ticket.unsnoozed', (ticket) => {
    if (!ticket.snoozedAt) throw badInput(`Ticket ${ticket.id} is not snoozed`);
    ticket.endSnooze();
  });
}

/** Locks the ticket, changes its snooze, and says so (audited as `action`). */
async function changeSnooze(
  ctx: SupportContext,
  actor: Actor,
  ticketId: string,
  action: string,
  change: (ticket: Ticket, em: EntityManager) => void,
): Promise<Ticket> {
  return inTransaction(ctx, async (em, events) => {
    const ticket = await loadTicketForChange(em, ticketId);
    const before = snoozeState(ticket);
    change(ticket, em);
    await em.flush();
    await events.emit({ type: 'TicketChanged', ticket, action, before, after: snoozeState(ticket), actor });
    return ticket;
  });
}

/** Brings a snoozed ticket back by itself, inside the caller's transaction, and says why. */
export async function wakeTicket(events: TransactionEvents, ticket: Ticket, reason: WakeReason): Promise<void> {
  const before = snoozeState(ticket);
  ticket.endSnooze();
  const after = { ...snoozeState(ticket), reason };
  await events.emit({ type: 'TicketChanged', ticket, action: 'ticket.woken', before, after, actor: null });
}

/**
 * Wakes every ticket whose snooze has run out; returns how many this call woke. Every instance sweeps:
 * each ticket is re-read under its row lock and woken only if still due, and the optimistic version
 * covers databases without row locks, so one instance wakes it and the others find nothing to do.
 */
export async function wakeDueTickets(ctx: SupportContext, batchSize = 100): Promise<number> {
  let woken = 0;
  for (;;) {
    const due = await ctx.em
      .fork()
      .find(
        Ticket,
        { snoozedUntil: { $lte: new Date() } },
        { fields: ['id'], orderBy: { snoozedUntil: 'asc', id: 'asc' }, limit: batchSize },
      );
    let wokenNow = 0;
    for (const { id } of due) {
      const didWake = await inTransaction(ctx, async (em, events) => {
        const ticket = await em.findOne(Ticket, id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
        if (!ticket?.snoozedUntil || ticket.snoozedUntil.getTime() > Date.now()) return false;
        await wakeTicket(events, ticket, 'time');
        await em.flush();
        return true;
      });
      if (didWake) wokenNow += 1;
    }
    woken += wokenNow;
    // A full batch that woke nothing was woken elsewhere meanwhile: the next sweep looks again.
    if (due.length < batchSize || wokenNow === 0) return woken;
  }
}
