// API token scopes as a tool meets them: READ reads, WRITE changes and (because a change answers with what it
// changed) reads too. No token reads more than its scopes say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

const CREATE_TOKEN =
  'mutation($s: [ApiScope!]!) { createApiToken(name: "tool", scopes: $s) { token apiToken { scopes } } }';
const THREAD_THROUGH_MUTATION = `mutation($t: ID!) { markTicketRead(ticketId: $t) {
  id messages(last: 10) { edges { node { body internal } } } contact { notes } } }`;

describe.each(databases)('API token scopes, on a production server on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { NODE_ENV: 'production' });
  });
  afterAll(() => server?.close());

  const makeToken = async (scopes: string[]) =>
    (await server.ok(CREATE_TOKEN, { s: scopes })).createApiToken as { token: string; apiToken: { scopes: string[] } };

  it('a token asked for with WRITE is made with READ and WRITE, and says so', async () => {
    const made = await makeToken(['WRITE']);
    expect(made.apiToken.scopes).toEqual(['READ', 'WRITE']);
    const listed = (await server.ok('{ apiTokens { scopes } }')).apiTokens as { scopes: string[] }[];
    expect(listed.every((token) => token.scopes.includes('READ'))).toBe(true);
  });

  it('a WRITE token reads what its changes answer with, and the same through queries, HTTP routes and subscriptions', async () => {
    const { token } = await makeToken(['WRITE']);
    const ticket = await createTicket(server);
    await server.ok('mutation($t: ID!) { addNote(ticketId: $t, body: "internal only") { id } }', { t: ticket.id });
    const changed = await server.ok(THREAD_THROUGH_MUTATION, { t: ticket.id }, token);
    expect(changed.markTicketRead.messages.edges.map((edge: { node: { body: string } }) => edge.node.body)).toContain(
      'internal only',
    );
    const read = await server.ok(
      'query($t: ID!) { ticket(id: $t) { messages(last: 10) { edges { node { body } } } } }',
      { t: ticket.id },
      token,
    );
    expect(read.ticket.messages.edges).toHaveLength(changed.markTicketRead.messages.edges.length);
    const csv = await fetch(`${server.url}/reports/days.csv?from=2026-01-01&to=2026-01-02`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csv.status).toBe(200);
    const subscription = server.ws(token).iterate({ query: 'subscription { ticketCreated { id } }' });
    const next = subscription.next();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const created = await createTicket(server);
    expect(((await next).value as { data: { ticketCreated: { id: string } } }).data.ticketCreated.id).toBe(created.id);
    await subscription.return?.();
  });

  it('a READ token still changes nothing, not even a read mark (HTTP 403)', async () => {
    const { token } = await makeToken(['READ']);
    const ticket = await createTicket(server);
    const refused = await server.gql(THREAD_THROUGH_MUTATION, { t: ticket.id }, token);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(refused.data ?? null).toBeNull();
  });
});
