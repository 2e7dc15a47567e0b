// An agent's mentions: the list (unread first), and marking them read when the agent opens the ticket.
import type { SqlEntityManager } from '@mikro-orm/sql';
import { badInput } from '../errors.js';
import { MAX_PAGE_SIZE } from '../support/pagination.js';
import { inTransaction, type SupportContext } from '../support/support.context.js';
import { loadTicket } from '../support/ticket.repository.js';
import { Mention } from './mention.entity.js';

export async function listMentions(
  em: SqlEntityManager,
  agentId: number,
  unreadOnly: boolean,
  first: number,
): Promise<Mention[]> {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw badInput(`first is 1 to ${MAX_PAGE_SIZE}, got ${first}`);
  const unread = await em.find(Mention, { agent: agentId, readAt: null }, { orderBy: { id: 'desc' }, limit: first });
  if (unreadOnly || unread.length === first) return unread;
  const read = await em.find(
    Mention,
    { agent: agentId, readAt: { $ne: null } },
    { orderBy: { id: 'desc' }, limit: first - unread.length },
  );
  return [...unread, ...read];
}

/** Marks the agent's mentions in one ticket read; returns how many were unread. */
export async function markMentionsRead(ctx: SupportContext, agentId: number, ticketId: string): Promise<number> {
  const id = (await loadTicket(ctx.em, ticketId)).id;
  return inTransaction(ctx, async (em, events) => {
    const unread = await em.find(Mention, { agent: agentId, ticket: id, readAt: null });
    if (unread.length === 0) return 0;
    const now = new Date();
    for (const mention of unread) mention.readAt = now;
    await em.flush();
    await events.emit({ type: 'NotificationsChanged', ticketId: id });
    return unread.length;
  });
}
