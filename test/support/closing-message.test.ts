// Resolving with the closing message the agent chose: their edited text within WhatsApp's limit, the default, or
// none at all; a refused message changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, startServer, type TestServer } from '../helpers/harness.js';

const THREAD = `query($id: ID!) { ticket(id: $id) { status messages(last: 10) { edges { node { body senderType } } } } }`;
const CLOSE = `mutation($t: ID!, $m: String, $send: Boolean) {
  closeTicket(ticketId: $t, message: $m, sendClosingMessage: $send) { status }
}`;

describe('the closing message an agent chooses', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite');
  });
  afterAll(() => server.close());

  const bodies = async (id: string) => {
    const { ticket } = await server.ok(THREAD, { id });
    return {
      status: ticket.status,
      bodies: ticket.messages.edges.map(({ node }: { node: { body: string } }) => node.body),
    };
  };

  it('the default closing message is readable, to prefill what the agent edits', async () => {
    const { defaultClosingMessage } = await server.ok('{ defaultClosingMessage }');
    expect(defaultClosingMessage).toBe('✅ Your support ticket has been resolved!');
  });

  it('sendClosingMessage: false resolves the ticket and sends the person nothing', async () => {
    const ticket = await createTicket(server, { issueDescription: 'my card is blocked' });
    await server.ok(CLOSE, { t: ticket.id, send: false });
    expect(await bodies(ticket.id)).toEqual({ status: 'RESOLVED', bodies: ['my card is blocked'] });
  });

  it('a closing message over 4096 characters is BAD_USER_INPUT and leaves the ticket open', async () => {
    const ticket = await createTicket(server, { issueDescription: 'too long' });
    const answer = await server.gql(CLOSE, { t: ticket.id, m: 'x'.repeat(4097) }, server.adminToken);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answer.errors?.[0]?.message).toMatch(/at most 4096 characters/);
    expect(await bodies(ticket.id)).toEqual({ status: 'OPEN', bodies: ['too long'] });
  });

  it('a written message with sendClosingMessage: false is refused, not silently dropped', async () => {
    const ticket = await createTicket(server, { issueDescription: 'mixed signals' });
    const answer = await server.gql(CLOSE, { t: ticket.id, m: 'Bye!', send: false }, server.adminToken);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await bodies(ticket.id)).toEqual({ status: 'OPEN', bodies: ['mixed signals'] });
  });
});
