// GraphQL subscriptions over real WebSockets (graphql-ws): what each agent is told without asking,
// filtered on the server, read fresh per event, and published only for changes that were committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';
import { open, subscribe } from '../helpers/subscriptions.js';

const MESSAGE_ADDED =
  'subscription($t: ID) { messageAdded(ticketId: $t) { body senderType senderName internal ticket { id } } }';
const TICKET_UPDATED =
  'subscription($id: ID) { ticketUpdated(id: $id) { id status priority assignee { name } messageCount } }';
const NOTIFICATIONS =
  'subscription { notificationsChanged { openTickets inProgress unassigned unreadTickets hasAlerts } }';

const reply = (server: TestServer, ticketId: string, body: string) =>
  server.ok('mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', { t: ticketId, b: body });
const note = (server: TestServer, ticketId: string, body: string) =>
  server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', { t: ticketId, b: body });
const close = (server: TestServer, ticketId: string, message?: string) =>
  server.ok('mutation($t: ID!, $m: String) { closeTicket(ticketId: $t, message: $m) { id } }', {
    t: ticketId,
    m: message ?? null,
  });
const setPriority = (server: TestServer, ticketId: string, priority: string) =>
  server.ok('mutation($t: ID!, $p: TicketPriority!) { setTicketPriority(ticketId: $t, priority: $p) { id } }', {
    t: ticketId,
    p: priority,
  });

