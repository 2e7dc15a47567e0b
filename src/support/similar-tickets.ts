// Similar resolved tickets, found offline by the full-text index (src/db/full-text.ts): the words of this ticket's
// issue and the person's latest messages are looked up in other people's messages, and tickets are ranked by the
// summed relevance of their matching messages. No model and no external service: the index is the model.
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { isSqlite } from '../db/dialect.js';
import { badInput } from '../errors.js';
import { SenderType, TicketStatus } from './support.enums.js';
import type { TicketRecord } from './ticket.entity.js';

export const DEFAULT_SIMILAR = 3;
export const MAX_SIMILAR = 10;
/** How many of the person's newest messages join the issue in the query. */
const LATEST_MESSAGES = 3;
/** The most words one lookup asks for: enough to catch a rephrasing, few enough to keep it fast. */
const MAX_TERMS = 20;
/**
 * Shorter words are left out: they are mostly function words, and on SQLite's trigram index a three-letter word
 * matches inside many unrelated words ("fee" in "feedback"), which drowns the words that carry the question.
 */
const MIN_TERM_LENGTH = 4;
/** How many matching messages are scored before they are summed per ticket. */
const MAX_MATCHES = 500;

// Common English and Spanish words of four letters or more that say nothing about what a question is about.
const STOPWORDS = new Set(
  (
    'about above after again against also been before being below between both but can cannot could did does doing ' +
    'down during each every from further have having hello here hers herself himself into itself just more most ' +
    'myself only other ought ours ourselves over please same should some such than thank thanks that their theirs ' +
    'them themselves then there these they this those through under until very want were what when where which ' +
    'while whom whose will with would your yours yourself yourselves hasn hasnt haven havent didn didnt doesn ' +
    'doesnt isnt aren arent wasn wasnt weren werent wont cant couldn shouldn wouldn still already anyone someone ' +
    'como cuando donde porque para pero sobre este esta esto estos estas tengo tiene tienen hola gracias favor ' +
    'desde hasta entre también todavía quiero puedo usted ustedes nuestro nuestra mucho muchas muchos algo nada'
  ).split(' '),
);
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** The significant words of a text, lowercased and deduplicated, in the order they first appear; at most 20. */
export function significantTerms(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of text.replace(/\0/g, '').match(WORD) ?? []) {
      const lower = word.toLowerCase();
      if ([...lower].length < MIN_TERM_LENGTH || /^\p{N}+$/u.test(lower) || STOPWORDS.has(lower)) continue;
      terms.add(lower);
      if (terms.size === MAX_TERMS) return [...terms];
    }
  }
  return [...terms];
}

/** The ticket a lookup is for: its id and the issue its person described. */
export type Question = Pick<TicketRecord, 'id' | 'issueDescription'>;

export interface SimilarTicketRecord {
  ticket: TicketRecord;
  score: number;
  resolvingReplyId: number | null;
}

export function similarLimit(first: number | null | undefined): number {
  const limit = first ?? DEFAULT_SIMILAR;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SIMILAR)
    throw badInput(`first must be between 0 and ${MAX_SIMILAR}`);
  return limit;
}

/** What a lookup is made of, by ticket id: the issue and the person's newest messages (no notes, no agent or bot lines). */
async function questionTexts(em: EntityManager, tickets: readonly Question[]): Promise<Map<number, string[]>> {
  const texts = new Map(tickets.map((ticket) => [ticket.id, [ticket.issueDescription]]));
  const rows: { ticket_id: number | string; message: string }[] = await em.getConnection().execute(
    `select ticket_id, message from (
       select m.ticket_id, m.message, row_number() over (partition by m.ticket_id order by m.id desc) as position
         from support_messages m
        where m.ticket_id in (${tickets.map(() => '?').join(', ')}) and m.sender_type = ?
     ) latest
     where position <= ?
     order by ticket_id, position`,
    [...tickets.map((ticket) => ticket.id), SenderType.USER, LATEST_MESSAGES],
  );
  for (const row of rows) texts.get(Number(row.ticket_id))?.push(row.message);
  return texts;
}

const CANDIDATE = `m.sender_type = ? and m.ticket_id <> ? and t.status in (?, ?)`;

interface Lookup {
  ticketId: number;
  terms: string[];
}

/**
 * Message scores from the index (higher is closer) for several lookups in one statement: one part per lookup,
 * each with its own limit, joined by UNION ALL and tagged with the ticket it is for. Each word is bound as a
 * parameter: on SQLite it is also quoted as an FTS5 string, so no text can become FTS5 syntax (NEAR, *, column
 * filters); InnoDB's natural language mode has no operators, and the words hold only letters, marks, digits and
 * underscores.
 */
