// Agents' read marks: how far each agent has read each ticket's thread.
import type { EntityManager } from '@mikro-orm/core';
import { Message } from './message.entity.js';
import { TicketRead } from './ticket-read.entity.js';

export async function markReadUpTo(em: EntityManager, adminId: number, ticketId: number): Promise<void> {
  const newest = await em.findOne(Message, { ticket: ticketId }, { orderBy: { id: 'desc' }, fields: ['id'] });
  await em.upsert(
    TicketRead,
    { ticket: ticketId, admin: adminId, lastReadMessageId: newest?.id ?? 0, readAt: new Date() },
    {
      onConflictFields: ['ticket', 'admin'],
      onConflictAction: 'merge',
      onConflictMergeFields: ['lastReadMessageId', 'readAt'],
    },
  );
}
