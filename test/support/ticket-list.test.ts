import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

const LIST = `query($filter: TicketFilter, $orderBy: TicketOrder, $first: Int, $after: String, $last: Int, $before: String) {
  tickets(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id senderName priority } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; senderName: string; priority: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe.each(databases)('listing tickets on %s', (kind) => {
  let server: TestServer;
  const ids: string[] = [];
  const list = async (variables: Record<string, unknown>): Promise<Page> =>
    (await server.ok<{ tickets: Page }>(LIST, variables)).tickets;
  const names = (page: Page) => page.edges.map((edge) => edge.node.senderName);

  beforeAll(async () => {
    server = await startServer(kind);
    const priorities = ['LOW', 'URGENT', 'MEDIUM', 'HIGH', 'URGENT', 'LOW', 'MEDIUM'];
    for (const [index, priority] of priorities.entries()) {
      const ticket = await createTicket(server, {
        senderName: `P${index}`,
        priority,
        phoneNumber: `4477009000${index}`,
        issueDescription: `issue number ${index}`,
      });
      ids.push(ticket.id);
    }
  });
  afterAll(() => server.close());

  it('pages forward through every ticket once, with totalCount and page flags', async () => {
    const order = { field: 'CREATED_AT', direction: 'ASC' };
    const first = await list({ orderBy: order, first: 3 });
    expect(first.totalCount).toBe(7);
    expect(names(first)).toEqual(['P0', 'P1', 'P2']);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await list({ orderBy: order, first: 3, after: first.pageInfo.endCursor });
    expect(names(second)).toEqual(['P3', 'P4', 'P5']);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = await list({ orderBy: order, first: 3, after: second.pageInfo.endCursor });
    expect(names(third)).toEqual(['P6']);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it('pages backward with last and before, in reading order', async () => {
    const order = { field: 'CREATED_AT', direction: 'ASC' };
    const tail = await list({ orderBy: order, last: 3 });
    expect(names(tail)).toEqual(['P4', 'P5', 'P6']);
    expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await list({ orderBy: order, last: 3, before: tail.pageInfo.startCursor });
    expect(names(before)).toEqual(['P1', 'P2', 'P3']);
    const head = await list({ orderBy: order, last: 3, before: before.pageInfo.startCursor });
    expect(names(head)).toEqual(['P0']);
    expect(head.pageInfo.hasPreviousPage).toBe(false);
  });

  it('a cursor stays valid when new tickets arrive: the next page neither repeats nor skips', async () => {
    const order = { field: 'CREATED_AT', direction: 'DESC' };
    const filter = { phoneNumber: undefined, search: 'issue number' };
    const first = await list({ orderBy: order, filter, first: 4 });
    expect(names(first)).toEqual(['P6', 'P5', 'P4', 'P3']);
    await createTicket(server, { senderName: 'Newcomer', issueDescription: 'issue number 99' });
    const next = await list({ orderBy: order, filter, first: 4, after: first.pageInfo.endCursor });
    expect(names(next)).toEqual(['P2', 'P1', 'P0']);
  });

  it('orders by priority, most urgent first, ties by age', async () => {
    const page = await list({
      orderBy: { field: 'PRIORITY', direction: 'DESC' },
      filter: { search: 'issue number' },
      first: 3,
    });
    expect(page.edges.map((edge) => edge.node.priority)).toEqual(['URGENT', 'URGENT', 'HIGH']);
    const rest = await list({
      orderBy: { field: 'PRIORITY', direction: 'DESC' },
      filter: { search: 'issue number' },
      first: 10,
      after: page.pageInfo.endCursor,
    });
    expect(rest.edges.map((edge) => edge.node.priority)).toEqual(['MEDIUM', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW']);
  });

  it('orders by latest activity: a reply moves a ticket to the top', async () => {
    await server.ok('mutation($id: ID!) { sendMessage(ticketId: $id, body: "Bumping this") { id } }', { id: ids[2] });
    const byActivity = await list({ orderBy: { field: 'LAST_MESSAGE_AT', direction: 'DESC' }, first: 1 });
    expect(names(byActivity)).toEqual(['P2']);
    const byUpdate = await list({ first: 1 });
    expect(names(byUpdate)).toEqual(['P2']);
  });

  it('filters by status, priority, assignee, unassigned and phone number', async () => {
    const agent = await server.createAgent('Gil Filter');
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: ids[4],
      a: agent.id,
    });
    await server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', { t: ids[5] });
    const search = 'issue number';
    expect(names(await list({ filter: { search, status: ['RESOLVED'] } }))).toEqual(['P5']);
    expect(
      names(
        await list({ filter: { search, priority: ['URGENT'] }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } }),
      ),
    ).toEqual(['P1', 'P4']);
    expect(names(await list({ filter: { assigneeId: agent.id } }))).toEqual(['P4']);
    const unassigned = await list({ filter: { search, unassigned: true }, first: 50 });
    expect(names(unassigned)).not.toContain('P4');
    const assigned = await list({ filter: { search, unassigned: false }, first: 50 });
    expect(names(assigned).sort()).toEqual(['P2', 'P4']);
    expect(names(await list({ filter: { phoneNumber: '+44 770 0900 03' } }))).toEqual(['P3']);
  });

  it('searches the whole thread, not only the issue', async () => {
    await server.ok('mutation($id: ID!) { addNote(ticketId: $id, body: "Refund approved by bursar") { id } }', {
      id: ids[6],
    });
    expect(names(await list({ filter: { search: 'BURSAR' } }))).toEqual(['P6']);
    expect(names(await list({ filter: { search: 'issue number 3' } }))).toEqual(['P3']);
    expect((await list({ filter: { search: '100%_off' } })).totalCount).toBe(0);
  });

  it('filters by creation time', async () => {
    const all = await list({ orderBy: { field: 'CREATED_AT', direction: 'ASC' }, first: 100 });
    const cutoff = new Date(Date.now() + 60_000).toISOString();
    expect((await list({ filter: { createdAfter: cutoff } })).totalCount).toBe(0);
    expect((await list({ filter: { createdBefore: cutoff } })).totalCount).toBe(all.totalCount);
  });
});

describe.each(databases)('searching tickets for text with wildcards and backslashes on %s', (kind) => {
  let server: TestServer;
  const list = async (search: string): Promise<string[]> =>
    (await server.ok<{ tickets: Page }>(LIST, { filter: { search }, first: 100 })).tickets.edges
      .map((edge) => edge.node.senderName)
      .sort();
  const ticket = (senderName: string, issueDescription: string) =>
    createTicket(server, { senderName, issueDescription });

  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  it('a search for 50% finds "charged 50%", not "charged 500"', async () => {
    await ticket('Fifty', 'I was charged 50% twice');
    await ticket('Five hundred', 'I was charged 500 twice');
    expect(await list('50%')).toEqual(['Fifty']);
  });

  it('a search for a_b finds "a_b", not "axb"', async () => {
    await ticket('Underscore', 'my login is a_b');
    await ticket('Letter', 'my login is axb');
    expect(await list('a_b')).toEqual(['Underscore']);
  });

  it('a backslash in the search is text', async () => {
    await ticket('Backslash', 'saved in C:\\exams\\q1');
    await ticket('Slash', 'saved in C:/exams/q1');
    await ticket('No slash', 'saved in C:exams');
    expect(await list('C:\\exams')).toEqual(['Backslash']);
    expect(await list('\\')).toEqual(['Backslash']);
    expect(await list('\\%')).toEqual([]);
  });

  it('an exclamation mark is text too', async () => {
    await ticket('Exclaimed', 'please help!! now');
    await ticket('Calm', 'please help now');
    expect(await list('help!')).toEqual(['Exclaimed']);
    expect(await list('help!!')).toEqual(['Exclaimed']);
  });

  it('finds 30% in a message of the thread, not 300', async () => {
    const withPercent = await ticket('Thread percent', 'about my fees');
    const withNumber = await ticket('Thread number', 'about my fees');
    const note = 'mutation($id: ID!, $body: String!) { addNote(ticketId: $id, body: $body) { id } }';
    await server.ok(note, { id: withPercent.id, body: 'Paid 30% upfront' });
    await server.ok(note, { id: withNumber.id, body: 'Paid 300 upfront' });
    expect(await list('30%')).toEqual(['Thread percent']);
  });

  it('a label named "100%" is found by searching "100%", and a label "1000" is not', async () => {
    const label = async (name: string) =>
      (
        await server.ok('mutation($input: CreateLabelInput!) { createLabel(input: $input) { id } }', {
          input: { name, color: '#1f6feb' },
        })
      ).createLabel.id;
    const [percent, thousand] = [await label('100%'), await label('1000')];
    const [a, b] = [
      await ticket('Labelled percent', 'about my fees'),
      await ticket('Labelled thousand', 'about my fees'),
    ];
    const add = 'mutation($t: [ID!]!, $l: [ID!]!) { addLabels(ticketIds: $t, labelIds: $l) { id } }';
    await server.ok(add, { t: [a.id], l: [percent] });
    await server.ok(add, { t: [b.id], l: [thousand] });
    expect(await list('100%')).toEqual(['Labelled percent']);
  });
});

describe.each(databases)('paging through a thread on %s', (kind) => {
  let server: TestServer;
  let ticketId: string;
  const THREAD = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    ticket(id: $id) { messages(first: $first, after: $after, last: $last, before: $before) {
      totalCount edges { cursor node { body } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
  const thread = async (variables: Record<string, unknown>) =>
    (await server.ok(THREAD, { id: ticketId, ...variables })).ticket.messages;
  const bodies = (connection: { edges: { node: { body: string } }[] }) =>
    connection.edges.map((edge) => edge.node.body);

  beforeAll(async () => {
    server = await startServer(kind);
    ticketId = (await createTicket(server, { issueDescription: 'm0' })).id;
    for (const body of ['m1', 'm2', 'm3', 'm4']) {
      await server.ok('mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }', {
        id: ticketId,
        body,
      });
    }
  });
  afterAll(() => server.close());

  it('shows the newest messages by default, oldest first', async () => {
    const page = await thread({});
    expect(page.totalCount).toBe(5);
    expect(bodies(page)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('pages backward from the newest, as a chat scrolls up', async () => {
    const newest = await thread({ last: 2 });
    expect(bodies(newest)).toEqual(['m3', 'm4']);
    expect(newest.pageInfo.hasPreviousPage).toBe(true);
    const older = await thread({ last: 2, before: newest.pageInfo.startCursor });
    expect(bodies(older)).toEqual(['m1', 'm2']);
    const oldest = await thread({ last: 2, before: older.pageInfo.startCursor });
    expect(bodies(oldest)).toEqual(['m0']);
    expect(oldest.pageInfo.hasPreviousPage).toBe(false);
  });

  it('pages forward from the oldest', async () => {
    const start = await thread({ first: 3 });
    expect(bodies(start)).toEqual(['m0', 'm1', 'm2']);
    expect(start.pageInfo.hasNextPage).toBe(true);
    const rest = await thread({ first: 3, after: start.pageInfo.endCursor });
    expect(bodies(rest)).toEqual(['m3', 'm4']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});
