// Third-party tools write their own queries, and anyone can reach the endpoint: what they cannot do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createTicket,
  databases,
  startServer,
  uniquePhone,
  type TestServer,
} from '../helpers/harness.js';

const LEAKS = /select |insert |update |sqlite|mysql|maria|mikro|knex|kysely|\.ts:\d|\.js:\d|at [\w.]+ \(/i;

describe.each(databases)('hostile callers, on a production server on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, {
      NODE_ENV: 'production',
      RATE_LIMIT_LOGIN_ATTEMPTS: '3',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '40',
      RATE_LIMIT_TICKETS_PER_PHONE_PER_HOUR: '2',
    });
  });
  afterAll(() => server.close());

  const post = (body: string, headers: Record<string, string> = {}, token: string | null = server.adminToken) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body,
    });
  const firstError = async (query: string, token: string | null = server.adminToken) => {
    const result = await server.gql(query, {}, token);
    const error = result.errors?.[0];
    expect(JSON.stringify(result.errors ?? [])).not.toMatch(LEAKS);
    return { status: result.status, code: error?.extensions?.code, message: error?.message ?? '' };
  };

  it('refuses deep nesting', async () => {
    let query = 'id';
    for (let level = 0; level < 8; level++) query = `ticket { ${query} }`;
    const error = await firstError(`{ tickets(first: 1) { edges { node { lastMessage { ${query} } } } } }`);
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/depth/i);
  });

  it('refuses alias floods', async () => {
    const aliases = Array.from({ length: 40 }, (_, index) => `a${index}: notifications { openTickets }`).join(' ');
    const error = await firstError(`{ ${aliases} }`);
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/alias/i);
  });

  it('refuses queries whose page sizes multiply past the cost limit, and pages over 100', async () => {
    const expensive = await firstError(
      '{ tickets(first: 100) { edges { node { messages(last: 100) { edges { node { body author { name } } } } } } } }',
    );
    expect(expensive.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(expensive.message).toMatch(/too expensive/);
    expect((await firstError('{ tickets(first: 1000) { totalCount } }')).code).toBe('BAD_USER_INPUT');
  });

  it('refuses huge documents (too many tokens) and bodies over the limit', async () => {
    const fields = Array.from({ length: 4000 }, () => '__typename').join(' ');
    expect((await firstError(`{ ${fields} }`)).code).toBe('GRAPHQL_PARSE_FAILED');
    const response = await post(JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
  });

  it('answers malformed JSON, batches and unknown operation names with a clear 400', async () => {
    const malformed = await post('{"query": "{ __typename }"');
    expect(malformed.status).toBe(400);
    const batch = await post(JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]));
    expect(batch.status).toBe(400);
    const unknown = await post(JSON.stringify({ query: 'query A { me { id } }', operationName: 'B' }));
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).not.toMatch(LEAKS);
  });

  it('blocks cross-site requests (Apollo CSRF prevention)', async () => {
    const simple = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { authorization: `Bearer ${server.adminToken}` },
    });
    expect(simple.status).toBe(400);
    const form = await post('query=%7B%20me%20%7B%20id%20%7D%20%7D', { 'content-type': 'text/plain' });
    expect(form.status).toBe(400);
  });

  it('shows the schema only to callers with a token, and suggests field names only to them', async () => {
    const anonymous = await firstError('{ __schema { types { name } } }', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.code).toBe('UNAUTHENTICATED');
    const introspection = await server.ok('{ __schema { queryType { name } } }');
    expect(introspection.__schema.queryType.name).toBe('Query');
    const stranger = await firstError('{ tickts { totalCount } }', null);
    expect(stranger.message).not.toMatch(/Did you mean/);
    const agent = await firstError('{ tickts { totalCount } }');
    expect(agent.message).toMatch(/Did you mean "tickets"/);
  });

  it('rate-limits failed sign-ins per account, even with the right password afterwards', async () => {
    const login = (password: string) =>
      server.gql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', {
        e: ADMIN_EMAIL,
        p: password,
      });
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await login('wrong')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const limited = await login('wrong');
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await login(ADMIN_PASSWORD)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('rate-limits mutations per token with HTTP 429', async () => {
    const agent = await server.createAgent('Busy Bee');
    const ticket = await createTicket(server);
    const results = [];
    for (let index = 0; index < 42; index++) {
      results.push(
        await server.gql(
          'mutation($t: ID!) { addNote(ticketId: $t, body: "n") { id } }',
          { t: ticket.id },
          agent.token,
        ),
      );
    }
    const limited = results.filter((result) => result.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.status).toBe(429);
    // The limit is per token: another agent is not slowed down by this one.
    expect(
      (
        await server.gql(
          'mutation($t: ID!) { addNote(ticketId: $t, body: "other") { id } }',
          { t: ticket.id },
          server.adminToken,
        )
      ).errors,
    ).toBeUndefined();
  });

  it('limits new tickets per phone number per hour', async () => {
    const phoneNumber = uniquePhone();
    await createTicket(server, { phoneNumber });
    await createTicket(server, { phoneNumber });
    const third = await server.gql(
      'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }',
      { i: { phoneNumber, issueDescription: 'again' } },
      server.adminToken,
    );
    expect(third.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(
      (await server.ok('query($p: String) { tickets(filter: { phoneNumber: $p }) { totalCount } }', { p: phoneNumber }))
        .tickets.totalCount,
    ).toBe(2);
  });
});
