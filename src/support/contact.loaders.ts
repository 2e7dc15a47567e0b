// Per-request DataLoaders for contacts: a page of tickets with their contacts, and each contact's own
// tickets, costs a fixed number of queries whatever the page size.
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import DataLoader from 'dataloader';
import { readPlain } from '../db/plain-read.js';
import { Contact, type ContactRecord } from './contact.entity.js';
import { lastContactSql } from './contact.query.js';
import { decodeIdCursor, encodeIdCursor, readPage, shapePage, type PageArgs, type PageResult } from './pagination.js';
import { TicketStatus } from './support.enums.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

export interface ContactTicketsKey {
  phoneNumber: string;
  args: Pick<PageArgs, 'first' | 'after'>;
}

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

async function loadContacts(em: EntityManager, phoneNumbers: readonly string[]): Promise<(ContactRecord | null)[]> {
  const query = em
    .createQueryBuilder(Contact)
    .select('*')
    .where({ phoneNumber: { $in: [...phoneNumbers] } });
  const rows = await readPlain<ContactRecord>(em, Contact, query);
  const map = new Map(rows.map((row) => [row.phoneNumber, row]));
  return phoneNumbers.map((phoneNumber) => map.get(phoneNumber) ?? null);
}

async function countTickets(em: EntityManager, phoneNumbers: readonly string[]): Promise<number[]> {
  const rows: { phone_number: string; total: number | string }[] = await em
    .getConnection()
    .execute(
      `select phone_number, count(*) as total from support_tickets where phone_number in (${marks(phoneNumbers)}) group by phone_number`,
      [...phoneNumbers],
    );
  const map = new Map(rows.map((row) => [row.phone_number, Number(row.total)]));
  return phoneNumbers.map((phoneNumber) => map.get(phoneNumber) ?? 0);
}

/** Each number's last contact (see lastContactSql); a number the desk never heard of has none. */
async function loadLastContacts(em: EntityManager, phoneNumbers: readonly string[]): Promise<(Date | null)[]> {
  const { sql, params } = lastContactSql(em, phoneNumbers);
  const rows: { phone_number: string; last_ms: number | string | null }[] = await em
    .getConnection()
    .execute(sql, params);
  const map = new Map(
    rows.map((row) => [row.phone_number, row.last_ms === null ? null : new Date(Number(row.last_ms))]),
  );
  return phoneNumbers.map((phoneNumber) => map.get(phoneNumber) ?? null);
}

/** Each number's newest ticket still open or in progress (snoozed or not), null when none is. */
async function loadOpenTickets(em: EntityManager, phoneNumbers: readonly string[]): Promise<(TicketRecord | null)[]> {
  const rows: { phone_number: string; id: number | string }[] = await em.getConnection().execute(
    `select phone_number, max(id) as id from support_tickets
      where phone_number in (${marks(phoneNumbers)}) and status in (?, ?)
      group by phone_number`,
    [...phoneNumbers, TicketStatus.OPEN, TicketStatus.IN_PROGRESS],
  );
  const ids = rows.map((row) => Number(row.id));
  const tickets = ids.length
    ? await readPlain<TicketRecord>(
        em,
        Ticket,
        em
          .createQueryBuilder(Ticket)
          .select('*')
          .where({ id: { $in: ids } }),
      )
    : [];
  const map = new Map(tickets.map((ticket) => [ticket.phoneNumber, ticket]));
  return phoneNumbers.map((phoneNumber) => map.get(phoneNumber) ?? null);
}

const CONTACT_TICKETS = 'contact-tickets';
export const contactTicketCursor = (ticket: TicketRecord) => encodeIdCursor(CONTACT_TICKETS, ticket.id);

/** Pages of several contacts' tickets, newest first, in one query per distinct page (ids grow with time). */
async function loadTicketPages(
  em: EntityManager,
  keys: readonly ContactTicketsKey[],
): Promise<PageResult<TicketRecord>[]> {
  const groups = new Map<string, ContactTicketsKey[]>();
  for (const key of keys) {
    const signature = JSON.stringify(key.args);
    groups.set(signature, [...(groups.get(signature) ?? []), key]);
  }
  const pages = new Map<ContactTicketsKey, PageResult<TicketRecord>>();
  for (const group of groups.values()) {
    const page = readPage(group[0]!.args);
    const before = page.cursor === null ? null : decodeIdCursor(CONTACT_TICKETS, page.cursor);
    const phoneNumbers = group.map((key) => key.phoneNumber);
    const cursorClause = before === null ? '' : 'and t.id < ?';
    const rows: { id: number }[] = await em.getConnection().execute(
      `select id from (
         select t.id, row_number() over (partition by t.phone_number order by t.id desc) as position
           from support_tickets t
          where t.phone_number in (${marks(phoneNumbers)}) ${cursorClause}
       ) ranked where position <= ?`,
      [...phoneNumbers, ...(before === null ? [] : [before]), page.size + 1],
    );
    const query = em
      .createQueryBuilder(Ticket)
      .select('*')
      .where({ id: { $in: rows.map((row) => Number(row.id)) } })
      .orderBy({ id: 'desc' });
    const tickets = rows.length ? await readPlain<TicketRecord>(em, Ticket, query) : [];
    for (const key of group)
      pages.set(
        key,
        shapePage(
          tickets.filter((ticket) => ticket.phoneNumber === key.phoneNumber),
          page,
        ),
      );
  }
  return keys.map((key) => pages.get(key)!);
}

export function createContactLoaders(em: EntityManager) {
  return {
    contact: new DataLoader<string, ContactRecord | null>((phoneNumbers) => loadContacts(em, phoneNumbers)),
    contactTicketCount: new DataLoader<string, number>((phoneNumbers) => countTickets(em, phoneNumbers)),
    contactLastContact: new DataLoader<string, Date | null>((phoneNumbers) => loadLastContacts(em, phoneNumbers)),
    contactOpenTicket: new DataLoader<string, TicketRecord | null>((phoneNumbers) => loadOpenTickets(em, phoneNumbers)),
    contactTicketPage: new DataLoader<ContactTicketsKey, PageResult<TicketRecord>, string>(
      (keys) => loadTicketPages(em, keys),
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
  };
}
