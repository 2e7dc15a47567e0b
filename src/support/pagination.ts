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

export function encodeCursor(parts: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts)) return parts;
  } catch {
    // fall through to the error below
  }
  throw badInput('The cursor is not one this API gave out');
}

/** Cursors of lists ordered by id alone (a thread, a contact's tickets): the id, opaque to clients. */
export const encodeIdCursor = (id: number) => encodeCursor([id]);

export function decodeIdCursor(cursor: string): number {
  const [id] = decodeCursor(cursor);
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw badInput('The cursor is not one this API gave out');
  return id;
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
