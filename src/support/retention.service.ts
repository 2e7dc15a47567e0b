// Keeping personal data no longer than needed: old resolved tickets go in batches, and everything about
// one phone number can be erased on request.
import type { EntityManager } from '@mikro-orm/core';
import type { Logger } from '../logger.js';
import { MediaFile } from '../media/media.entity.js';
import type { MediaStore } from '../media/media.store.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { Contact } from './contact.entity.js';
import { OutboxRow } from '../whatsapp/outbox.entity.js';
import { ProcessedInbound } from '../whatsapp/processed-inbound.entity.js';
import { Message } from './message.entity.js';
import type { Actor } from './support.context.js';
import { TicketStatus } from './support.enums.js';
import { normalizePhoneNumber } from './support.validation.js';
import { TicketRead } from './ticket-read.entity.js';
import { Ticket } from './ticket.entity.js';

/** Where the files of deleted messages go: removed from the store once the rows are gone (after commit). */
export interface StoredFiles {
  store: MediaStore;
  logger: Logger;
}

async function removeFiles(files: StoredFiles, keys: string[]): Promise<void> {
  for (const key of keys) {
    await files.store
      .remove(key)
      .catch((error: unknown) =>
        files.logger.error({ err: error }, 'a deleted message’s stored file could not be removed'),
      );
  }
}

/** Deletes tickets with their messages, read marks and audit entries, in one transaction; returns their stored files' keys. */
async function deleteTickets(em: EntityManager, ticketIds: number[]): Promise<string[]> {
  if (ticketIds.length === 0) return [];
  const messageIds = (await em.find(Message, { ticket: { $in: ticketIds } }, { fields: ['id'] })).map(
    (message) => message.id,
  );
  const keys = messageIds.length
    ? (
        await em.find(
          MediaFile,
          { message: { $in: messageIds }, storageKey: { $ne: null } },
          { fields: ['storageKey'] },
        )
      ).map((file) => file.storageKey!)
    : [];
  if (messageIds.length) await em.nativeDelete(OutboxRow, { message: { $in: messageIds } });
  await em.nativeDelete(Message, { ticket: { $in: ticketIds } });
  await em.nativeDelete(TicketRead, { ticket: { $in: ticketIds } });
  await em.nativeDelete(AuditEntry, { ticketId: { $in: ticketIds } });
  await em.nativeDelete(Ticket, { id: { $in: ticketIds } });
  return keys;
}

/** Deletes resolved and closed tickets resolved more than `days` ago, `batchSize` at a time; returns how many. */
export async function deleteExpiredTickets(
  em: EntityManager,
  days: number,
  files: StoredFiles,
  batchSize = 500,
): Promise<number> {
  const cutoff = new Date(Date.now() - days * 86_400_000);
  let deleted = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const ids = (
        await tx.find(
          Ticket,
          { status: { $in: [TicketStatus.RESOLVED, TicketStatus.CLOSED] }, resolvedAt: { $lt: cutoff } },
          { fields: ['id'], limit: batchSize, orderBy: { id: 'asc' } },
        )
      ).map((ticket) => ticket.id);
      return { count: ids.length, keys: await deleteTickets(tx, ids) };
    });
    await removeFiles(files, batch.keys);
    deleted += batch.count;
    if (batch.count < batchSize) return deleted;
  }
}

export interface Erasure {
  tickets: number;
  messages: number;
}

/** Erases everything kept about one phone number: tickets, threads and their files, the contact, queued messages. */
export async function erasePhoneNumber(
  em: EntityManager,
  actor: Actor,
  rawPhone: string,
  files: StoredFiles,
): Promise<Erasure> {
  const phoneNumber = normalizePhoneNumber(rawPhone);
  const { erasure, keys } = await em.fork().transactional(async (tx) => {
    const ticketIds = (await tx.find(Ticket, { phoneNumber }, { fields: ['id'] })).map((ticket) => ticket.id);
    const messages = ticketIds.length ? await tx.count(Message, { ticket: { $in: ticketIds } }) : 0;
    const keys = await deleteTickets(tx, ticketIds);
    await tx.nativeDelete(OutboxRow, { recipient: phoneNumber });
    await tx.nativeDelete(ProcessedInbound, { sender: phoneNumber });
    const contact = await tx.findOne(Contact, { phoneNumber }, { fields: ['id'] });
    // Changes to the contact were audited with their values (notes, name): they go with it.
    if (contact) await tx.nativeDelete(AuditEntry, { contactId: contact.id });
    await tx.nativeDelete(Contact, { phoneNumber });
    // The trail records that an erasure happened and its size, not whose number it was.
    recordAudit(tx, actor, 'contact.erased', null, null, { tickets: ticketIds.length, messages });
    await tx.flush();
    return { erasure: { tickets: ticketIds.length, messages }, keys };
  });
  await removeFiles(files, keys);
  return erasure;
}
