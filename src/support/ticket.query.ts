// Reading tickets: the filtered, ordered, cursor-paginated list the dashboard and tools query.
import { raw, type FilterQuery, type QueryOrder } from '@mikro-orm/core';
import type { QBFilterQuery, SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { badInput } from '../errors.js';
import { Message } from './message.entity.js';
import { decodeCursor, encodeCursor, readPage, shapePage, type PageArgs, type PageResult } from './pagination.js';
import { isActiveStatus, type TicketPriority, type TicketStatus } from './support.enums.js';
import { normalizePhoneNumber, parseId, phoneDigits } from './support.validation.js';
import { likeContains } from '../db/like.js';
import { COUNT_CAP, FIRST_LOOK, indexedMatches, ticketMatches } from './ticket-search.js';
import { ticketsWithAnyLabel, ticketsWithLabelMatching } from '../labels/label.query.js';
import { readPlain } from '../db/plain-read.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';
import { type SlaState, slaStateWhere } from './sla-state.js';
import { listTicketsByRelevance } from './ticket-relevance.js';

export interface TicketFilterInput {
  status?: TicketStatus[] | null;
  priority?: TicketPriority[] | null;
  assigneeId?: string | null;
  unassigned?: boolean | null;
  phoneNumber?: string | null;
  search?: string | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
  /** Tickets carrying any of these labels. */
  labelIds?: readonly string[] | null;
  snoozed?: boolean | null;
  /** Tickets in any of these SLA states now. */
  slaState?: readonly SlaState[] | null;
}

export type TicketOrderField = 'CREATED_AT' | 'UPDATED_AT' | 'LAST_MESSAGE_AT' | 'PRIORITY' | 'SLA_DUE' | 'RELEVANCE';
export interface TicketOrderInput {
  field: TicketOrderField;
  direction: 'ASC' | 'DESC';
}

const orderColumn = {
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
  LAST_MESSAGE_AT: 'lastMessageAt',
  PRIORITY: 'priorityRank',
  SLA_DUE: 'slaDueAt',
} as const satisfies Record<Exclude<TicketOrderField, 'RELEVANCE'>, keyof Ticket>;
type ColumnOrderField = keyof typeof orderColumn;

export interface TicketPage extends PageResult<TicketRecord> {
  cursorOf(ticket: TicketRecord): string;
  countTotal(): Promise<number>;
  /** False when countTotal stopped at COUNT_CAP: a search whose word is on most tickets is not counted through. */
  isCountExact?(): Promise<boolean>;
}

export function ticketWhere(em: EntityManager, filter: TicketFilterInput): FilterQuery<Ticket> {
  const and: FilterQuery<Ticket>[] = [];
  if (filter.status?.length) and.push({ status: { $in: filter.status } });
  if (filter.priority?.length) and.push({ priority: { $in: filter.priority } });
  if (filter.assigneeId != null) and.push({ assignee: parseId(filter.assigneeId) ?? -1 });
  if (filter.unassigned === true) and.push({ assignee: null });
  if (filter.unassigned === false) and.push({ assignee: { $ne: null } });
  if (filter.phoneNumber != null) and.push({ phoneNumber: normalizePhoneNumber(filter.phoneNumber) });
  if (filter.createdAfter) and.push({ createdAt: { $gte: filter.createdAfter } });
  if (filter.createdBefore) and.push({ createdAt: { $lt: filter.createdBefore } });
  if (filter.labelIds?.length)
    and.push({ id: { $in: ticketsWithAnyLabel(em, filter.labelIds) } } as FilterQuery<Ticket>);
  // The open list (only OPEN and IN_PROGRESS asked for) leaves snoozed tickets out unless asked for them.
  const snoozed = filter.snoozed ?? (filter.status?.length && filter.status.every(isActiveStatus) ? false : null);
  if (snoozed === true) and.push({ snoozedAt: { $ne: null } });
  if (snoozed === false) and.push({ snoozedAt: null });
  if (filter.slaState?.length) {
    const now = new Date();
    and.push({ $or: filter.slaState.map((state) => slaStateWhere(state, now)) });
  }
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) throw badInput('search is at most 200 characters');
    and.push(searchCondition(em, search));
  }
  return and.length ? { $and: and } : {};
}

/**
 * What a search matches: the issue, the name, the number (also as digits: "+94 77 123 4567" finds 94771234567), a
 * label's name, or any message in the thread: the tickets the full-text indexes name (see ticket-search.ts), or,
 * where they cannot serve the text, the same LIKEs over every ticket.
 */
function searchCondition(em: EntityManager, search: string): FilterQuery<Ticket> {
  const indexed = indexedMatches(em, search);
  if (indexed)
    return { id: { $in: raw(`select c.id from (${indexed.sql}) c`, indexed.params) } } as FilterQuery<Ticket>;
  const inThread = em
    .createQueryBuilder(Message, 'sm')
    .select('sm.ticket')
    .where(likeContains<Message>('body', search));
  const conditions: FilterQuery<Ticket>[] = [
    likeContains<Ticket>('issueDescription', search),
    likeContains<Ticket>('senderName', search),
    likeContains<Ticket>('phoneNumber', search),
    { id: { $in: inThread } } as FilterQuery<Ticket>,
    { id: { $in: ticketsWithLabelMatching(em, search) } } as FilterQuery<Ticket>,
  ];
  const digits = phoneDigits(search);
  if (digits !== null && digits !== search) conditions.push(likeContains<Ticket>('phoneNumber', digits));
  return { $or: conditions } as FilterQuery<Ticket>;
}

