// The badge's "open" figure from the API: open and in-progress tickets together, as an agent reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

const SEND = 'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }';

describe.each(databases)('the badge counts on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  it('counts open and in-progress tickets together as active work', async () => {
    const query = '{ notifications { activeTickets openTickets inProgress } }';
    const before = (await server.ok(query)).notifications;
    const ticket = await createTicket(server);
    await server.ok(SEND, { id: ticket.id, body: 'On it' });
    await createTicket(server);
    const after = (await server.ok(query)).notifications;
    expect(after).toEqual({
      activeTickets: before.activeTickets + 2,
      openTickets: before.openTickets + 1,
      inProgress: before.inProgress + 1,
    });
  });
});
