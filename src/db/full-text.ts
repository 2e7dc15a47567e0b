// Thread search through the database's full-text index: SQLite's FTS5 table (trigram tokenizer) kept in step by
// triggers, MariaDB/MySQL's InnoDB FULLTEXT index. The index only narrows the messages to look at; the caller's
// LIKE still decides, so a search finds what a scan would have found wherever the index can serve it.
import type { EntityManager } from '@mikro-orm/core';
import { isSqlite } from './dialect.js';
import { containsPattern, LIKE_ESCAPE } from './like.js';

/** The FTS5 tables (messages' text; tickets' issue, name and number) and their shadow tables: the diff leaves them alone. */
export const FULL_TEXT_TABLES = /^support_(messages|tickets)_fts/;

export interface IndexCondition {
  sql: string;
  params: string[];
}

// The trigram tokenizer indexes every run of three characters: a shorter text cannot be looked up.
const TRIGRAM = 3;

// InnoDB's defaults (innodb_ft_min_token_size, innodb_ft_max_token_size, INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD).
const INNODB_MIN_TOKEN = 3;
const INNODB_MAX_TOKEN = 84;
const INNODB_STOPWORDS = [
  'a',
  'about',
  'an',
  'are',
  'as',
  'at',
  'be',
  'by',
  'com',
  'de',
  'en',
  'for',
  'from',
  'how',
  'i',
  'in',
  'is',
  'it',
  'la',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'was',
  'what',
  'when',
  'where',
  'who',
  'will',
  'with',
  'und',
  'www',
];
// InnoDB's parser splits on what is not a letter, mark, digit or underscore, and does not segment scripts written
// without spaces: "我的订单" is one token, so "订单" inside it cannot be looked up.
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const UNSEGMENTED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

const clean = (text: string) => text.replace(/\0/g, '');

/** An FTS5 query for the text as one phrase: with the trigram tokenizer, rows containing it (any case). */
export function trigramPhrase(text: string): string | null {
  const phrase = clean(text);
  if ([...phrase].length < TRIGRAM) return null;
  return `"${phrase.replace(/"/g, '""')}"`;
}

/**
 * A boolean-mode query requiring each word InnoDB indexes as the start of a word (`+word*`). Words it cannot look
 * up are left out: shorter than its minimum, longer than its maximum, a stopword or the start of one (a stopword is
 * never indexed, so `+abo*` would miss "about"), or in a script without spaces. Null when no word is left.
 */
export function innodbBooleanQuery(text: string): string | null {
  const terms: string[] = [];
  for (const word of clean(text).match(WORD) ?? []) {
    const length = [...word].length;
    if (length < INNODB_MIN_TOKEN || length > INNODB_MAX_TOKEN) continue;
    if (UNSEGMENTED.test(word)) continue;
    const lower = word.toLowerCase();
    if (INNODB_STOPWORDS.some((stopword) => stopword.startsWith(lower))) continue;
    terms.push(`+${word}*`);
  }
  return terms.length ? [...new Set(terms)].join(' ') : null;
}

/**
 * A condition on support_messages (as `alias`) keeping the messages the index says may contain the text, to be
 * AND-ed with the LIKE that decides; null when the index cannot serve this text and the LIKE alone must (a scan).
 */
export function messageIndexCondition(em: EntityManager, alias: string, text: string): IndexCondition | null {
  if (isSqlite(em)) {
    const phrase = trigramPhrase(text);
    if (!phrase) return null;
    return {
      sql: `${alias}.id in (select rowid from support_messages_fts where support_messages_fts match ?)`,
      params: [phrase],
    };
  }
  const query = innodbBooleanQuery(text);
  if (!query) return null;
  return { sql: `match(${alias}.message) against (? in boolean mode)`, params: [query] };
}

/**
 * A select of `(ticket_id, score)`, one row per message containing the text (the same LIKE as the search decides,
 * narrowed by the same index): the index's relevance where it can serve the text (FTS5's bm25, negated so that
 * higher is closer; InnoDB's boolean-mode relevance), else 1 per message, found by the scan. Higher is closer.
 * On SQLite, `limit -1` (no limit) keeps the select from being merged into a caller's aggregate, where FTS5 refuses
 * bm25 ("unable to use function bm25 in the requested context").
 */
export function messageMatchScores(em: EntityManager, text: string): IndexCondition {
  const like = `m.message like ? ${LIKE_ESCAPE}`;
  const pattern = containsPattern(text);
  if (isSqlite(em)) {
    const phrase = trigramPhrase(text);
    if (phrase)
      return {
        sql: `select m.ticket_id, -bm25(support_messages_fts) as score
                from support_messages_fts join support_messages m on m.id = support_messages_fts.rowid
               where support_messages_fts match ? and ${like}
               limit -1`,
        params: [phrase, pattern],
      };
  } else {
    const query = innodbBooleanQuery(text);
    if (query)
      return {
        sql: `select m.ticket_id, match(m.message) against (? in boolean mode) as score
                from support_messages m
               where match(m.message) against (? in boolean mode) and ${like}`,
        params: [query, query, pattern],
      };
  }
  return { sql: `select m.ticket_id, 1 as score from support_messages m where ${like}`, params: [pattern] };
}
