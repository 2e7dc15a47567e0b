// Relay cursor pagination arguments: validated once, then read as a direction and a size.
import { badInput } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Page {
  /** forward: the first `size` items after `cursor`; backward: the last `size` items before it. */
  direction: 'forward' | 'backward';
  size: number;
  cursor: string | null;
}

function checkSize(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw badInput(`${name} must be zero or more`);
  if (value > MAX_PAGE_SIZE) throw badInput(`${name} is at most ${MAX_PAGE_SIZE}, got ${value}`);
  return value;
}

export function readPage(args: PageArgs, defaultDirection: Page['direction'] = 'forward'): Page {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw badInput('Pass first or last, not both');
  if (after != null && before != null) throw badInput('Pass after or before, not both');
  if (first != null || (after != null && last == null)) {
    if (before != null) throw badInput('before goes with last, not first');
    return { direction: 'forward', size: checkSize('first', first ?? DEFAULT_PAGE_SIZE), cursor: after ?? null };
  }
  if (last != null || before != null) {
    if (after != null) throw badInput('after goes with first, not last');
    return { direction: 'backward', size: checkSize('last', last ?? DEFAULT_PAGE_SIZE), cursor: before ?? null };
  }
  return { direction: defaultDirection, size: DEFAULT_PAGE_SIZE, cursor: null };
}

/** What one part of a cursor holds: a row id, an instant (an ISO date string) or a whole number. */
export type CursorPart = 'id' | 'instant' | 'integer';

/** Longer than any cursor this API makes; a longer argument is refused before it is decoded. */
const MAX_CURSOR_LENGTH = 200;

const notOurs = () => badInput('The cursor is not one this API gave out');

/**
 * A cursor is base64url of `[kind, ...parts]`, where the kind names the list (and its order) it belongs to,
 * so that a cursor of one list is refused by another.
 */
export function encodeCursor(kind: string, parts: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify([kind, ...parts])).toString('base64url');
}

function isPart(value: unknown, part: CursorPart): boolean {
  if (part === 'id') return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
  if (part === 'integer') return typeof value === 'number' && Number.isSafeInteger(value);
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(value)) return false;
  const instant = new Date(value);
  return !Number.isNaN(instant.getTime()) && instant.toISOString() === value;
}

/**
 * The parts of a cursor of this kind, each of the type `shape` names; anything else (another list's cursor,
 * another encoding of the same JSON, a part of the wrong type) is BAD_USER_INPUT. Only a cursor this server
 * could have made gets through, so what reaches a query is always a value of the column's type.
 */
export function decodeCursor(cursor: string, kind: string, shape: readonly CursorPart[]): (string | number)[] {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw notOurs();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw notOurs();
  }
  if (!Array.isArray(decoded) || decoded.length !== shape.length + 1 || decoded[0] !== kind) throw notOurs();
  const parts = decoded.slice(1) as (string | number)[];
  if (!shape.every((part, index) => isPart(parts[index], part))) throw notOurs();
  // Node's base64url decoder skips characters it does not know: only the one spelling we make is ours.
  if (encodeCursor(kind, parts) !== cursor) throw notOurs();
  return parts;
}

/** Cursors of lists ordered by id alone (a thread, a contact's tickets): the id, opaque to clients. */
export const encodeIdCursor = (kind: string, id: number) => encodeCursor(kind, [id]);

export function decodeIdCursor(kind: string, cursor: string): number {
  return decodeCursor(cursor, kind, ['id'])[0] as number;
}

export interface PageResult<T> {
  nodes: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Turns rows fetched with size + 1 in the page's own direction into the page, in reading order. */
export function shapePage<T>(rows: T[], page: Page): PageResult<T> {
  const hasMore = rows.length > page.size;
  const nodes = hasMore ? rows.slice(0, page.size) : rows;
  if (page.direction === 'backward') nodes.reverse();
  return {
    nodes,
    hasNextPage: page.direction === 'forward' ? hasMore : page.cursor !== null,
    hasPreviousPage: page.direction === 'backward' ? hasMore : page.cursor !== null,
  };
}
