// Loading tickets for reading and for changing (under the row's lock), and the per-number opening limit.
import { type EntityManager, LockMode } from '@mikro-orm/core';
import { notFound } from '../errors.js';
import { parseId } from './support.validation.js';
import { Ticket } from './ticket.entity.js';

export async function loadTicket(em: EntityManager, id: string | number): Promise<Ticket> {
  const ticketId = parseId(id);
  const ticket = ticketId === null ? null : await em.findOne(Ticket, ticketId);
  if (!ticket) throw notFound('Ticket', id);
  return ticket;
}

/**
 * Loads a ticket inside a transaction that will change it, locking its row (SELECT … FOR UPDATE) where the
 * database has row locks: concurrent writers then queue instead of deadlocking on the messages' foreign key.
 * (SQLite has no row locks and needs none: it runs one write transaction at a time.)
 */
export async function loadTicketForChange(em: EntityManager, id: string | number): Promise<Ticket> {
  const ticketId = parseId(id);
  const ticket =
    ticketId === null
      ? null
      : await em.findOne(Ticket, ticketId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!ticket) throw notFound('Ticket', id);
  return ticket;
}

/** Whether this number has opened as many tickets in the last hour as it may. */
export async function hasReachedTicketLimit(em: EntityManager, phoneNumber: string, perHour: number): Promise<boolean> {
  const recent = await em.count(Ticket, { phoneNumber, createdAt: { $gt: new Date(Date.now() - 3600_000) } });
  return recent >= perHour;
}
