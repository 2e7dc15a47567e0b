// The admin client's cache rules: pages and live events merge without duplicates.
import { describe, expect, it } from 'vitest';
import { appendEdge, mergeConnection } from '../../client/src/cache';

const edge = (id: string) => ({ cursor: `c${id}`, node: { __ref: `Ticket:${id}` } });
const page = (ids: string[], hasNextPage = false) => ({
  edges: ids.map(edge),
  pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: `c${ids[0]}`, endCursor: `c${ids.at(-1)}` },
  totalCount: 10,
});

describe('merging ticket pages', () => {
  it('appends the next page after the loaded ones', () => {
    const merged = mergeConnection(page(['1', '2'], true), page(['3', '4'], false), { after: 'c2' });
    expect(merged.edges.map((e) => e.cursor)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(merged.pageInfo).toMatchObject({ hasNextPage: false, endCursor: 'c4', startCursor: 'c1' });
  });

  it('never repeats a ticket that moved from one page to the next', () => {
    const merged = mergeConnection(page(['1', '2', '3'], true), page(['3', '4']), { after: 'c3' });
    expect(merged.edges.map((e) => e.cursor)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('prepends an earlier page loaded with before', () => {
    const merged = mergeConnection(page(['3', '4']), page(['1', '2']), { before: 'c3' });
    expect(merged.edges.map((e) => e.cursor)).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('replaces the list when the first page is read again (a refetch after a live event)', () => {
    const merged = mergeConnection(page(['1', '2', '3', '4']), page(['5', '1']), {});
    expect(merged.edges.map((e) => e.cursor)).toEqual(['c5', 'c1']);
  });
});

describe('adding a live message to a thread', () => {
  it('adds it once, however often it arrives', () => {
    const thread = page(['1', '2']);
    const once = appendEdge(thread, edge('3'), 'end');
    const twice = appendEdge(once, edge('3'), 'end');
    expect(twice.edges.map((e) => e.cursor)).toEqual(['c1', 'c2', 'c3']);
    expect(twice.totalCount).toBe(11);
  });
});
