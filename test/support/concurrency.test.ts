import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

describe.each(databases)('two agents changing one ticket at once on %s', (kind) => {
  let server: TestServer;
  let agents: { id: string; token: string }[];
  beforeAll(async () => {
    server = await startServer(kind);
    agents = [await server.createAgent('Ivy One'), await server.createAgent('Jo Two')];
  });
  afterAll(() => server.close());

  it('simultaneous replies all land, or are refused with CONFLICT and leave no trace', async () => {
    const ticket = await createTicket(server);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        server.gql(
          'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }',
          { id: ticket.id, body: `reply ${index}` },
          agents[index % 2]!.token,
        ),
      ),
    );
    const landed = results.filter((result) => result.data?.sendMessage);
    const refused = results.filter((result) => result.errors?.length);
    for (const result of refused) expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(landed.length + refused.length).toBe(12);
    expect(landed.length).toBeGreaterThan(0);
    const after = await server.ok(
      'query($id: ID!) { ticket(id: $id) { messageCount status messages(first: 100) { edges { node { body } } } } }',
      { id: ticket.id },
    );
    expect(after.ticket.messageCount).toBe(1 + landed.length);
    expect(after.ticket.status).toBe('IN_PROGRESS');
  });

  it('simultaneous changes of different fields all take effect: no update is lost', async () => {
    const ticket = await createTicket(server);
    const [priority, assignment] = await Promise.all([
      server.gql(
        'mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: HIGH) { id } }',
        { t: ticket.id },
        agents[0]!.token,
      ),
      server.gql(
        'mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }',
        { t: ticket.id, a: agents[1]!.id },
        agents[1]!.token,
      ),
    ]);
    const after = await server.ok('query($id: ID!) { ticket(id: $id) { priority assignee { id } } }', {
      id: ticket.id,
    });
    if (priority.data?.setTicketPriority) expect(after.ticket.priority).toBe('HIGH');
    else expect(priority.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    if (assignment.data?.assignTicket) expect(after.ticket.assignee?.id).toBe(agents[1]!.id);
    else expect(assignment.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });
});
