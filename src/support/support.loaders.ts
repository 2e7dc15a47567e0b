// Per-request DataLoaders: each field that touches the database costs one query per page, not one per ticket.
import type { EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Admin } from '../auth/admin.entity.js';
import { Message } from './message.entity.js';
import { decodeCursor, encodeCursor, readPage, shapePage, type PageArgs, type PageResult } from './pagination.js';
import { badInput } from '../errors.js';
import { SenderType } from './support.enums.js';
import { Ticket } from './ticket.entity.js';

export interface TicketStats {
  messageCount: number;
  lastMessageId: number | null;
  unreadCount: number;
}

export interface MessagePageKey {
  ticketId: number;
  args: PageArgs;
}

function byId<T extends { id: number }>(rows: T[], ids: readonly number[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/**
 * One query for the counts of a page of tickets: how many messages each has, its newest message,
 * and how many of the person's messages the viewing agent has not read.
 */
async function loadTicketStats(em: EntityManager, viewerId: number, ticketIds: readonly number[]): Promise<TicketStats[]> {
  const marks = ticketIds.map(() => '?').join(', ');
  const rows: { ticket_id: number; message_count: number | string; last_id: number | string; unread: number | string | null }[] =
    await em.getConnection().execute(
      `select m.ticket_id, count(*) as message_count, max(m.id) as last_id,
              sum(case when m.sender_type = ? and m.id > coalesce(r.last_read_message_id, 0) then 1 else 0 end) as unread
         from support_messages m
         left join support_ticket_reads r on r.ticket_id = m.ticket_id and r.admin_id = ?
        where m.ticket_id in (${marks})
        group by m.ticket_id`,
      [SenderType.USER, viewerId, ...ticketIds],
    );
  const map = new Map(rows.map((row) => [Number(row.ticket_id), row]));
  return ticketIds.map((id) => {
    const row = map.get(id);
    return row
      ? { messageCount: Number(row.message_count), lastMessageId: Number(row.last_id), unreadCount: Number(row.unread ?? 0) }
      : { messageCount: 0, lastMessageId: null, unreadCount: 0 };
  });
}

export const messageCursor = (message: Message) => encodeCursor([message.id]);

function decodeMessageCursor(cursor: string): number {
  const [id] = decodeCursor(cursor);
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw badInput('The cursor is not one this API gave out');
  return id;
}

/** Pages of several tickets' threads in one query; messages are ordered by id, which is their order of arrival. */
async function loadMessagePages(em: EntityManager, keys: readonly MessagePageKey[]): Promise<PageResult<Message>[]> {
  const groups = new Map<string, MessagePageKey[]>();
  for (const key of keys) {
    const signature = JSON.stringify(key.args);
    groups.set(signature, [...(groups.get(signature) ?? []), key]);
  }
  const pages = new Map<MessagePageKey, PageResult<Message>>();
  for (const group of groups.values()) {
    const page = readPage(group[0]!.args, 'backward');
    const after = page.cursor === null ? null : decodeMessageCursor(page.cursor);
    const forward = page.direction === 'forward';
    const ticketIds = group.map((key) => key.ticketId);
    const marks = ticketIds.map(() => '?').join(', ');
    const cursorClause = after === null ? '' : `and m.id ${forward ? '>' : '<'} ?`;
    const rows: { id: number }[] = await em.getConnection().execute(
      `select id from (
         select m.id, row_number() over (partition by m.ticket_id order by m.id ${forward ? 'asc' : 'desc'}) as position
           from support_messages m
          where m.ticket_id in (${marks}) ${cursorClause}
       ) ranked where position <= ?`,
      [...ticketIds, ...(cursorClause ? [after] : []), page.size + 1],
    );
    const messages = rows.length ? await em.find(Message, { id: { $in: rows.map((row) => Number(row.id)) } }, { orderBy: { id: forward ? 'asc' : 'desc' } }) : [];
    for (const key of group) {
      pages.set(key, shapePage(messages.filter((message) => message.ticket.id === key.ticketId), page));
    }
  }
  return keys.map((key) => pages.get(key)!);
}

export function createSupportLoaders(em: EntityManager, viewerId: number) {
  return {
    admin: new DataLoader<number, Admin | null>(async (ids) => byId(await em.find(Admin, { id: { $in: [...ids] } }), ids)),
    ticket: new DataLoader<number, Ticket | null>(async (ids) => byId(await em.find(Ticket, { id: { $in: [...ids] } }), ids)),
    message: new DataLoader<number, Message | null>(async (ids) => byId(await em.find(Message, { id: { $in: [...ids] } }), ids)),
    ticketStats: new DataLoader<number, TicketStats>((ids) => loadTicketStats(em, viewerId, ids)),
    messagePage: new DataLoader<MessagePageKey, PageResult<Message>, string>((keys) => loadMessagePages(em, keys), { cacheKeyFn: (key) => JSON.stringify(key) }),
  };
}

export type SupportLoaders = ReturnType<typeof createSupportLoaders>;
