// Ordering a search by RELEVANCE ranks the same tickets the search finds in any other order: a ticket that says the
// words often, and in its issue, comes before one that says them once; pages walk every match exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

const LIST = `query($s: String, $order: TicketOrder, $first: Int, $after: String, $last: Int, $before: String) {
  tickets(filter: { search: $s }, orderBy: $order, first: $first, after: $after, last: $last, before: $before) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
  }
}`;
const BEST = { field: 'RELEVANCE', direction: 'DESC' };
const PHRASE = 'zanzibar voucher';

interface List {
  tickets: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
  };
}

describe.each(databases)('tickets ordered by relevance on %s', (kind) => {
  let server: TestServer;
  let strong: string;
  let weak: string;

  const note = (ticketId: string, body: string) =>
    server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', { t: ticketId, b: body });
  const list = (variables: Record<string, unknown>) => server.ok<List>(LIST, variables);
  const ids = (data: List) => data.tickets.edges.map((edge) => edge.node.id);

  /** Every page of a search in the given order, following endCursor. */
  async function walk(search: string, order: unknown, first: number): Promise<{ ids: string[]; total: number }> {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let pages = 0; pages < 100; pages += 1) {
      const data: List = await list({ s: search, order, first, after });
      total = data.tickets.totalCount;
      seen.push(...ids(data));
      if (!data.tickets.pageInfo.hasNextPage) break;
      after = data.tickets.pageInfo.endCursor;
    }
    return { ids: seen, total };
  }

  beforeAll(async () => {
    server = await startServer(kind, { RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    // Words everywhere else, so that the searched ones are rare (InnoDB gives a word in every row no weight).
    for (let i = 0; i < 20; i += 1) {
      const ticket = await createTicket(server, { issueDescription: `Question ${i} about the hostel fees` });
      await note(ticket.id, `Answered the hostel question number ${i}`);
    }
    strong = (await createTicket(server, { issueDescription: `My ${PHRASE} was refused at the desk` })).id;
    await note(strong, `Checked the ${PHRASE} in the register`);
    await note(strong, `The ${PHRASE} expired last week`);
    for (let i = 0; i < 9; i += 1) {
      const ticket = await createTicket(server, { issueDescription: `Another question ${i}` });
      await note(ticket.id, i % 3 === 0 ? `A ${PHRASE} twice: ${PHRASE}` : `Asked about a ${PHRASE} too`);
    }
    await createTicket(server, { issueDescription: 'Nothing to see', senderName: `Zanzibar Voucher Office` });
    // The newest activity of all: first by LAST_MESSAGE_AT, and it says the phrase once.
    weak = (await createTicket(server, { issueDescription: 'A late question' })).id;
    await note(weak, `Is a ${PHRASE} still valid?`);
  }, 120_000);
  afterAll(() => server?.close());

  it('a ticket saying the phrase in its issue and thread ranks above one saying it once', async () => {
    const byActivity = await list({ s: PHRASE, order: { field: 'LAST_MESSAGE_AT', direction: 'DESC' }, first: 100 });
    expect(ids(byActivity)[0]).toBe(weak);
    const best = ids(await list({ s: PHRASE, order: BEST, first: 100 }));
    expect(best[0]).toBe(strong);
    expect(best.indexOf(strong)).toBeLessThan(best.indexOf(weak));
    const worst = ids(await list({ s: PHRASE, order: { field: 'RELEVANCE', direction: 'ASC' }, first: 100 }));
    expect(worst).toEqual([...best].reverse());
  });

  it.each([
    [PHRASE, 2],
    [PHRASE, 5],
    ['zanzibar', 3],
    ['vo', 4], // too short for the index: scanned, each matching message counting 1
    [`${PHRASE}' OR 1=1 --`, 2],
  ])('pages of %j by relevance (%i a page) hold every match exactly once', async (search, size) => {
    const all = await list({ s: search, order: { field: 'CREATED_AT', direction: 'ASC' }, first: 100 });
    const walked = await walk(search, BEST, size);
    expect(walked.total).toBe(all.tickets.totalCount);
    expect(walked.ids).toHaveLength(all.tickets.totalCount);
    expect(new Set(walked.ids).size).toBe(walked.ids.length);
    expect([...walked.ids].sort()).toEqual([...ids(all)].sort());
    expect(walked.ids).toEqual(ids(await list({ s: search, order: BEST, first: 100 })));
  });

  it('with the other filters too (dates, statuses), the members are those of any other order', async () => {
    const query = `query($f: TicketFilter, $order: TicketOrder) {
      tickets(filter: $f, orderBy: $order, first: 100) { totalCount edges { node { id } } } }`;
    const filter = { search: PHRASE, status: ['OPEN'], createdAfter: new Date(Date.now() - 3_600_000).toISOString() };
    const members = async (order: unknown) => {
      const data = await server.ok<List>(query, { f: filter, order });
      expect(data.tickets.totalCount).toBe(data.tickets.edges.length);
      return ids(data);
    };
    const best = await members(BEST);
    expect(best.length).toBeGreaterThan(5);
    expect([...best].sort()).toEqual((await members({ field: 'UPDATED_AT', direction: 'DESC' })).sort());
    const future = { ...filter, createdAfter: new Date(Date.now() + 3_600_000).toISOString() };
    expect((await server.ok<List>(query, { f: future, order: BEST })).tickets.totalCount).toBe(0);
  });

  it('paging backwards from the end gives the same order', async () => {
    const forward = ids(await list({ s: PHRASE, order: BEST, first: 100 }));
    const seen: string[] = [];
    let before: string | null = null;
    for (let pages = 0; pages < 50; pages += 1) {
      const data: List = await list({ s: PHRASE, order: BEST, last: 3, before });
      seen.unshift(...ids(data));
      if (!data.tickets.pageInfo.hasPreviousPage) break;
      before = data.tickets.pageInfo.startCursor;
    }
    expect(seen).toEqual(forward);
  });

  it('a cursor of another order, or a forged one, is refused with BAD_USER_INPUT', async () => {
    const other = await list({ s: PHRASE, order: { field: 'CREATED_AT', direction: 'DESC' }, first: 1 });
    const ranked = await list({ s: PHRASE, order: BEST, first: 1 });
    const [, score, at, id] = JSON.parse(Buffer.from(ranked.tickets.edges[0]!.cursor, 'base64url').toString());
    const forge = (parts: unknown[]) =>
      Buffer.from(JSON.stringify(['tickets-by-RELEVANCE', ...parts])).toString('base64url');
    const refused = [
      other.tickets.edges[0]!.cursor,
      forge([score + 0.5, at, id]),
      forge([String(score), at, id]),
      forge([score, 'yesterday', id]),
      forge([score, at, `${id} or 1=1`]),
      forge([score, at]),
      `${ranked.tickets.edges[0]!.cursor}x`,
    ];
    for (const after of refused) {
      const response = await server.gql(LIST, { s: PHRASE, order: BEST, first: 5, after }, server.adminToken);
      expect(response.errors?.[0]?.extensions?.code, after).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toBe('The cursor is not one this API gave out');
    }
    const ours = await server.gql(
      LIST,
      { s: PHRASE, order: BEST, first: 5, after: forge([score, at, id]) },
      server.adminToken,
    );
    expect(ours.errors).toBeUndefined();
  });

  it('RELEVANCE without a search is BAD_USER_INPUT', async () => {
    for (const s of [null, '   ']) {
      const response = await server.gql(LIST, { s, order: BEST, first: 5 }, server.adminToken);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.message).toMatch(/RELEVANCE needs a search/);
    }
  });

  it('a saved view may order by RELEVANCE only with a search', async () => {
    const create = 'mutation($input: CreateSavedViewInput!) { createSavedView(input: $input) { id } }';
    const filters = { orderField: 'RELEVANCE', orderDirection: 'DESC' };
    const refused = await server.gql(create, { input: { name: 'Best, no search', filters } }, server.adminToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await server.ok(create, { input: { name: 'Best vouchers', filters: { ...filters, search: PHRASE } } });
  });

  it('the text in the issue counts more than the same text in a note', async () => {
    const inIssue = await createTicket(server, {
      issueDescription: `Good morning, I wanted to ask whether the ${PHRASE} from the orientation week can still be used`,
    });
    const inNote = await createTicket(server, { issueDescription: 'Orientation week question' });
    await note(inNote.id, `About a ${PHRASE}`);
    const best = ids(await list({ s: PHRASE, order: BEST, first: 100 }));
    // Newer, and its one matching message is shorter (bm25 favours it): only the issue's weight puts the other first.
    expect(best.indexOf(inIssue.id)).toBeLessThan(best.indexOf(inNote.id));
  });
});
