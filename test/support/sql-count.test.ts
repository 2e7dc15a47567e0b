import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

const DASHBOARD = `query($first: Int) {
  tickets(first: $first) { edges { node { assignee { name } lastMessage { body } preview { body author { name } } messageCount unreadCount } } }
}`;

const isStatement = (line: string) => /\b(select|insert|update|delete)\b/i.test(line);

describe.each(databases)('SQL statements per operation on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
    const agents = [
      await server.createAgent('Ha One'),
      await server.createAgent('Ha Two'),
      await server.createAgent('Ha Three'),
    ];
    for (let index = 0; index < 60; index++) {
      const ticket = await createTicket(server, { senderName: `Person ${index}` });
      const agent = agents[index % agents.length]!;
      if (index % 2 === 0)
        await server.ok(
          'mutation($id: ID!) { sendMessage(ticketId: $id, body: "On it") { id } }',
          { id: ticket.id },
          agent.token,
        );
    }
  });
  afterAll(() => server.close());

  async function statementsFor(first: number): Promise<{ count: number; nodes: number }> {
    server.queries.length = 0;
    const data = await server.ok<{ tickets: { edges: unknown[] } }>(DASHBOARD, { first });
    return { count: server.queries.filter(isStatement).length, nodes: data.tickets.edges.length };
  }

  it('the dashboard list costs the same few statements for 5 tickets as for 50', async () => {
    const small = await statementsFor(5);
    const large = await statementsFor(50);
    expect(small.nodes).toBe(5);
    expect(large.nodes).toBe(50);
    expect(large.count).toBe(small.count);
    // the caller's session, the page, its counts, the assignees, the last messages
    expect(large.count).toBeGreaterThanOrEqual(4);
    expect(large.count).toBeLessThanOrEqual(6);
  });

  it('a ticket with its thread of 50 messages costs a fixed number of statements', async () => {
    const ticket = await createTicket(server);
    for (let index = 0; index < 49; index++) {
      await server.ok('mutation($id: ID!) { addNote(ticketId: $id, body: "note") { id } }', { id: ticket.id });
    }
    server.queries.length = 0;
    const data = await server.ok(
      `query($id: ID!) { ticket(id: $id) { messageCount assignee { name }
        messages(last: 50) { totalCount edges { node { body author { name } ticket { id } } } } } }`,
      { id: ticket.id },
    );
    expect(data.ticket.messages.edges).toHaveLength(50);
    const statements = server.queries.filter(isStatement).length;
    expect(statements).toBeGreaterThanOrEqual(4);
    expect(statements).toBeLessThanOrEqual(7);
  });

  it('a new ticket is read once for all the subscribers of one agent, however many sockets they hold', async () => {
    const query = 'subscription { ticketCreated { id senderName messageCount assignee { name } } }';
    const statementsWith = async (sockets: number) => {
      const clients = Array.from({ length: sockets }, () => server.ws(server.adminToken));
      const events: unknown[] = [];
      await Promise.all(
        clients.map(
          (client) =>
            new Promise<void>((ready) => {
              client.subscribe(
                { query },
                { next: (event) => events.push(event), error: () => undefined, complete: () => undefined },
              );
              client.subscribe(
                { query: '{ me { id } }' },
                { next: () => undefined, error: () => undefined, complete: ready },
              );
            }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      server.queries.length = 0;
      await createTicket(server);
      while (events.length < sockets) await new Promise((resolve) => setTimeout(resolve, 10));
      const count = server.queries.filter(isStatement).length;
      await Promise.all(clients.map((client) => client.dispose()));
      return count;
    };
    const one = await statementsWith(1);
    expect(await statementsWith(10)).toBe(one);
  });
});
