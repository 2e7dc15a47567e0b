// Where a ticket matched a search, as a short excerpt cut into plain and matching segments: the ticket list shows
// it with the match highlighted, and a client renders segments as text, so nothing in a message becomes markup.
import type { SqlEntityManager as EntityManager } from '@mikro-orm/sql';
import { likeContains } from '../db/like.js';
import { badInput } from '../errors.js';
import { Message } from './message.entity.js';

export const MAX_SNIPPET_SEARCH_LENGTH = 200;
/** Characters of context kept before the first match and after it. */
const BEFORE = 30;
const AFTER = 100;

export interface SnippetSegmentRecord {
  text: string;
  match: boolean;
}

export interface SnippetKey {
  ticketId: number;
  search: string;
}

/** The search as the ticket list applies it (trimmed, at most 200 characters); null when empty. */
export function snippetSearch(raw: string): string | null {
  const search = raw.trim();
  if (search === '') return null;
  if (search.length > MAX_SNIPPET_SEARCH_LENGTH)
    throw badInput(`search is at most ${MAX_SNIPPET_SEARCH_LENGTH} characters`);
  return search;
}

/**
 * For each key, the newest message of the ticket that contains the search as the ticket list's search decides
 * (the same LIKE); null where none does. One query per distinct search, reading only those tickets' messages
 * (their ticket_id index): asking the full-text index too would read every message holding a common word (4 s
 * for "payment" over 10M messages on SQLite, 10 s on MariaDB) to keep the few of these tickets.
 */
export async function loadMatchingMessages(em: EntityManager, keys: readonly SnippetKey[]): Promise<(string | null)[]> {
  const found = new Map<string, string>();
  const searches = new Map<string, number[]>();
  for (const key of keys) searches.set(key.search, [...(searches.get(key.search) ?? []), key.ticketId]);
  for (const [search, ticketIds] of searches) {
    const query = em
      .createQueryBuilder(Message, 'sm')
      .select(['sm.ticket', 'sm.body'])
      .where({ ticket: { $in: ticketIds } })
      .andWhere(likeContains<Message>('body', search))
      .orderBy([{ createdAt: 'desc' }, { id: 'desc' }]);
    const rows = (await query.execute('all', false)) as unknown as { ticket_id: number | string; message: string }[];
    for (const row of rows) {
      const key = `${row.ticket_id}\u0000${search}`;
      if (!found.has(key)) found.set(key, row.message);
    }
  }
  return keys.map((key) => found.get(`${key.ticketId}\u0000${key.search}`) ?? null);
}

const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
const isLowSurrogate = (text: string, index: number) => /[\uDC00-\uDFFF]/.test(text.charAt(index));

/** Whether the text holds the search, ignoring case (see snippetSegments). */
export const containsSearch = (text: string, search: string): boolean =>
  new RegExp(escapeRegExp(search.replace(/\s+/g, ' ')), 'iu').test(text.replace(/\s+/g, ' '));

/**
 * The text around the search's first occurrence, whitespace collapsed, cut into segments; every occurrence inside
 * is a `match` segment. Case is ignored as the database's LIKE ignores it (or more, never less); a text where no
 * occurrence is found this way (a MariaDB collation that also ignores accents) gives its start, with no match.
 */
export function snippetSegments(raw: string, search: string): SnippetSegmentRecord[] {
  const text = raw.replace(/\s+/g, ' ').trim();
  const pattern = new RegExp(escapeRegExp(search.replace(/\s+/g, ' ')), 'giu');
  const first = pattern.exec(text);
  const anchor = first?.index ?? 0;
  let start = Math.max(0, anchor - BEFORE);
  let end = Math.min(text.length, anchor + (first?.[0].length ?? 0) + AFTER);
  // The excerpt starts at a word where one starts shortly after the cut.
  const space = text.indexOf(' ', start);
  if (start > 0 && space !== -1 && space < anchor) start = space + 1;
  // A cut between the halves of a surrogate pair (an emoji) moves out of it.
  if (isLowSurrogate(text, start)) start -= 1;
  if (isLowSurrogate(text, end)) end += 1;
  const window = text.slice(start, end);
  const segments: SnippetSegmentRecord[] = [];
  const plain = (part: string) => {
    if (part) segments.push({ text: part, match: false });
  };
  let at = 0;
  if (first) {
    pattern.lastIndex = 0;
    for (const hit of window.matchAll(pattern)) {
      plain(window.slice(at, hit.index));
      segments.push({ text: hit[0], match: true });
      at = hit.index + hit[0].length;
    }
  }
  plain(window.slice(at));
  if (start > 0) segments.unshift({ text: '…', match: false });
  if (end < text.length) segments.push({ text: '…', match: false });
  return segments;
}
