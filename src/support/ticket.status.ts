// A ticket's status change, shared by the lifecycle's functions and the WhatsApp path.
import type { EntityManager } from '@mikro-orm/core';
import type { StatusCause } from './domain-events.js';
import type { Actor, TransactionEvents } from './support.context.js';
import { isActiveStatus, type TicketStatus } from './support.enums.js';
import type { Ticket } from './ticket.entity.js';

/**
 * Sets the status (the caller's transaction, the ticket locked) and says so: a resolution or a reopening is timed,
 * a new SLA round starts, the survey goes out, by the followers of TicketStatusChanged.
 */
export async function changeStatus(
  em: EntityManager,
  events: TransactionEvents,
  ticket: Ticket,
  status: TicketStatus,
  cause: StatusCause,
  actor: Actor | null,
): Promise<void> {
  const from = ticket.status;
  const resolvedAtBefore = ticket.resolvedAt;
  ticket.status = status;
  if (isActiveStatus(status)) ticket.resolvedAt = null;
  else ticket.resolvedAt ??= new Date();
  // A snooze is a pause of open work: a resolved or closed ticket has none.
  if (!isActiveStatus(status)) ticket.endSnooze();
  await em.flush();
  await events.emit({ type: 'TicketStatusChanged', ticket, from, to: status, resolvedAtBefore, cause, actor });
}
