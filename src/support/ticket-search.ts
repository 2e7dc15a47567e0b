// A ticket list's search without a scan of every ticket. The newest tickets in the list's order are looked at
// first: a common word fills the page from them. Else the full-text indexes name the candidates (the ticket's own
// text, its messages, its labels), combined by UNION, never by an OR that only a scan can answer. Either way the
// LIKE of what a search matches decides, so the plan changes how fast, not what, a search finds.
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { isSqlite } from '../db/dialect.js';
import { innodbBooleanQuery, trigramPhrase } from '../db/full-text.js';
import { containsPattern, LIKE_ESCAPE, startsWithPattern } from '../db/like.js';
import { reversedPhoneNumber } from './ticket.entity.js';
import { phoneDigits } from './support.validation.js';

export interface SqlPart {
  sql: string;
  params: string[];
}

/**
 * How many of the newest tickets (in the list's order) a search looks at before it asks the indexes: a word on a
 * quarter of them fills a page of 50. Each costs its thread's LIKE checks (200 tickets: about 25 ms on MariaDB at
 * 1M tickets, 500: 58 ms); a word rarer than that is cheap to look up in the indexes.
 */
export const FIRST_LOOK = 200;
/**
 * A count of a search that filled its page in the first look stops here (the API says so: totalCountIsExact): a
 * common word matches most of a big desk, and counting them all would read every match.
 */
export const COUNT_CAP = 500;

const likeOn = (column: string) => `${column} like ? ${LIKE_ESCAPE}`;

/** The LIKEs on the ticket's own columns: the issue, the name, the number (also as the search's digits). */
function ownColumns(alias: string, search: string): SqlPart {
  const pattern = containsPattern(search);
  const sql = [likeOn(`${alias}.issue_description`), likeOn(`${alias}.sender_name`), likeOn(`${alias}.phone_number`)];
  const params = [pattern, pattern, pattern];
  const digits = phoneDigits(search);
  if (digits !== null && digits !== search) {
    sql.push(likeOn(`${alias}.phone_number`));
    params.push(containsPattern(digits));
  }
  return { sql: `(${sql.join(' or ')})`, params };
}

/**
 * Whether the ticket `alias` matches the search: its own columns, a message of its thread or one of its labels
 * contains it. Checked ticket by ticket (correlated), for the first look at the newest tickets.
 */
export function ticketMatches(alias: string, search: string): SqlPart {
  const own = ownColumns(alias, search);
  const pattern = containsPattern(search);
  return {
    // Scalar subqueries with a LIMIT, not EXISTS: MariaDB may turn an EXISTS into a semi-join that reads every
    // message once (1.6 s at 100k tickets) instead of the few threads this is asked about.
    sql: `(${own.sql}
      or (select 1 from support_messages sx where sx.ticket_id = ${alias}.id and ${likeOn('sx.message')} limit 1) is not null
      or (select 1 from support_ticket_labels tlx join labels lx on lx.id = tlx.label_id
           where tlx.ticket_id = ${alias}.id and ${likeOn('lx.name')} limit 1) is not null)`,
    params: [...own.params, pattern, pattern],
  };
}

/**
 * A select of the ids of the tickets matching the search, each part looked up in an index and decided by the
 * LIKE; null when an index cannot serve the text (shorter than three characters, only stopwords on MariaDB), and
 * only a scan can answer. A number is looked up by its start and by its end (phone_number_reversed), the ways a
 * number is typed: digits inside it ("7712" in 94771234567) are not found, nor, on MariaDB, text inside a word.
 */
export function indexedMatches(em: EntityManager, search: string): SqlPart | null {
  const sqlite = isSqlite(em);
  const own = ownColumns('tc', search);
  const pattern = containsPattern(search);
  let text: SqlPart;
  let thread: SqlPart;
  if (sqlite) {
    const phrase = trigramPhrase(search);
    if (phrase === null) return null;
    text = {
      sql: `select tc.id from support_tickets_fts tf join support_tickets tc on tc.id = tf.rowid
             where support_tickets_fts match ? and ${own.sql}`,
      params: [phrase, ...own.params],
    };
    thread = {
      sql: `select sm.ticket_id as id from support_messages_fts mf join support_messages sm on sm.id = mf.rowid
             where support_messages_fts match ? and ${likeOn('sm.message')}`,
      params: [phrase, pattern],
    };
  } else {
    const query = innodbBooleanQuery(search);
    if (query === null) return null;
    text = {
      sql: `select tc.id from support_tickets tc
             where match(tc.issue_description, tc.sender_name) against (? in boolean mode) and ${own.sql}`,
      params: [query, ...own.params],
    };
    thread = {
      sql: `select sm.ticket_id as id from support_messages sm
             where match(sm.message) against (? in boolean mode) and ${likeOn('sm.message')}`,
      params: [query, pattern],
    };
  }
  const number = phoneDigits(search) ?? search;
  const numbers = [
    { column: 'tc.phone_number', start: number },
    { column: 'tc.phone_number_reversed', start: reversedPhoneNumber(number) },
  ].map(({ column, start }) => {
    const range = startsWith(sqlite, column, start);
    return {
      sql: `select tc.id from support_tickets tc where ${range.sql} and ${own.sql}`,
      params: [...range.params, ...own.params],
    };
  });
  const labels = {
    sql: `select tls.ticket_id as id from support_ticket_labels tls join labels ls on ls.id = tls.label_id
           where ${likeOn('ls.name')}`,
    params: [pattern],
  };
  return union([text, ...numbers, thread, labels]);
}

/**
 * The column starts with the text, as its index can answer: SQLite's LIKE ignores case, which a binary index
 * cannot serve, so a range there (a number has no case; the LIKE still decides).
 */
function startsWith(sqlite: boolean, column: string, text: string): SqlPart {
  if (sqlite) return { sql: `${column} >= ? and ${column} < ?`, params: [text, `${text}\u{10FFFF}`] };
  return { sql: likeOn(column), params: [startsWithPattern(text)] };
}

const union = (parts: SqlPart[]): SqlPart => ({
  sql: parts.map((part) => part.sql).join(' union '),
  params: parts.flatMap((part) => part.params),
});
