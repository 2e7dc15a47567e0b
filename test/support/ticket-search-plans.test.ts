// A search answers the same tickets whichever way it is looked up: a word on most of the newest tickets fills the
// page from them (the first look), a rarer one through the indexes, a short one by a scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

interface Found {
  tickets: {
    totalCount: number;
    totalCountIsExact: boolean;
    edges: { node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe.each(databases)('ticket search plans on %s', (kind) => {
  let server: TestServer;
  const common: string[] = [];
  const rare: string[] = [];

  beforeAll(async () => {
    server = await startServer(kind, { RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    for (let i = 0; i < 80; i += 1) {
      const word = i % 8 === 0 ? 'a quokka appeared' : 'my voucher failed';
      const ticket = await createTicket(server, { issueDescription: `Ticket ${i}: ${word}` });
      (i % 8 === 0 ? rare : common).push(ticket.id);
    }
  }, 120_000);
  afterAll(() => server?.close());

  /** Every page of the search, newest activity first, `size` at a time. */
  const allPages = async (search: string, size: number) => {
    const ids: string[] = [];
    let after: string | null = null;
    let first: Found['tickets'] | undefined;
    for (;;) {
      const data: Found = await server.ok<Found>(
        `query($s: String, $n: Int, $a: String) { tickets(filter: { search: $s }, first: $n, after: $a) {
           totalCount totalCountIsExact edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { s: search, n: size, a: after },
      );
      first ??= data.tickets;
      ids.push(...data.tickets.edges.map((edge) => edge.node.id));
      if (!data.tickets.pageInfo.hasNextPage) break;
      after = data.tickets.pageInfo.endCursor;
    }
    return { ids, count: first!.totalCount, exact: first!.totalCountIsExact };
  };

  it('a word on most tickets pages through every match once, newest first, counted exactly below the cap', async () => {
    const { ids, count, exact } = await allPages('voucher', 20);
    expect(ids).toEqual([...common].reverse());
    expect(count).toBe(common.length);
    expect(exact).toBe(true);
  });

  it('a word on few tickets is found through the indexes, as many as there are', async () => {
    const { ids, count, exact } = await allPages('quokka', 5);
    expect(ids).toEqual([...rare].reverse());
    expect(count).toBe(rare.length);
    expect(exact).toBe(true);
  });

  it('a search of two letters scans and finds the same', async () => {
    const { ids } = await allPages('qu', 50);
    expect(ids).toEqual([...rare].reverse());
  });
});
