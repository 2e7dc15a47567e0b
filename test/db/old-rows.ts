// Rows as an older schema holds them, for tests of what an upgrade does to data already there.
import type { EntityManager } from '@mikro-orm/core';
import { Ticket } from '../../src/support/ticket.entity.js';

/**
 * A ticket written with only the columns every schema since the first has: the entity's own insert would name
 * columns a later migration adds.
 */
export async function insertOldTicket(
  em: EntityManager,
  ticket: { phoneNumber: string; senderName: string; issueDescription: string },
): Promise<Ticket> {
  const now = new Date();
  const id = await em.insert(Ticket, {
    ...ticket,
    status: 'OPEN',
    priority: 'MEDIUM',
    priorityRank: 2,
    createdAt: now,
    updatedAt: now,
    version: 1,
  } as never);
  return em.getReference(Ticket, id as number);
}
