// Keeping personal data no longer than needed: old resolved tickets go in batches, and everything about
// one phone number can be erased on request.
import type { EntityManager } from '@mikro-orm/core';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { Contact } from '../whatsapp/contact.entity.js';
import { OutboxRow } from '../whatsapp/outbox.entity.js';
import { ProcessedInbound } from '../whatsapp/processed-inbound.entity.js';
import { Message } from './message.entity.js';
import type { Actor } from './support.context.js';
import { TicketStatus } from './support.enums.js';
import { normalizePhoneNumber } from './support.validation.js';
import { TicketRead } from './ticket-read.entity.js';
import { Ticket } from './ticket.entity.js';

/** Deletes tickets with their messages, read marks and audit entries, in one transaction. */
async function deleteTickets(em: EntityManager, ticketIds: number[]): Promise<void> {
  if (ticketIds.length === 0) return;
  const messageIds = (await em.find(Message, { ticket: { $in: ticketIds } }, { fields: ['id'] })).map((message) => message.id);
  if (messageIds.length) await em.nativeDelete(OutboxRow, { message: { $in: messageIds } });
  await em.nativeDelete(Message, { ticket: { $in: ticketIds } });
  await em.nativeDelete(TicketRead, { ticket: { $in: ticketIds } });
  await em.nativeDelete(AuditEntry, { ticketId: { $in: ticketIds } });
  await em.nativeDelete(Ticket, { id: { $in: ticketIds } });
}

/** Deletes resolved and closed tickets resolved more than `days` ago, `batchSize` at a time; returns how many. */
export async function deleteExpiredTickets(em: EntityManager, days: number, batchSize = 500): Promise<number> {
  const cutoff = new Date(Date.now() - days * 86_400_000);
  let deleted = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const ids = (
        await tx.find(Ticket, { status: { $in: [TicketStatus.RESOLVED, TicketStatus.CLOSED] }, resolvedAt: { $lt: cutoff } }, { fields: ['id'], limit: batchSize, orderBy: { id: 'asc' } })
      ).map((ticket) => ticket.id);
      await deleteTickets(tx, ids);
      return ids.length;
    });
    deleted += batch;
    if (batch < batchSize) return deleted;
  }
}

export interface Erasure {
  tickets: number;
  messages: number;
}

/** Erases everything kept about one phone number: tickets, threads, the contact, queued messages. */
export async function erasePhoneNumber(em: EntityManager, actor: Actor, rawPhone: string): Promise<Erasure> {
  const phoneNumber = normalizePhoneNumber(rawPhone);
  return em.fork().transactional(async (tx) => {
    const ticketIds = (await tx.find(Ticket, { phoneNumber }, { fields: ['id'] })).map((ticket) => ticket.id);
    const messages = ticketIds.length ? await tx.count(Message, { ticket: { $in: ticketIds } }) : 0;
    await deleteTickets(tx, ticketIds);
    await tx.nativeDelete(OutboxRow, { recipient: phoneNumber });
    await tx.nativeDelete(ProcessedInbound, { sender: phoneNumber });
    const contact = await tx.findOne(Contact, { phoneNumber }, { fields: ['id'] });
    // Changes to the contact were audited with their values (notes, name): they go with it.
    if (contact) await tx.nativeDelete(AuditEntry, { contactId: contact.id });
    await tx.nativeDelete(Contact, { phoneNumber });
    // The trail records that an erasure happened and its size, not whose number it was.
    recordAudit(tx, actor, 'contact.erased', null, null, { tickets: ticketIds.length, messages });
    await tx.flush();
    return { tickets: ticketIds.length, messages };
  });
}
