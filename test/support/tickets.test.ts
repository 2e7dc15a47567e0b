import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTicket,
  databases,
  startServer,
  TICKET_FIELDS,
  uniquePhone,
  type TestServer,
} from '../helpers/harness.js';

const TICKET = `query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} messages(last: 50) { totalCount edges { node { body senderType senderName internal deliveryStatus author { name } } } } } }`;
const SEND =
  'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id body senderType deliveryStatus internal author { id } ticket { id status } } }';

describe.each(databases)('the ticket lifecycle on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  it('a new ticket is OPEN, unassigned, and its issue is the first message of the thread', async () => {
    const ticket = await createTicket(server, {
      phoneNumber: '+44 (7700) 900-123',
      senderName: ' Ann Lee ',
      issueDescription: 'My fees page is blank',
    });
    expect(ticket).toMatchObject({
      phoneNumber: '447700900123',
      senderName: 'Ann Lee',
      issueDescription: 'My fees page is blank',
      status: 'OPEN',
      priority: 'MEDIUM',
      assignee: null,
      messageCount: 1,
      unreadCount: 1,
      firstResponseAt: null,
      resolvedAt: null,
      lastMessage: { body: 'My fees page is blank', senderType: 'USER' },
    });
    const windowMs = Date.parse(ticket.replyWindowClosesAt) - Date.parse(ticket.createdAt);
    expect(windowMs).toBe(24 * 3600 * 1000);
  });

  it("an agent's first reply moves the ticket to IN_PROGRESS, sets firstResponseAt and takes the ticket", async () => {
    const agent = await server.createAgent('Bo Agent');
    const ticket = await createTicket(server);
    const { sendMessage } = await server.ok(SEND, { id: ticket.id, body: '  Looking into it now  ' }, agent.token);
    expect(sendMessage).toMatchObject({
      body: 'Looking into it now',
      senderType: 'ADMIN',
      deliveryStatus: 'PENDING',
      internal: false,
      author: { id: agent.id },
    });
    const { ticket: after } = await server.ok(TICKET, { id: ticket.id });
    expect(after.status).toBe('IN_PROGRESS');
    expect(after.firstResponseAt).not.toBeNull();
    expect(after.assignee).toMatchObject({ id: agent.id, name: 'Bo Agent' });
    expect(after.messageCount).toBe(2);
    expect(after.lastMessage.body).toBe('Looking into it now');

    await server.ok(SEND, { id: ticket.id, body: 'Second reply' }, agent.token);
    const { ticket: later } = await server.ok(TICKET, { id: ticket.id });
    expect(later.firstResponseAt).toBe(after.firstResponseAt);
  });

  it('an internal note is kept in the thread, marked internal, with no delivery and no status change', async () => {
    const ticket = await createTicket(server);
    const { addNote } = await server.ok(
      'mutation($id: ID!) { addNote(ticketId: $id, body: "VIP student") { internal senderType deliveryStatus } }',
      { id: ticket.id },
    );
    expect(addNote).toEqual({ internal: true, senderType: 'ADMIN', deliveryStatus: null });
    const { ticket: after } = await server.ok(TICKET, { id: ticket.id });
    expect(after.status).toBe('OPEN');
    expect(after.firstResponseAt).toBeNull();
    expect(after.messages.edges.map((e: any) => [e.node.body, e.node.internal])).toEqual([
      ['I cannot see my exam results', false],
      ['VIP student', true],
    ]);
  });

  it('assigning, unassigning and prioritising show on the ticket', async () => {
    const agent = await server.createAgent('Cy Agent');
    const ticket = await createTicket(server);
    const assigned = await server.ok(
      'mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { assignee { id } } }',
      { t: ticket.id, a: agent.id },
    );
    expect(assigned.assignTicket.assignee.id).toBe(agent.id);
    const priority = await server.ok(
      'mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: URGENT) { priority } }',
      { t: ticket.id },
    );
    expect(priority.setTicketPriority.priority).toBe('URGENT');
    const unassigned = await server.ok(
      'mutation($t: ID!) { assignTicket(ticketId: $t, adminId: null) { assignee { id } } }',
      { t: ticket.id },
    );
    expect(unassigned.assignTicket.assignee).toBeNull();
  });

  it('closing resolves the ticket and sends the default closing message to the person', async () => {
    const ticket = await createTicket(server);
    const { closeTicket } = await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { status resolvedAt } }', {
      t: ticket.id,
    });
    expect(closeTicket.status).toBe('RESOLVED');
    expect(closeTicket.resolvedAt).not.toBeNull();
    const { ticket: after } = await server.ok(TICKET, { id: ticket.id });
    expect(after.messages.edges.at(-1).node).toMatchObject({
      body: '✅ Your support ticket has been resolved!',
      senderType: 'BOT',
      deliveryStatus: 'PENDING',
    });
  });

  it("closing with the agent's own message sends that message, signed by the agent", async () => {
    const ticket = await createTicket(server);
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t, message: "Fixed, see you!") { status } }', {
      t: ticket.id,
    });
    const { ticket: after } = await server.ok(TICKET, { id: ticket.id });
    expect(after.messages.edges.at(-1).node).toMatchObject({
      body: 'Fixed, see you!',
      senderType: 'ADMIN',
      author: { name: 'Admin' },
    });
  });

  it('a resolved ticket refuses replies and a second close, and reopening brings it back', async () => {
    const ticket = await createTicket(server);
    await server.ok(SEND, { id: ticket.id, body: 'On it' });
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { status } }', { t: ticket.id });
    const reply = await server.gql(SEND, { id: ticket.id, body: 'late' }, server.adminToken);
    expect(reply.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const again = await server.gql(
      'mutation($t: ID!) { closeTicket(ticketId: $t) { status } }',
      { t: ticket.id },
      server.adminToken,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const { reopenTicket } = await server.ok('mutation($t: ID!) { reopenTicket(ticketId: $t) { status resolvedAt } }', {
      t: ticket.id,
    });
    expect(reopenTicket).toEqual({ status: 'IN_PROGRESS', resolvedAt: null });
    const reopenOpen = await server.gql(
      'mutation($t: ID!) { reopenTicket(ticketId: $t) { status } }',
      { t: ticket.id },
      server.adminToken,
    );
    expect(reopenOpen.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('setTicketStatus sets and clears resolvedAt, and resolved tickets leave the open list', async () => {
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(server, { phoneNumber });
    const open = `query($p: String) { tickets(filter: { phoneNumber: $p, status: [OPEN, IN_PROGRESS] }) { totalCount } }`;
    expect((await server.ok(open, { p: phoneNumber })).tickets.totalCount).toBe(1);
    const closed = await server.ok(
      'mutation($t: ID!) { setTicketStatus(ticketId: $t, status: CLOSED) { status resolvedAt } }',
      { t: ticket.id },
    );
    expect(closed.setTicketStatus.resolvedAt).not.toBeNull();
    expect((await server.ok(open, { p: phoneNumber })).tickets.totalCount).toBe(0);
    const back = await server.ok(
      'mutation($t: ID!) { setTicketStatus(ticketId: $t, status: OPEN) { status resolvedAt } }',
      { t: ticket.id },
    );
    expect(back.setTicketStatus).toEqual({ status: 'OPEN', resolvedAt: null });
    expect((await server.ok(open, { p: phoneNumber })).tickets.totalCount).toBe(1);
  });

  it('unread counts are per agent: reading a ticket clears it for that agent only', async () => {
    const reader = await server.createAgent('Di Reader');
    const other = await server.createAgent('Ed Other');
    const ticket = await createTicket(server);
    const unread = 'query($id: ID!) { ticket(id: $id) { unreadCount } }';
    expect((await server.ok(unread, { id: ticket.id }, reader.token)).ticket.unreadCount).toBe(1);
    const marked = await server.ok(
      'mutation($id: ID!) { markTicketRead(ticketId: $id) { unreadCount } }',
      { id: ticket.id },
      reader.token,
    );
    expect(marked.markTicketRead.unreadCount).toBe(0);
    expect((await server.ok(unread, { id: ticket.id }, reader.token)).ticket.unreadCount).toBe(0);
    expect((await server.ok(unread, { id: ticket.id }, other.token)).ticket.unreadCount).toBe(1);
  });

  it('notifications count open, in-progress, unassigned and unread tickets for the caller', async () => {
    const agent = await server.createAgent('Fi Counter');
    const query = '{ notifications { openTickets inProgress unassigned unreadTickets hasAlerts } }';
    const before = (await server.ok(query, {}, agent.token)).notifications;
    const ticket = await createTicket(server);
    const afterNew = (await server.ok(query, {}, agent.token)).notifications;
    expect(afterNew).toEqual({
      openTickets: before.openTickets + 1,
      inProgress: before.inProgress,
      unassigned: before.unassigned + 1,
      unreadTickets: before.unreadTickets + 1,
      hasAlerts: true,
    });
    await server.ok(SEND, { id: ticket.id, body: 'Hello' }, agent.token);
    const afterReply = (await server.ok(query, {}, agent.token)).notifications;
    expect(afterReply).toMatchObject({
      openTickets: before.openTickets,
      inProgress: before.inProgress + 1,
      unassigned: before.unassigned,
      unreadTickets: before.unreadTickets,
    });
  });
});

describe.each(databases)('bad input to tickets on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  const codeOf = async (query: string, variables: Record<string, unknown>) => {
    const result = await server.gql(query, variables, server.adminToken);
    const error = result.errors?.[0];
    expect(error?.message).not.toMatch(/select |insert |update |sqlite|mysql|maria|\.ts:\d/i);
    return error?.extensions?.code;
  };
  const CREATE = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }';

  it('unknown ids are NOT_FOUND, for queries and every mutation', async () => {
    expect(await codeOf('{ ticket(id: "999999") { id } }', {})).toBe('NOT_FOUND');
    expect(await codeOf('{ ticket(id: "not-a-number") { id } }', {})).toBe('NOT_FOUND');
    expect(await codeOf(SEND, { id: '999999', body: 'hi' })).toBe('NOT_FOUND');
    expect(await codeOf('mutation { addNote(ticketId: "999999", body: "x") { id } }', {})).toBe('NOT_FOUND');
    expect(await codeOf('mutation { closeTicket(ticketId: "999999") { id } }', {})).toBe('NOT_FOUND');
    expect(await codeOf('mutation { reopenTicket(ticketId: "999999") { id } }', {})).toBe('NOT_FOUND');
    expect(await codeOf('mutation { markTicketRead(ticketId: "999999") { id } }', {})).toBe('NOT_FOUND');
    expect(await codeOf('mutation { setTicketPriority(ticketId: "999999", priority: LOW) { id } }', {})).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf('mutation { setTicketStatus(ticketId: "999999", status: OPEN) { id } }', {})).toBe('NOT_FOUND');
    const ticket = await createTicket(server);
    expect(
      await codeOf('mutation($t: ID!) { assignTicket(ticketId: $t, adminId: "999999") { id } }', { t: ticket.id }),
    ).toBe('NOT_FOUND');
  });

  it('a phone number without digits, an empty issue or one over 4,096 characters is refused and nothing is written', async () => {
    const count = async () => (await server.ok('{ tickets { totalCount } }')).tickets.totalCount;
    const before = await count();
    expect(await codeOf(CREATE, { input: { phoneNumber: 'call me', issueDescription: 'help' } })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(CREATE, { input: { phoneNumber: '447700900123', issueDescription: '   ' } })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await codeOf(CREATE, { input: { phoneNumber: '447700900123', issueDescription: 'x'.repeat(4097) } })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await count()).toBe(before);
    await createTicket(server, { issueDescription: 'y'.repeat(4096) });
    expect(await count()).toBe(before + 1);
  });

  it('an empty, whitespace-only or over-long reply or note is refused and the thread is unchanged', async () => {
    const NOTE_BODY = 'mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }';
    const ticket = await createTicket(server);
    expect(await codeOf(SEND, { id: ticket.id, body: '' })).toBe('BAD_USER_INPUT');
    expect(await codeOf(SEND, { id: ticket.id, body: ' \n\t ' })).toBe('BAD_USER_INPUT');
    // Longer than WhatsApp's limit goes as several messages (test/whatsapp/long-reply.test.ts); over 10 is refused.
    expect(await codeOf(SEND, { id: ticket.id, body: 'z'.repeat(4096 * 10 + 1) })).toBe('BAD_USER_INPUT');
    expect(await codeOf(NOTE_BODY, { t: ticket.id, b: 'n'.repeat(16_385) })).toBe('BAD_USER_INPUT');
    expect(await codeOf('mutation($t: ID!) { addNote(ticketId: $t, body: "  ") { id } }', { t: ticket.id })).toBe(
      'BAD_USER_INPUT',
    );
    const { ticket: after } = await server.ok(TICKET, { id: ticket.id });
    expect(after.messageCount).toBe(1);
    expect(after.status).toBe('OPEN');
  });

  it('page sizes over 100, negative sizes, first with last, and foreign cursors are refused', async () => {
    expect(await codeOf('{ tickets(first: 101) { totalCount } }', {})).toBe('BAD_USER_INPUT');
    expect(await codeOf('{ tickets(last: 101) { totalCount } }', {})).toBe('BAD_USER_INPUT');
    expect(await codeOf('{ tickets(first: -1) { totalCount } }', {})).toBe('BAD_USER_INPUT');
    expect(await codeOf('{ tickets(first: 5, last: 5) { totalCount } }', {})).toBe('BAD_USER_INPUT');
    expect(await codeOf('{ tickets(first: 5, after: "garbage!") { totalCount } }', {})).toBe('BAD_USER_INPUT');
    const ticket = await createTicket(server);
    expect(
      await codeOf('query($id: ID!) { ticket(id: $id) { messages(first: 101) { totalCount } } }', { id: ticket.id }),
    ).toBe('BAD_USER_INPUT');
    expect(
      await codeOf('query($id: ID!) { ticket(id: $id) { messages(after: "nope") { totalCount } } }', { id: ticket.id }),
    ).toBe('BAD_USER_INPUT');
  });

  it('a malformed query or unknown field gets a validation error, not a crash', async () => {
    expect(await codeOf('{ tickets { nope } }', {})).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await codeOf('{ tickets(', {})).toBe('GRAPHQL_PARSE_FAILED');
  });
});
