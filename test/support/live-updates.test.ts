// Subscriptions over real WebSockets: what agents see without asking, filtered on the server,
// published only after the change is committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

interface Feed<T> {
  /** The next event, or a failure after `ms`. */
  next(ms?: number): Promise<T>;
  /** Resolves when no event arrives for `ms`; fails with the event otherwise. */
  quiet(ms?: number): Promise<void>;
  close(): void;
}

/** Subscribes, and resolves once the server has registered the subscription. */
async function subscribe<T>(server: TestServer, token: string, query: string, variables: Record<string, unknown> = {}): Promise<Feed<T>> {
  const client = server.ws(token);
  const events: T[] = [];
  const waiters: ((event: T) => void)[] = [];
  const push = (event: T) => (waiters.length ? waiters.shift()!(event) : events.push(event));
  const failure: { error?: unknown } = {};
  const stop = client.subscribe<T>({ query, variables }, { next: (result) => push(result.data as T), error: (error) => (failure.error = error), complete: () => undefined });
  // The server registers a subscription asynchronously (it authenticates first). A query sent after it on the
  // same socket goes through the same steps; once it has answered, and a moment more, ours is in place.
  await new Promise<void>((resolve, reject) =>
    client.subscribe({ query: '{ __typename }' }, { next: () => undefined, error: reject, complete: () => resolve() }),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  return {
    next: (ms = 5000) =>
      new Promise<T>((resolve, reject) => {
        if (failure.error) return reject(failure.error);
        if (events.length) return resolve(events.shift()!);
        const timer = setTimeout(() => reject(new Error(`no event within ${ms} ms for ${query}`)), ms);
        waiters.push((event) => (clearTimeout(timer), resolve(event)));
      }),
    quiet: (ms = 300) =>
      new Promise<void>((resolve, reject) => {
        if (events.length) return reject(new Error(`unexpected event ${JSON.stringify(events[0])}`));
        const timer = setTimeout(() => (waiters.length = 0, resolve()), ms);
        waiters.push((event) => (clearTimeout(timer), reject(new Error(`unexpected event ${JSON.stringify(event)}`))));
      }),
    close: stop,
  };
}

describe.each(databases)('live updates on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  it('every subscribed agent sees a new ticket the moment it is created', async () => {
    const agent = await server.createAgent('Lu Live');
    const query = 'subscription { ticketCreated { id phoneNumber issueDescription status messageCount } }';
    const feeds = await Promise.all([subscribe<any>(server, server.adminToken, query), subscribe<any>(server, agent.token, query)]);
    const ticket = await createTicket(server, { issueDescription: 'Printer on fire' });
    for (const feed of feeds) {
      expect((await feed.next()).ticketCreated).toEqual({ id: ticket.id, phoneNumber: ticket.phoneNumber, issueDescription: 'Printer on fire', status: 'OPEN', messageCount: 1 });
      feed.close();
    }
  });

  it('messageAdded for one ticket carries its replies, notes and closing message, and nothing from other tickets', async () => {
    const mine = await createTicket(server);
    const other = await createTicket(server);
    const feed = await subscribe<any>(server, server.adminToken, 'subscription($t: ID) { messageAdded(ticketId: $t) { body senderType internal ticket { id } } }', { t: mine.id });
    await server.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "Elsewhere") { id } }', { t: other.id });
    await feed.quiet();
    await server.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "On it") { id } }', { t: mine.id });
    expect((await feed.next()).messageAdded).toEqual({ body: 'On it', senderType: 'ADMIN', internal: false, ticket: { id: mine.id } });
    await server.ok('mutation($t: ID!) { addNote(ticketId: $t, body: "Check the ledger") { id } }', { t: mine.id });
    expect((await feed.next()).messageAdded).toMatchObject({ body: 'Check the ledger', internal: true });
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: mine.id });
    expect((await feed.next()).messageAdded).toMatchObject({ body: '✅ Your support ticket has been resolved!', senderType: 'BOT' });
    feed.close();
  });

  it('messageAdded without a ticket id carries every ticket’s messages', async () => {
    const feed = await subscribe<any>(server, server.adminToken, 'subscription { messageAdded { body } }');
    const ticket = await createTicket(server, { issueDescription: 'First words' });
    expect((await feed.next()).messageAdded.body).toBe('First words');
    await server.ok('mutation($t: ID!) { addNote(ticketId: $t, body: "any ticket") { id } }', { t: ticket.id });
    expect((await feed.next()).messageAdded.body).toBe('any ticket');
    feed.close();
  });

  it('ticketUpdated(id) shows the ticket as it is now, and stays quiet about other tickets', async () => {
    const agent = await server.createAgent('Mo Assignee');
    const ticket = await createTicket(server);
    const other = await createTicket(server);
    const feed = await subscribe<any>(server, server.adminToken, 'subscription($id: ID) { ticketUpdated(id: $id) { id priority assignee { name } messageCount } }', { id: ticket.id });
    await server.ok('mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: HIGH) { id } }', { t: other.id });
    await feed.quiet();
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', { t: ticket.id, a: agent.id });
    expect((await feed.next()).ticketUpdated).toEqual({ id: ticket.id, priority: 'MEDIUM', assignee: { name: 'Mo Assignee' }, messageCount: 1 });
    await server.ok('mutation($t: ID!) { addNote(ticketId: $t, body: "counted") { id } }', { t: ticket.id });
    expect((await feed.next()).ticketUpdated.messageCount).toBe(2);
    feed.close();
  });

  it('a refused change publishes nothing', async () => {
    const ticket = await createTicket(server);
    const messages = await subscribe<any>(server, server.adminToken, 'subscription { messageAdded { body } }');
    const updates = await subscribe<any>(server, server.adminToken, 'subscription { ticketUpdated { id } }');
    expect((await server.gql('mutation($t: ID!) { sendMessage(ticketId: $t, body: "   ") { id } }', { t: ticket.id }, server.adminToken)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await server.gql('mutation { sendMessage(ticketId: "999999", body: "hello") { id } }', {}, server.adminToken)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await messages.quiet();
    await updates.quiet();
    messages.close();
    updates.close();
  });

  it('notificationsChanged gives each agent their own counts', async () => {
    const reader = await server.createAgent('Ny Reader');
    const query = 'subscription { notificationsChanged { openTickets unassigned unreadTickets } }';
    const readerFeed = await subscribe<any>(server, reader.token, query);
    const adminFeed = await subscribe<any>(server, server.adminToken, query);
    const ticket = await createTicket(server);
    const readerBefore = (await readerFeed.next()).notificationsChanged;
    const adminBefore = (await adminFeed.next()).notificationsChanged;
    await server.ok('mutation($t: ID!) { markTicketRead(ticketId: $t) { id } }', { t: ticket.id }, reader.token);
    const readerAfter = (await readerFeed.next()).notificationsChanged;
    const adminAfter = (await adminFeed.next()).notificationsChanged;
    expect(readerAfter.unreadTickets).toBe(readerBefore.unreadTickets - 1);
    expect(adminAfter.unreadTickets).toBe(adminBefore.unreadTickets);
    expect(readerAfter.openTickets).toBe(readerBefore.openTickets);
    readerFeed.close();
    adminFeed.close();
  });
});