async function scoredMessages(
  em: EntityManager,
  lookups: readonly Lookup[],
): Promise<{ asker: number | string; ticket_id: number | string; score: number | string }[]> {
  const candidate = (ticketId: number) => [SenderType.USER, ticketId, TicketStatus.RESOLVED, TicketStatus.CLOSED];
  if (isSqlite(em)) {
    const part = `select * from (
      select ? as asker, m.ticket_id, -bm25(support_messages_fts) as score
        from support_messages_fts
        join support_messages m on m.id = support_messages_fts.rowid
        join support_tickets t on t.id = m.ticket_id
       where support_messages_fts match ? and ${CANDIDATE}
       order by bm25(support_messages_fts) limit ?)`;
    return em.getConnection().execute(
      lookups.map(() => part).join(' union all '),
      lookups.flatMap(({ ticketId, terms }) => [
        ticketId,
        terms.map((term) => `"${term.replace(/"/g, '""')}"`).join(' OR '),
        ...candidate(ticketId),
        MAX_MATCHES,
      ]),
    );
  }
  const part = `(select ? as asker, m.ticket_id, match(m.message) against (? in natural language mode) as score
       from support_messages m
       join support_tickets t on t.id = m.ticket_id
      where match(m.message) against (? in natural language mode) and ${CANDIDATE}
      order by score desc limit ?)`;
  return em.getConnection().execute(
    lookups.map(() => part).join(' union all '),
    lookups.flatMap(({ ticketId, terms }) => [
      ticketId,
      terms.join(' '),
      terms.join(' '),
      ...candidate(ticketId),
      MAX_MATCHES,
    ]),
  );
}

/** The newest agent reply to the person (no notes) sent before each ticket was resolved, by ticket id. */
async function resolvingReplies(em: EntityManager, ticketIds: number[]): Promise<Map<number, number>> {
  if (!ticketIds.length) return new Map();
  const rows: { ticket_id: number | string; reply_id: number | string }[] = await em.getConnection().execute(
    `select m.ticket_id, max(m.id) as reply_id
       from support_messages m
       join support_tickets t on t.id = m.ticket_id
      where m.ticket_id in (${ticketIds.map(() => '?').join(', ')}) and m.sender_type = ? and m.internal = 0
        and (t.resolved_at is null or m.created_at <= t.resolved_at)
      group by m.ticket_id`,
    [...ticketIds, SenderType.ADMIN],
  );
  return new Map(rows.map((row) => [Number(row.ticket_id), Number(row.reply_id)]));
}

/** One lookup: the ticket asked about and how many similar tickets to return. */
export interface SimilarKey {
  ticket: Question;
  limit: number;
}

/**
 * For each key, the resolved or closed tickets (never its own) whose people asked most nearly the same thing,
 * closest first, each with the agent reply that resolved it. A fixed number of statements for any number of keys
 * (a DataLoader batch: a page of tickets asking for their similar tickets costs what one ticket does).
 */
export async function findSimilarTickets(
  em: EntityManager,
  keys: readonly SimilarKey[],
  loadTickets: (ids: number[]) => Promise<(TicketRecord | null)[]>,
): Promise<SimilarTicketRecord[][]> {
  const asked = [...new Map(keys.filter((key) => key.limit > 0).map((key) => [key.ticket.id, key.ticket])).values()];
  if (!asked.length) return keys.map(() => []);
  const texts = await questionTexts(em, asked);
  const lookups = asked.flatMap((ticket) => {
    const terms = significantTerms(texts.get(ticket.id) ?? []);
    return terms.length ? [{ ticketId: ticket.id, terms }] : [];
  });
  const totals = new Map<number, Map<number, number>>();
  for (const row of lookups.length ? await scoredMessages(em, lookups) : []) {
    const asker = Number(row.asker);
    const id = Number(row.ticket_id);
    const sums = totals.get(asker) ?? new Map<number, number>();
    sums.set(id, (sums.get(id) ?? 0) + Number(row.score));
    totals.set(asker, sums);
  }
  const rankings = keys.map((key) =>
    [...(totals.get(key.ticket.id) ?? [])]
      .filter(([, score]) => score > 0)
      .sort(([idA, a], [idB, b]) => b - a || idB - idA)
      .slice(0, key.limit),
  );
  const ids = [...new Set(rankings.flatMap((ranked) => ranked.map(([id]) => id)))];
  const [tickets, replies] = await Promise.all([loadTickets(ids), resolvingReplies(em, ids)]);
  const byId = new Map(ids.map((id, index) => [id, tickets[index] ?? null]));
  return rankings.map((ranked) =>
    ranked.flatMap(([id, score]) => {
      const found = byId.get(id);
      return found ? [{ ticket: found, score, resolvingReplyId: replies.get(id) ?? null }] : [];
    }),
  );
}
