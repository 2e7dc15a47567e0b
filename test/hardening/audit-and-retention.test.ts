// The audit trail of agents' actions, erasure on request, and the retention sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredTickets } from '../../src/support/retention.service.js';
import { createTicket, databases, startServer, uniquePhone, type TestServer } from '../helpers/harness.js';

const AUDIT = `query($t: ID, $a: ID, $first: Int, $before: ID) { auditLog(ticketId: $t, actorId: $a, first: $first, beforeId: $before) {
  id action actorId actorLabel ticketId before after createdAt } }`;

describe.each(databases)('audit trail and data retention on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { NODE_ENV: 'production' });
  });
  afterAll(() => server.close());

  it('records who did what to a ticket, with the state before and after', async () => {
    const agent = await server.createAgent('Oli Auditor');
    const ticket = await createTicket(server);
    await server.ok(
      'mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: URGENT) { id } }',
      { t: ticket.id },
      agent.token,
    );
    await server.ok(
      'mutation($t: ID!) { sendMessage(ticketId: $t, body: "On it") { id } }',
      { t: ticket.id },
      agent.token,
    );
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: ticket.id }, agent.token);
    const entries = (await server.ok(AUDIT, { t: ticket.id })).auditLog;
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual([
      'ticket.closed',
      'message.sent',
      // The first reply took the ticket and moved it to IN_PROGRESS: both are in the trail too.
      'ticket.assigned',
      'ticket.status',
      'ticket.priority',
      'ticket.opened',
    ]);
    const priority = entries.find((entry: { action: string }) => entry.action === 'ticket.priority');
    expect(priority).toMatchObject({
      actorId: agent.id,
      actorLabel: agent.email,
      before: { priority: 'MEDIUM' },
      after: { priority: 'URGENT' },
    });
    const byAgent = (await server.ok(AUDIT, { a: agent.id })).auditLog.map((entry: { action: string }) => entry.action);
    expect(byAgent).toEqual(expect.arrayContaining(['auth.login', 'ticket.priority', 'message.sent', 'ticket.closed']));
  });

  it('pages through the trail, newest first', async () => {
    const first = (await server.ok(AUDIT, { first: 2 })).auditLog;
    const next = (await server.ok(AUDIT, { first: 2, before: first[1].id })).auditLog;
    expect(Number(next[0].id)).toBeLessThan(Number(first[1].id));
  });

  it('is for admins only', async () => {
    const agent = await server.createAgent('Pat Curious');
    expect((await server.gql(AUDIT, {}, agent.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('erases everything about one phone number on request, and only that', async () => {
    const phoneNumber = uniquePhone();
    const keep = await createTicket(server);
    const gone = await createTicket(server, { phoneNumber });
    await server.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "Reply to erase") { id } }', { t: gone.id });
    const { erasePhoneNumber } = await server.ok(
      'mutation($p: String!) { erasePhoneNumber(phoneNumber: $p) { tickets messages } }',
      { p: `+${phoneNumber}` },
    );
    expect(erasePhoneNumber).toEqual({ tickets: 1, messages: 2 });
    expect(
      (await server.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: gone.id }, server.adminToken)).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await server.ok('query($id: ID!) { ticket(id: $id) { id } }', { id: keep.id })).ticket.id).toBe(keep.id);
    const trail = JSON.stringify((await server.ok(AUDIT, { first: 100 })).auditLog);
    expect(trail).not.toContain(phoneNumber);
    expect(trail).toContain('contact.erased');
  });

  it('the retention sweep deletes resolved tickets past the retention period, not open ones', async () => {
    const resolved = await createTicket(server);
    const open = await createTicket(server);
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: resolved.id });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // A period of zero days: everything resolved before now is past it.
    const { services } = server.server;
    const deleted = await deleteExpiredTickets(
      services.orm.em.fork(),
      0,
      { store: services.media, logger: services.logger },
      2,
    );
    expect(deleted).toBeGreaterThanOrEqual(1);
    expect(
      (await server.gql('query($id: ID!) { ticket(id: $id) { id } }', { id: resolved.id }, server.adminToken))
        .errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await server.ok('query($id: ID!) { ticket(id: $id) { status } }', { id: open.id })).ticket.status).toBe(
      'OPEN',
    );
  });
});
