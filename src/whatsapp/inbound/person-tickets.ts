// The tickets a person's message may belong to, each locked for the change the message makes to it.
import type { EntityManager } from '@mikro-orm/core';
import type { Contact } from '../../support/contact.entity.js';
import { isActiveStatus, TicketStatus } from '../../support/support.enums.js';
import { Ticket } from '../../support/ticket.entity.js';
import { loadTicketForChange } from '../../support/ticket.repository.js';

const ACTIVE = { $in: [TicketStatus.OPEN, TicketStatus.IN_PROGRESS] };

/** The ticket this person's messages join: the one the bot opened, or any of theirs still open. */
export async function activeTicketOf(em: EntityManager, contact: Contact): Promise<Ticket | null> {
  const current = contact.openTicketId ? await em.findOne(Ticket, { id: contact.openTicketId, status: ACTIVE }) : null;
  const ticket =
    current ??
    (await em.findOne(Ticket, { phoneNumber: contact.phoneNumber, status: ACTIVE }, { orderBy: { id: 'desc' } }));
  return ticket ? loadTicketForChange(em, ticket.id) : null;
}

/** Their newest ticket, whatever its status. */
export async function latestTicketOf(em: EntityManager, contact: Contact): Promise<Ticket | null> {
  const latest = await em.findOne(
    Ticket,
    { phoneNumber: contact.phoneNumber },
    { orderBy: { id: 'desc' }, fields: ['id'] },
  );
  return latest ? loadTicketForChange(em, latest.id) : null;
}

/** Their newest ticket when it has ended (resolved or closed): the one a message after the end belongs to. */
export async function endedTicketOf(em: EntityManager, contact: Contact): Promise<Ticket | null> {
  const ticket = await latestTicketOf(em, contact);
  return ticket && !isActiveStatus(ticket.status) ? ticket : null;
}

/** The ticket a notice about the person goes on: their open one, else their newest. */
export async function noticeTicketOf(em: EntityManager, contact: Contact): Promise<Ticket | null> {
  const active = await em.findOne(
    Ticket,
    { phoneNumber: contact.phoneNumber, status: ACTIVE },
    { orderBy: { id: 'desc' }, fields: ['id'] },
  );
  return active ? loadTicketForChange(em, active.id) : latestTicketOf(em, contact);
}
