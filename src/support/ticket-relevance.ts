// The ticket list ordered by how well each ticket matches its search (RELEVANCE): the same tickets as any other
// order of the same filter (the LIKE of ticketWhere decides who is in), ranked by the full-text index's scores.
import type { FilterQuery } from '@mikro-orm/core';
import type { QBFilterQuery, SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { dialectFor } from '../db/dialect.js';
import { messageMatchScores } from '../db/full-text.js';
import { containsPattern, LIKE_ESCAPE } from '../db/like.js';
import { readPlain } from '../db/plain-read.js';
import { badInput } from '../errors.js';
import { decodeCursor, encodeCursor, shapePage, type Page, type PageResult } from './pagination.js';
import { Ticket, type TicketRecord } from './ticket.entity.js';

const CURSOR_KIND = 'tickets-by-RELEVANCE';
/**
 * Relevance is kept as a whole number of billionths: pages continue from a cursor by comparing it, and a sum of
 * floating-point scores compared for equality could differ in its last bits between two statements.
 */
const SCALE = 1_000_000_000;
/** What the search found in the ticket's own columns adds, in units of the result's best single message score. */
const ISSUE_WEIGHT = 2;
const NAME_WEIGHT = 1;

interface RankedRow {
  id: number | string;
  relevance: number | string;
  activity: number | string;
}

/**
 * One page of the tickets `where` keeps, best match first (DESC) or last (ASC). A ticket's relevance is the sum
 * of its matching messages' scores (see messageMatchScores), plus, when its issue or the person's name contains
 * the search, 2 or 1 times the best single message score among the results; ties go to the latest activity (the
 * newest message, else the opening), then the higher id. Tickets found only by number or label score 0.
 */
export async function listTicketsByRelevance(
  em: EntityManager,
  where: FilterQuery<Ticket>,
  search: string | undefined,
  direction: 'ASC' | 'DESC',
  page: Page,
): Promise<PageResult<TicketRecord> & { cursorOf(ticket: TicketRecord): string }> {
  if (!search) throw badInput('orderBy RELEVANCE needs a search (filter.search)');
  const dialect = dialectFor(em);
  const ascending = (direction === 'ASC') === (page.direction === 'forward');
  const scores = messageMatchScores(em, search);
  const members = em
    .createQueryBuilder(Ticket)
    .select('id')
    .where(where as QBFilterQuery<Ticket>)
    .toQuery();
  const pattern = containsPattern(search);
  const relevance = `coalesce(s.total, 0)
      + (case when t.issue_description like ? ${LIKE_ESCAPE} then ${ISSUE_WEIGHT} else 0 end
         + case when t.sender_name like ? ${LIKE_ESCAPE} then ${NAME_WEIGHT} else 0 end)
        * coalesce(max(s.best) over (), 1)`;
  let keyset = '';
  let keysetParams: (number | string)[] = [];
  if (page.cursor !== null) {
    const [score, at, id] = decodeCursor(page.cursor, CURSOR_KIND, ['integer', 'instant', 'id']);
    keyset = `where (r.relevance, r.activity, r.id) ${ascending ? '>' : '<'} (?, ?, ?)`;
    keysetParams = [score!, new Date(at!).getTime(), id!];
  }
  const way = ascending ? 'asc' : 'desc';
  const rows: RankedRow[] = await em.getConnection().execute(
    `select r.id, r.relevance, r.activity from (
       select t.id,
              ${dialect.roundToInteger(`(${relevance}) * ${SCALE}`)} as relevance,
              ${dialect.epochMillis('coalesce(t.last_message_at, t.created_at)')} as activity
         from support_tickets t
         left join (
           select h.ticket_id, sum(h.score) as total, max(h.score) as best from (${scores.sql}) h group by h.ticket_id
         ) s on s.ticket_id = t.id
        where t.id in (${members.sql})
     ) r ${keyset}
     order by r.relevance ${way}, r.activity ${way}, r.id ${way}
     limit ?`,
    // In the order of their places in the text: the select list's two LIKEs come before the joined scores.
    [pattern, pattern, ...scores.params, ...members.params, ...keysetParams, page.size + 1],
  );
  const positions = new Map(rows.map((row) => [Number(row.id), row]));
  const tickets = rows.length
    ? await readPlain<TicketRecord>(
        em,
        Ticket,
        em
          .createQueryBuilder(Ticket)
          .select('*')
          .where({ id: { $in: [...positions.keys()] } }),
      )
    : [];
  const byId = new Map(tickets.map((ticket) => [ticket.id, ticket]));
  const ordered = rows.flatMap((row) => byId.get(Number(row.id)) ?? []);
  return {
    ...shapePage(ordered, page),
    cursorOf: (ticket) => {
      const row = positions.get(ticket.id)!;
      return encodeCursor(CURSOR_KIND, [
        Number(row.relevance),
        new Date(Number(row.activity)).toISOString(),
        ticket.id,
      ]);
    },
  };
}