describe.each(databases)('subscriptions on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  it('ticketCreated delivers the new ticket with its fields', async () => {
    const feed = await subscribe(
      server,
      server.adminToken,
      'subscription { ticketCreated { id phoneNumber senderName issueDescription status messageCount } }',
    );
    const ticket = await createTicket(server, {
      senderName: 'Cy Created',
      issueDescription: 'My locker code does not work',
    });
    expect(await feed.next()).toEqual({
      id: ticket.id,
      phoneNumber: ticket.phoneNumber,
      senderName: 'Cy Created',
      issueDescription: 'My locker code does not work',
      status: 'OPEN',
      messageCount: 1,
    });
    feed.stop();
  });

  it('two agents subscribed to the same ticket both receive its change', async () => {
    const agent = await server.createAgent('Tw Second');
    const ticket = await createTicket(server);
    const feeds = await Promise.all([
      subscribe(server, server.adminToken, TICKET_UPDATED, { id: ticket.id }),
      subscribe(server, agent.token, TICKET_UPDATED, { id: ticket.id }),
    ]);
    await setPriority(server, ticket.id, 'URGENT');
    for (const feed of feeds) expect(await feed.next()).toMatchObject({ id: ticket.id, priority: 'URGENT' });
    for (const feed of feeds) feed.stop();
  });

  it('messageAdded(ticketId) delivers a reply to that ticket and nothing from another ticket', async () => {
    const mine = await createTicket(server);
    const other = await createTicket(server);
    const feed = await subscribe(server, server.adminToken, MESSAGE_ADDED, { t: mine.id });
    await reply(server, other.id, 'For someone else');
    await reply(server, mine.id, 'Looking into it');
    expect(await feed.next()).toEqual({
      body: 'Looking into it',
      senderType: 'ADMIN',
      senderName: expect.any(String),
      internal: false,
      ticket: { id: mine.id },
    });
    await feed.nothingWithin();
    feed.stop();
  });

  it('messageAdded marks an internal note internal', async () => {
    const ticket = await createTicket(server);
    const feed = await subscribe(server, server.adminToken, MESSAGE_ADDED, { t: ticket.id });
    await note(server, ticket.id, 'Check the bursary ledger first');
    expect(await feed.next()).toMatchObject({
      body: 'Check the bursary ledger first',
      senderType: 'ADMIN',
      internal: true,
      ticket: { id: ticket.id },
    });
    feed.stop();
  });

  it('messageAdded carries the bot’s default closing message when a ticket is closed without one', async () => {
    const ticket = await createTicket(server);
    const feed = await subscribe(server, server.adminToken, MESSAGE_ADDED, { t: ticket.id });
    await close(server, ticket.id);
    expect(await feed.next()).toEqual({
      body: '✅ Your support ticket has been resolved!',
      senderType: 'BOT',
      senderName: null,
      internal: false,
      ticket: { id: ticket.id },
    });
    feed.stop();
  });

  it('messageAdded carries the agent’s own closing message as theirs', async () => {
    const agent = await server.createAgent('Cl Closer');
    const ticket = await createTicket(server);
    const feed = await subscribe(server, agent.token, MESSAGE_ADDED, { t: ticket.id });
    await server.ok(
      'mutation($t: ID!) { closeTicket(ticketId: $t, message: "Sorted, see you in class") { id } }',
      { t: ticket.id },
      agent.token,
    );
    expect(await feed.next()).toEqual({
      body: 'Sorted, see you in class',
      senderType: 'ADMIN',
      senderName: 'Cl Closer',
      internal: false,
      ticket: { id: ticket.id },
    });
    feed.stop();
  });

  it('messageAdded without a ticket id delivers every ticket’s messages', async () => {
    const first = await createTicket(server);
    const second = await createTicket(server);
    const feed = await subscribe(server, server.adminToken, MESSAGE_ADDED);
    await note(server, first.id, 'note on the first');
    await reply(server, second.id, 'reply on the second');
    expect(await feed.next()).toMatchObject({ body: 'note on the first', ticket: { id: first.id } });
    expect(await feed.next()).toMatchObject({ body: 'reply on the second', ticket: { id: second.id } });
    feed.stop();
  });

  it('ticketUpdated(id) stays quiet about changes to other tickets', async () => {
    const mine = await createTicket(server);
    const other = await createTicket(server);
    const feed = await subscribe(server, server.adminToken, TICKET_UPDATED, { id: mine.id });
    await setPriority(server, other.id, 'HIGH');
    await server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: IN_PROGRESS) { id } }', { t: other.id });
    await setPriority(server, mine.id, 'LOW');
    expect(await feed.next()).toMatchObject({ id: mine.id, priority: 'LOW' });
    await feed.nothingWithin();
    feed.stop();
  });

  it('ticketUpdated shows the new assignee after assignTicket', async () => {
    const agent = await server.createAgent('As Signee');
    const ticket = await createTicket(server);
    const feed = await subscribe(server, server.adminToken, TICKET_UPDATED, { id: ticket.id });
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: ticket.id,
      a: agent.id,
    });
    expect(await feed.next()).toEqual({
      id: ticket.id,
      status: 'OPEN',
      priority: 'MEDIUM',
      assignee: { name: 'As Signee' },
      messageCount: 1,
    });
    feed.stop();
  });

  it('ticketUpdated counts a new reply and shows the ticket in progress', async () => {
    const ticket = await createTicket(server);
    const feed = await subscribe(server, server.adminToken, TICKET_UPDATED, { id: ticket.id });
    await reply(server, ticket.id, 'Hello, I am on it');
    expect(await feed.next()).toMatchObject({ id: ticket.id, status: 'IN_PROGRESS', messageCount: 2 });
    await note(server, ticket.id, 'a second one');
    expect((await feed.next()).messageCount).toBe(3);
    feed.stop();
  });

  it('ticketUpdated without an id delivers changes to any ticket', async () => {
    const first = await createTicket(server);
    const second = await createTicket(server);
    const feed = await subscribe(server, server.adminToken, TICKET_UPDATED);
    await setPriority(server, first.id, 'HIGH');
    await close(server, second.id);
    expect(await feed.next()).toMatchObject({ id: first.id, priority: 'HIGH' });
    expect(await feed.next()).toMatchObject({ id: second.id, status: 'RESOLVED' });
    feed.stop();
  });

  it('notificationsChanged after createTicket counts one more open and one more unassigned ticket', async () => {
    const { notifications: before } = await server.ok(
      '{ notifications { openTickets inProgress unassigned unreadTickets hasAlerts } }',
    );
    const feed = await subscribe(server, server.adminToken, NOTIFICATIONS);
    await createTicket(server);
    expect(await feed.next()).toEqual({
      openTickets: before.openTickets + 1,
      inProgress: before.inProgress,
      unassigned: before.unassigned + 1,
      unreadTickets: before.unreadTickets + 1,
      hasAlerts: true,
    });
    feed.stop();
  });

  it('markTicketRead lowers the reader’s unread count and not another agent’s', async () => {
    const reader = await server.createAgent('Re Reader');
    const readerFeed = await subscribe(server, reader.token, NOTIFICATIONS);
    const adminFeed = await subscribe(server, server.adminToken, NOTIFICATIONS);
    const ticket = await createTicket(server);
    const readerBefore = await readerFeed.next();
    const adminBefore = await adminFeed.next();
    await server.ok('mutation($t: ID!) { markTicketRead(ticketId: $t) { id } }', { t: ticket.id }, reader.token);
    expect(await readerFeed.next()).toEqual({ ...readerBefore, unreadTickets: readerBefore.unreadTickets - 1 });
    expect(await adminFeed.next()).toEqual(adminBefore);
    readerFeed.stop();
    adminFeed.stop();
  });

  it('one subscription sent by two agents carries each agent’s own unread count (answers are shared per agent only)', async () => {
    const reader = await server.createAgent('Ow Own Count');
    const ticket = await createTicket(server);
    await server.ok('mutation($t: ID!) { markTicketRead(ticketId: $t) { id } }', { t: ticket.id }, reader.token);
    const query = 'subscription($id: ID) { ticketUpdated(id: $id) { id unreadCount } }';
    const readerFeed = await subscribe(server, reader.token, query, { id: ticket.id });
    const adminFeed = await subscribe(server, server.adminToken, query, { id: ticket.id });
    await setPriority(server, ticket.id, 'HIGH');
    expect(await readerFeed.next()).toEqual({ id: ticket.id, unreadCount: 0 });
    expect(await adminFeed.next()).toEqual({ id: ticket.id, unreadCount: 1 });
    readerFeed.stop();
    adminFeed.stop();
  });

  it('two sockets of the same agent receive the same counts', async () => {
    const agent = await server.createAgent('Tb Two Tabs');
    const tabs = await Promise.all([
      subscribe(server, agent.token, NOTIFICATIONS),
      subscribe(server, agent.token, NOTIFICATIONS),
    ]);
    await createTicket(server);
    const [first, second] = await Promise.all(tabs.map((tab) => tab.next()));
    expect(second).toEqual(first);
    for (const tab of tabs) tab.stop();
  });

  it('a mutation that fails publishes nothing', async () => {
    const ticket = await createTicket(server);
    const resolved = await createTicket(server);
    await close(server, resolved.id);
    const feeds = await Promise.all([
      subscribe(server, server.adminToken, MESSAGE_ADDED),
      subscribe(server, server.adminToken, TICKET_UPDATED),
      subscribe(server, server.adminToken, NOTIFICATIONS),
    ]);
    const codeOf = async (query: string, variables: Record<string, unknown>) =>
      (await server.gql(query, variables, server.adminToken)).errors?.[0]?.extensions?.code;
    const send = 'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }';
    expect(await codeOf(send, { t: ticket.id, b: '' })).toBe('BAD_USER_INPUT');
    expect(await codeOf(send, { t: '999999', b: 'Anyone there?' })).toBe('NOT_FOUND');
    expect(await codeOf('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: resolved.id })).toBe(
      'BAD_USER_INPUT',
    );
    await Promise.all(feeds.map((feed) => feed.nothingWithin()));
    // The feeds were listening all along: the next change that succeeds reaches each of them.
    await reply(server, ticket.id, 'This one goes through');
    const [message, update] = await Promise.all(feeds.map((feed) => feed.next()));
    expect(message).toMatchObject({ body: 'This one goes through', ticket: { id: ticket.id } });
    expect(update).toMatchObject({ id: ticket.id, messageCount: 2 });
    for (const feed of feeds) feed.stop();
  });

  it('a subscriber without a token is refused with 4403 and receives nothing', async () => {
    const feed = open(server.ws(null), 'subscription { ticketCreated { id } }');
    await createTicket(server);
    expect(await feed.ended).toMatchObject({ code: 4403 });
    await expect(feed.next(300)).rejects.toThrow(/subscription failed/);
  });
});
