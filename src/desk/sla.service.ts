// SLA on tickets: due times set when a ticket opens or its priority changes, and the breach sweep that
// escalates a ticket that missed a target, once, however many instances sweep.
import { LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { inTransaction, type SupportContext } from '../support/support.context.js';
import { TicketStatus } from '../support/support.enums.js';
import { Ticket } from '../support/ticket.entity.js';
import { loadDeskSettings, slaPolicyOf } from './desk-settings.service.js';
import { overdueWhere } from '../support/sla-state.js';
import { escalatedPriority, slaColumnsFor } from './sla.js';

/** Sets the ticket's due times from the desk's targets for its priority, counted from when its clock started. */
export async function applySlaPolicy(em: EntityManager, ticket: Ticket): Promise<void> {
  const policy = slaPolicyOf(await loadDeskSettings(em));
  ticket.slaStartsAt ??= ticket.createdAt;
  Object.assign(ticket, slaColumnsFor(policy, ticket.priority, ticket.slaStartsAt));
}

/**
 * A reopened ticket is open work again: a new SLA round starts now, its targets run afresh from this moment,
 * and a breach of the earlier round is forgotten (a new miss escalates it again). Its next resolution is
 * timed from here too (reports).
 */
export async function startNewSlaRound(em: EntityManager, ticket: Ticket): Promise<void> {
  ticket.slaStartsAt = new Date();
  ticket.slaBreachedAt = null;
  await applySlaPolicy(em, ticket);
}

const dueForEscalation = (now: Date): FilterQuery<Ticket> => ({
  $and: [{ status: { $in: [TicketStatus.OPEN, TicketStatus.IN_PROGRESS] }, slaBreachedAt: null }, overdueWhere(now)],
});

/**
 * Escalates every open ticket past an SLA due time: one priority step up (not past URGENT), the breach
 * recorded on the ticket and in the audit log (actor "system"), and slaBreached, ticketUpdated and
 * notificationsChanged published. Each ticket is re-read under its row lock and escalated only if still
 * due and not yet escalated (the optimistic version covers SQLite), so one instance escalates it once.
 */
export async function escalateBreachedTickets(ctx: SupportContext, batchSize = 100): Promise<number> {
  let escalated = 0;
  for (;;) {
    const due = await ctx.em
      .fork()
      .find(Ticket, dueForEscalation(new Date()), { fields: ['id'], orderBy: { id: 'asc' }, limit: batchSize });
    let escalatedNow = 0;
    for (const { id } of due) {
      const didEscalate = await inTransaction(ctx, async (em, events) => {
        const ticket = await em.findOne(
          Ticket,
          { $and: [{ id }, dueForEscalation(new Date())] },
          { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
        );
        if (!ticket) return false;
        const priorityBefore = ticket.priority;
        ticket.setPriority(escalatedPriority(ticket.priority));
        ticket.slaBreachedAt = new Date();
        await em.flush();
        await events.emit({ type: 'SlaBreached', ticket, priorityBefore });
        return true;
      });
      if (didEscalate) escalatedNow += 1;
    }
    escalated += escalatedNow;
    if (due.length < batchSize || escalatedNow === 0) return escalated;
  }
}
