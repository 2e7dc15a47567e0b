// Reading contacts: the list of everyone the desk has talked to, most recently in contact first, searchable by
// name, number or WhatsApp username, cursor-paginated.
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { dialectFor } from '../db/dialect.js';
import { containsPattern, LIKE_ESCAPE } from '../db/like.js';
import { readPlain } from '../db/plain-read.js';
import { badInput } from '../errors.js';
import { Contact, type ContactRecord } from './contact.entity.js';
import { phoneDigits } from './support.validation.js';
import { decodeCursor, encodeCursor, readPage, shapePage, type PageArgs, type PageResult } from './pagination.js';

export const MAX_CONTACT_SEARCH_LENGTH = 200;

const marks = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Each contact's last contact, as epoch milliseconds by phone number: the newest message exchanged on any of
 * their tickets (internal notes do not count), a ticket's opening when it has none, the last time they wrote on
 * WhatsApp (also to the bot, before any ticket), and when the desk first heard of them: whichever is latest.
 * Restricted to some numbers when `phoneNumbers` is given.
 */
export function lastContactSql(em: EntityManager, phoneNumbers?: readonly string[]): { sql: string; params: string[] } {
  const only = phoneNumbers ? `where phone_number in (${marks(phoneNumbers)})` : '';
  return {
    sql: `select phone_number, ${dialectFor(em).epochMillis('max(at)')} as last_ms from (
        select phone_number, coalesce(last_message_at, created_at) as at from support_tickets ${only}
        union all
        select phone_number, last_inbound_at as at from contacts ${only}
        union all
        select phone_number, created_at as at from contacts ${only}
      ) moments group by phone_number`,
    params: phoneNumbers ? [...phoneNumbers, ...phoneNumbers, ...phoneNumbers] : [],
  };
}

/** What a search matches: the name, the WhatsApp username (with or without its @), the number's digits. */
function searchClause(raw: string | null | undefined): { sql: string; params: string[] } | null {
  const search = raw?.trim() ?? '';
  if (search === '') return null;
  if (search.length > MAX_CONTACT_SEARCH_LENGTH)
    throw badInput(`search is at most ${MAX_CONTACT_SEARCH_LENGTH} characters, got ${search.length}`);
  const text = containsPattern(search);
  const or = [
    `c.name like ? ${LIKE_ESCAPE}`,
    `c.username like ? ${LIKE_ESCAPE}`,
    `c.whatsapp_user_id like ? ${LIKE_ESCAPE}`,
  ];
  const params = [text, containsPattern(search.replace(/^@/, '')), text];
  // "+44 7700 900123", "7700-900123" and "447700900123" find the same number, kept as digits only.
  const digits = phoneDigits(search);
  if (digits !== null) {
    or.push(`c.phone_number like ? ${LIKE_ESCAPE}`);
    params.push(containsPattern(digits));
  }
  return { sql: `(${or.join(' or ')})`, params };
}

const CONTACTS = 'contacts-by-last-contact';

export interface ContactPage extends PageResult<ContactRecord> {
  cursorOf(contact: ContactRecord): string;
  /** Each listed contact's last contact, as the list ordered them (see lastContactSql). */
  lastContactAt: Map<string, Date>;
  countTotal(): Promise<number>;
}

/** A page of contacts, most recently in contact first (then the newest contact first); user text only as parameters. */
export async function listContacts(
  em: EntityManager,
  search: string | null | undefined,
  args: Pick<PageArgs, 'first' | 'after'>,
): Promise<ContactPage> {
  const page = readPage(args);
  const matching = searchClause(search);
  const conditions = matching ? [matching.sql] : [];
  const params: (string | number)[] = [];
  if (page.cursor !== null) {
    const [at, id] = decodeCursor(page.cursor, CONTACTS, ['instant', 'id']);
    const ms = new Date(at as string).getTime();
    conditions.push('(k.last_ms < ? or (k.last_ms = ? and c.id < ?))');
    params.push(ms, ms, id as number);
  }
  const lastContact = lastContactSql(em);
  const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
  const rows: { id: number | string; last_ms: number | string }[] = await em.getConnection().execute(
    `select c.id, k.last_ms from contacts c
       join (${lastContact.sql}) k on k.phone_number = c.phone_number
       ${where}
      order by k.last_ms desc, c.id desc
      limit ?`,
    [...lastContact.params, ...(matching?.params ?? []), ...params, page.size + 1],
  );
  const ids = rows.map((row) => Number(row.id));
  const found = ids.length
    ? await readPlain<ContactRecord>(
        em,
        Contact,
        em
          .createQueryBuilder(Contact)
          .select('*')
          .where({ id: { $in: ids } }),
      )
    : [];
  const byId = new Map(found.map((contact) => [contact.id, contact]));
  const contacts = ids.map((id) => byId.get(id)).filter((contact): contact is ContactRecord => contact !== undefined);
  const lastMsById = new Map(rows.map((row) => [Number(row.id), Number(row.last_ms)]));
  const lastContactAt = new Map(
    contacts.map((contact) => [contact.phoneNumber, new Date(lastMsById.get(contact.id)!)]),
  );
  return {
    ...shapePage(contacts, page),
    lastContactAt,
    cursorOf: (contact) => encodeCursor(CONTACTS, [lastContactAt.get(contact.phoneNumber)!.toISOString(), contact.id]),
    countTotal: async () => {
      const [row]: { total: number | string }[] = await em
        .getConnection()
        .execute(
          `select count(*) as total from contacts c ${matching ? `where ${matching.sql}` : ''}`,
          matching?.params ?? [],
        );
      return Number(row?.total ?? 0);
    },
  };
}
