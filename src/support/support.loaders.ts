// Per-request DataLoaders: each field that touches the database costs one query per page, not one per ticket.
import type { EntityName } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { Agent } from '../auth/agent.entity.js';
import { createLabelLoaders } from '../labels/label.loaders.js';
import { createMediaLoaders } from '../media/media.loaders.js';
import { readPlain } from '../db/plain-read.js';
import { Message, type MessageRecord } from './message.entity.js';
import { decodeIdCursor, encodeIdCursor, readPage, shapePage, type PageArgs, type PageResult } from './pagination.js';
import { createContactLoaders } from './contact.loaders.js';
import { loadMatchingMessages, type SnippetKey } from './search-snippet.js';
import { findSimilarTickets, type SimilarKey, type SimilarTicketRecord } from './similar-tickets.js';
import { SenderType } from './support.enums.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

export interface TicketStats {
  messageCount: number;
  lastMessageId: number | null;
  /** The newest message of the conversation itself (the person's, or an agent's reply): what the list shows. */
  previewMessageId: number | null;
  unreadCount: number;
}

export interface MessagePageKey {
  ticketId: number;
  args: PageArgs;
}

/** Plain rows (see readPlain) of one entity by id, in the order asked, null where none. */
async function loadById<Row extends { id: number }>(
  em: EntityManager,
  entity: EntityName,
  ids: readonly number[],
): Promise<(Row | null)[]> {
  const rows = await readPlain<Row>(
    em,
    entity,
    em
      .createQueryBuilder(entity)
      .select('*')
      .where({ id: { $in: [...ids] } }),
  );
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/**
 * One query for the counts of a page of tickets: how many messages each has, its newest message, its newest
 * message between the person and the agents (no bot or system lines, no internal notes), and how many of the
 * person's messages the viewing agent has not read.
 */
async function loadTicketStats(
  em: EntityManager,
  viewerId: number,
  ticketIds: readonly number[],
): Promise<TicketStats[]> {
  const marks = ticketIds.map(() => '?').join(', ');
  const rows: {
    ticket_id: number;
    message_count: number | string;
    last_id: number | string;
    preview_id: number | string | null;
    unread: number | string | null;
  }[] = await em.getConnection().execute(
    `select m.ticket_id, count(*) as message_count, max(m.id) as last_id,
              max(case when m.sender_type = ? or (m.sender_type = ? and m.internal = 0) then m.id end) as preview_id,
              sum(case when m.sender_type = ? and m.id > coalesce(r.last_read_message_id, 0) then 1 else 0 end) as unread
         from support_messages m
         left join support_ticket_reads r on r.ticket_id = m.ticket_id and r.admin_id = ?
        where m.ticket_id in (${marks})
        group by m.ticket_id`,
    [SenderType.USER, SenderType.ADMIN, SenderType.USER, viewerId, ...ticketIds],
  );
  const map = new Map(rows.map((row) => [Number(row.ticket_id), row]));
  return ticketIds.map((id) => {
    const row = map.get(id);
    return row
      ? {
          messageCount: Number(row.message_count),
          lastMessageId: Number(row.last_id),
          previewMessageId: row.preview_id === null ? null : Number(row.preview_id),
          unreadCount: Number(row.unread ?? 0),
        }
      : { messageCount: 0, lastMessageId: null, previewMessageId: null, unreadCount: 0 };
  });
}

const MESSAGES = 'messages';
export const messageCursor = (message: MessageRecord) => encodeIdCursor(MESSAGES, message.id);

/** Pages of several tickets' threads in one query; messages are ordered by id, which is their order of arrival. */
async function loadMessagePages(
  em: EntityManager,
  keys: readonly MessagePageKey[],
): Promise<PageResult<MessageRecord>[]> {
  const groups = new Map<string, MessagePageKey[]>();
  for (const key of keys) {
    const signature = JSON.stringify(key.args);
    groups.set(signature, [...(groups.get(signature) ?? []), key]);
  }
  const pages = new Map<MessagePageKey, PageResult<MessageRecord>>();
  for (const group of groups.values()) {
    const page = readPage(group[0]!.args, 'backward');
    const after = page.cursor === null ? null : decodeIdCursor(MESSAGES, page.cursor);
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
    const query = em
      .createQueryBuilder(Message)
      .select('*')
      .where({ id: { $in: rows.map((row) => Number(row.id)) } })
      .orderBy({ id: forward ? 'asc' : 'desc' });
    const messages = rows.length ? await readPlain<MessageRecord>(em, Message, query) : [];
    for (const key of group) {
      pages.set(
        key,
        shapePage(
          messages.filter((message) => message.ticket.id === key.ticketId),
          page,
        ),
      );
    }
  }
  return keys.map((key) => pages.get(key)!);
}

/** Messages by their WhatsApp id (what a quoted reply names), null where none. */
async function loadByWhatsappId(em: EntityManager, ids: readonly string[]): Promise<(MessageRecord | null)[]> {
  const query = em
    .createQueryBuilder(Message)
    .select('*')
    .where({ whatsappMessageId: { $in: [...ids] } });
  const rows = await readPlain<MessageRecord>(em, Message, query);
  const map = new Map(rows.map((row) => [row.whatsappMessageId, row]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Some of a DataLoader's answers may be errors: where so, none. */
const onlyFound = <T>(rows: (T | Error | null)[]) => rows.map((row) => (row instanceof Error ? null : row));

export function createSupportLoaders(em: EntityManager, viewerId: number) {
  const ticket = new DataLoader<number, TicketRecord | null>((ids) => loadById<TicketRecord>(em, Ticket, ids));
  return {
    ...createContactLoaders(em),
    admin: new DataLoader<number, Agent | null>((ids) => loadById<Agent>(em, Agent, ids)),
    ticket,
    message: new DataLoader<number, MessageRecord | null>((ids) => loadById<MessageRecord>(em, Message, ids)),
    messageByWhatsappId: new DataLoader<string, MessageRecord | null>((ids) => loadByWhatsappId(em, ids)),
    ticketStats: new DataLoader<number, TicketStats>((ids) => loadTicketStats(em, viewerId, ids)),
    messagePage: new DataLoader<MessagePageKey, PageResult<MessageRecord>, string>(
      (keys) => loadMessagePages(em, keys),
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    searchMatch: new DataLoader<SnippetKey, string | null, string>((keys) => loadMatchingMessages(em, keys), {
      cacheKeyFn: (key) => JSON.stringify(key),
    }),
    // A page of 100 tickets is one batch; a batch is one UNION ALL of index lookups, so it is kept to a page.
    similarTickets: new DataLoader<SimilarKey, SimilarTicketRecord[], string>(
      (keys) => findSimilarTickets(em, keys, (ids) => ticket.loadMany(ids).then(onlyFound)),
      { cacheKeyFn: (key) => `${key.ticket.id}:${key.limit}`, maxBatchSize: 100 },
    ),
    ...createLabelLoaders(em),
    ...createMediaLoaders(em),
  };
}

export type SupportLoaders = ReturnType<typeof createSupportLoaders>;