function cursorValue(ticket: TicketRecord, column: (typeof orderColumn)[ColumnOrderField]): string | number | null {
  const value = ticket[column];
  return value instanceof Date ? value.toISOString() : value;
}

export async function listTickets(
  em: EntityManager,
  filter: TicketFilterInput,
  order: TicketOrderInput,
  args: PageArgs,
): Promise<TicketPage> {
  const page = readPage(args);
  if (order.field === 'RELEVANCE') {
    const where = ticketWhere(em, filter);
    const ranked = await listTicketsByRelevance(em, where, filter.search?.trim(), order.direction, page);
    return { ...ranked, countTotal: () => em.count(Ticket, where) };
  }
  const column = orderColumn[order.field];
  // A cursor holds a position in one order: one made for another order is refused.
  const cursorKind = `tickets-by-${order.field}`;
  const ascending = (order.direction === 'ASC') === (page.direction === 'forward');
  // Only tickets with a target still pending have an SLA due time to sort by.
  const where =
    order.field === 'SLA_DUE'
      ? { $and: [ticketWhere(em, filter), { slaDueAt: { $ne: null } }] }
      : ticketWhere(em, filter);
  let keyset: FilterQuery<Ticket> = {};
  if (page.cursor !== null) {
    const [rawValue, id] = decodeCursor(page.cursor, cursorKind, [
      column === 'priorityRank' ? 'integer' : 'instant',
      'id',
    ]);
    const value = typeof rawValue === 'number' ? rawValue : new Date(rawValue!);
    const beyond = ascending ? '$gt' : '$lt';
    keyset = {
      $or: [{ [column]: { [beyond]: value } }, { [column]: value, id: { [beyond]: id } }],
    } as FilterQuery<Ticket>;
  }
  const direction = (ascending ? 'asc' : 'desc') as QueryOrder;
  const orderBy = [{ [column]: direction }, { id: direction }];
  const search = filter.search?.trim();
  if (search) {
    const found = await searchNewestFirst(em, { ...filter, search: null }, order.field, search, keyset, orderBy, page);
    if (found)
      return {
        ...found,
        cursorOf: (ticket) => encodeCursor(cursorKind, [cursorValue(ticket, column), ticket.id]),
      };
  }
  const query = em
    .createQueryBuilder(Ticket)
    .select('*')
    .where({ $and: [where, keyset] } as QBFilterQuery<Ticket>)
    .orderBy(orderBy)
    .limit(page.size + 1);
  const rows = await readPlain<TicketRecord>(em, Ticket, query);
  return {
    ...shapePage(rows, page),
    cursorOf: (ticket) => encodeCursor(cursorKind, [cursorValue(ticket, column), ticket.id]),
    countTotal: () => em.count(Ticket, where),
  };
}

/**
 * The first look of a search (see ticket-search.ts): the FIRST_LOOK tickets that come next in the list's order
 * (filters and cursor applied), checked one by one. When they hold a whole page, that page is the answer (it is
 * the start of what follows in the order) and the count stops at COUNT_CAP; else null, and the indexes answer.
 */
async function searchNewestFirst(
  em: EntityManager,
  filterBesideSearch: TicketFilterInput,
  field: ColumnOrderField,
  search: string,
  keyset: FilterQuery<Ticket>,
  orderBy: Record<string, QueryOrder>[],
  page: ReturnType<typeof readPage>,
): Promise<Omit<TicketPage, 'cursorOf'> | null> {
  const besides = ticketWhere(em, filterBesideSearch);
  const base = field === 'SLA_DUE' ? { $and: [besides, { slaDueAt: { $ne: null } }] } : besides;
  const window = em
    .createQueryBuilder(Ticket, 'w')
    .select('w.id')
    .where({ $and: [base, keyset] } as QBFilterQuery<Ticket>)
    .orderBy(orderBy)
    .limit(FIRST_LOOK)
    .toQuery();
  const matches = ticketMatches('t', search);
  const query = em
    .createQueryBuilder(Ticket, 't')
    .select('*')
    // A derived table: MariaDB takes no LIMIT in an IN subquery.
    .where({ id: { $in: raw(`select fl.id from (${window.sql}) fl`, window.params) } } as QBFilterQuery<Ticket>)
    .andWhere(matches.sql, matches.params)
    .orderBy(orderBy)
    .limit(page.size + 1);
  const rows = await readPlain<TicketRecord>(em, Ticket, query);
  if (rows.length <= page.size) return null;
  let counted: Promise<number> | undefined;
  const count = () => {
    const capped = em
      .createQueryBuilder(Ticket, 't')
      .select('t.id')
      .where(base as QBFilterQuery<Ticket>)
      .andWhere(matches.sql, matches.params)
      .limit(COUNT_CAP + 1)
      .toQuery();
    counted ??= em
      .getConnection()
      .execute<{ count: number | string }[]>(`select count(*) as count from (${capped.sql}) capped`, capped.params)
      .then(([row]) => Number(row?.count ?? 0));
    return counted;
  };
  return {
    ...shapePage(rows, page),
    countTotal: async () => Math.min(await count(), COUNT_CAP),
    isCountExact: async () => (await count()) <= COUNT_CAP,
  };
}
