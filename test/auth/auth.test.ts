// Authentication and authorisation through the real server: sign-in, sessions, roles, API tokens
// with scopes and expiry, and the WebSocket door, on every database.
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createTicket,
  databases,
  startServer,
  type GraphqlResponse,
  type TestServer,
} from '../helpers/harness.js';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token admin { id email name role } } }';
const CREATE_AGENT = 'mutation($i: CreateAgentInput!) { createAgent(input: $i) { id email name role } }';
const CREATE_TOKEN = `mutation($n: String!, $s: [ApiScope!]!, $x: DateTime) {
  createApiToken(name: $n, scopes: $s, expiresAt: $x) { token apiToken { id name scopes createdAt expiresAt revokedAt } } }`;
const API_TOKENS = '{ apiTokens { id name scopes createdAt expiresAt revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeApiToken(id: $id) }';
const TICKETS = '{ tickets { totalCount } }';
const CREATE_TICKET =
  'mutation { createTicket(input: { phoneNumber: "447700900123", issueDescription: "from the auth suite" }) { id } }';
const TICKET_CREATED = 'subscription { ticketCreated { id } }';

type Outcome = { data: unknown } | { errors: unknown } | { closed: number } | { completed: true };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The first thing an operation over this client yields: data, GraphQL errors, a close code, or completion. */
const firstOutcome = (client: Client, query: string) =>
  new Promise<Outcome>((resolve) => {
    client.subscribe(
      { query },
      {
        next: (result) => resolve(result.errors ? { errors: result.errors } : { data: result.data }),
        error: (error) => resolve({ closed: (error as { code?: number }).code ?? -1 }),
        complete: () => resolve({ completed: true }),
      },
    );
  });

/** A refusal as a caller sees it: the code, no data for the field, and a message without stack traces or SQL. */
function expectRefused(result: GraphqlResponse, code: string, status?: number) {
  expect(result.errors?.[0]?.extensions?.code).toBe(code);
  if (status !== undefined) expect(result.status).toBe(status);
  for (const { message } of result.errors ?? []) {
    expect(message).not.toMatch(
      /\n\s+at |\.ts:\d+|\b(select|insert|update|delete)\b .*\b(from|into|set)\b|sqlite|mysql|mariadb|ER_/i,
    );
  }
}

describe.each(databases)('authentication and authorisation on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  const makeToken = async (scopes: string[], expiresAt?: string) =>
    (
      await server.ok<{ createApiToken: { token: string; apiToken: { id: string; name: string } } }>(CREATE_TOKEN, {
        n: `tool ${scopes.join('+')}`,
        s: scopes,
        x: expiresAt,
      })
    ).createApiToken;
  const ticketCount = async () => (await server.ok(TICKETS)).tickets.totalCount as number;
  const agentInput = (overrides: Record<string, unknown> = {}) => ({
    email: `new.${Math.random().toString(36).slice(2, 10)}@example.test`,
    name: 'New Agent',
    password: 'long enough 1',
    role: 'AGENT',
    ...overrides,
  });

  describe('signing in and out', () => {
    it('login with the right password returns a session token and the admin it belongs to', async () => {
      const result = await server.gql(LOGIN, { e: ` ${ADMIN_EMAIL.toUpperCase()} `, p: ADMIN_PASSWORD });
      expect(result.errors).toBeUndefined();
      expect(result.data?.login.admin).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN' });
      const me = await server.ok('{ me { email } }', {}, result.data?.login.token);
      expect(me.me.email).toBe(ADMIN_EMAIL);
    });

    it('a wrong password and an unknown email are both UNAUTHENTICATED with the same message and no token', async () => {
      const wrong = await server.gql(LOGIN, { e: ADMIN_EMAIL, p: 'not the password' });
      const unknown = await server.gql(LOGIN, { e: 'nobody@example.test', p: ADMIN_PASSWORD });
      expectRefused(wrong, 'UNAUTHENTICATED');
      expectRefused(unknown, 'UNAUTHENTICATED');
      expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
      expect(wrong.data?.login ?? null).toBeNull();
      expect(unknown.data?.login ?? null).toBeNull();
    });

    it('logout ends the calling session: its token is then refused, other sessions go on', async () => {
      const token = await server.login();
      const other = await server.login();
      expect((await server.ok('{ me { email } }', {}, token)).me.email).toBe(ADMIN_EMAIL); // now remembered by the server
      expect((await server.ok('mutation { logout }', {}, token)).logout).toBe(true);
      expectRefused(await server.gql('{ me { email } }', {}, token), 'UNAUTHENTICATED', 401);
      expect((await server.ok('{ me { email } }', {}, other)).me.email).toBe(ADMIN_EMAIL);
    });

    it('logout with an API token answers false and leaves the token working', async () => {
      const { token } = await makeToken(['READ', 'WRITE']);
      expect((await server.ok('mutation { logout }', {}, token)).logout).toBe(false);
      expect((await server.ok('{ me { email } }', {}, token)).me.email).toBe(ADMIN_EMAIL);
    });
  });

  describe('without a valid token', () => {
    it('a query is refused with HTTP 401 and UNAUTHENTICATED, and returns no data', async () => {
      const result = await server.gql(TICKETS, {}, null);
      expectRefused(result, 'UNAUTHENTICATED', 401);
      expect(result.data ?? null).toBeNull();
    });

    it('a mutation is refused with HTTP 401 and changes nothing', async () => {
      const before = await ticketCount();
      expectRefused(await server.gql(CREATE_TICKET, {}, null), 'UNAUTHENTICATED', 401);
      expect(await ticketCount()).toBe(before);
    });

    it('forged and malformed tokens are refused like no token', async () => {
      for (const token of ['sess_forged', 'sat_forged', 'garbage']) {
        expectRefused(await server.gql(TICKETS, {}, token), 'UNAUTHENTICATED', 401);
      }
    });

    it('only a bare __typename is answered; introspection or __typename beside a field is refused', async () => {
      expect((await server.gql('{ __typename }', {}, null)).data).toEqual({ __typename: 'Query' });
      expectRefused(await server.gql('{ __schema { queryType { name } } }', {}, null), 'UNAUTHENTICATED', 401);
      expectRefused(await server.gql('{ __typename me { id } }', {}, null), 'UNAUTHENTICATED', 401);
    });
  });

  describe('agents and roles', () => {
    it('me returns the signed-in agent, and admins lists active agents by name', async () => {
      const agent = await server.createAgent('Zoe Agent');
      expect((await server.ok('{ me { id email role } }', {}, agent.token)).me).toEqual({
        id: agent.id,
        email: agent.email,
        role: 'AGENT',
      });
      const names: string[] = (await server.ok('{ admins { name } }', {}, agent.token)).admins.map(
        (admin: { name: string }) => admin.name,
      );
      expect(names).toEqual(expect.arrayContaining(['Admin', 'Zoe Agent']));
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    });

    it('an admin creates an agent who can then sign in with that role', async () => {
      const input = agentInput({ name: 'Signed Up', role: 'ADMIN' });
      const created = (await server.ok(CREATE_AGENT, { i: input })).createAgent;
      expect(created).toMatchObject({ email: input.email, name: 'Signed Up', role: 'ADMIN' });
      const login = await server.gql(LOGIN, { e: input.email, p: input.password });
      expect(login.data?.login.admin).toEqual({ id: created.id, email: input.email, name: 'Signed Up', role: 'ADMIN' });
    });

    it('an agent may not create agents (FORBIDDEN), and no account appears', async () => {
      const agent = await server.createAgent('Yan Agent');
      const input = agentInput();
      expectRefused(await server.gql(CREATE_AGENT, { i: input }, agent.token), 'FORBIDDEN');
      expectRefused(await server.gql(LOGIN, { e: input.email, p: input.password }), 'UNAUTHENTICATED');
    });

    it('an API token may not create agents, even with WRITE', async () => {
      const { token } = await makeToken(['READ', 'WRITE']);
      expectRefused(await server.gql(CREATE_AGENT, { i: agentInput() }, token), 'FORBIDDEN');
    });

    it('a short password, a bad email, a blank name or a taken email is BAD_USER_INPUT', async () => {
      const create = (i: Record<string, unknown>) => server.gql(CREATE_AGENT, { i }, server.adminToken);
      expectRefused(await create(agentInput({ password: 'short' })), 'BAD_USER_INPUT');
      expectRefused(await create(agentInput({ email: 'not-an-email' })), 'BAD_USER_INPUT');
      expectRefused(await create(agentInput({ name: '   ' })), 'BAD_USER_INPUT');
      const taken = agentInput();
      expect((await create(taken)).data?.createAgent.id).toBeTruthy();
      expectRefused(await create({ ...taken, email: taken.email.toUpperCase() }), 'BAD_USER_INPUT');
    });

    it('an email too long to store is BAD_USER_INPUT, not an internal error', async () => {
      expectRefused(
        await server.gql(
          CREATE_AGENT,
          { i: agentInput({ email: `${'a'.repeat(300)}@example.test` }) },
          server.adminToken,
        ),
        'BAD_USER_INPUT',
      );
    });

    it('the same new email sent twice at once creates one agent; the other is BAD_USER_INPUT', async () => {
      const input = agentInput();
      const results = await Promise.all([1, 2, 3].map(() => server.gql(CREATE_AGENT, { i: input }, server.adminToken)));
      expect(results.filter((result) => result.data?.createAgent?.id)).toHaveLength(1);
      for (const result of results.filter((r) => r.errors)) expectRefused(result, 'BAD_USER_INPUT');
    });
  });

  describe('API tokens', () => {
    it('creating a token shows its secret once, with its name, scopes and dates', async () => {
      const made = (await server.ok(CREATE_TOKEN, { n: 'reporting tool', s: ['READ', 'READ'] })).createApiToken;
      expect(made.token).toEqual(expect.any(String));
      expect(made.apiToken).toMatchObject({
        name: 'reporting tool',
        scopes: ['READ'],
        expiresAt: null,
        revokedAt: null,
      });
      expect(Math.abs(Date.parse(made.apiToken.createdAt) - Date.now())).toBeLessThan(60_000);
    });

    it('apiTokens lists tokens newest first, never with their secrets', async () => {
      const older = await makeToken(['READ']);
      const newer = await makeToken(['WRITE']);
      const listed = await server.gql(API_TOKENS, {}, server.adminToken);
      const ids = listed.data?.apiTokens.map((token: { id: string }) => token.id);
      expect(ids.indexOf(newer.apiToken.id)).toBeLessThan(ids.indexOf(older.apiToken.id));
      expect(JSON.stringify(listed)).not.toContain(older.token);
      expect(JSON.stringify(listed)).not.toContain(newer.token);
      expectRefused(await server.gql('{ apiTokens { token } }', {}, server.adminToken), 'GRAPHQL_VALIDATION_FAILED');
    });

    it('an API token acts as the admin who made it', async () => {
      const { token } = await makeToken(['READ']);
      expect((await server.ok('{ me { email role } }', {}, token)).me).toEqual({ email: ADMIN_EMAIL, role: 'ADMIN' });
    });

    it('a READ token may query, but a mutation is refused with HTTP 403 and changes nothing', async () => {
      const { token } = await makeToken(['READ']);
      expect((await server.ok(TICKETS, {}, token)).tickets.totalCount).toEqual(expect.any(Number));
      const before = await ticketCount();
      expectRefused(await server.gql(CREATE_TICKET, {}, token), 'FORBIDDEN', 403);
      expect(await ticketCount()).toBe(before);
    });

    it('a WRITE token may change things, and query: WRITE includes READ', async () => {
      const { token } = await makeToken(['WRITE']);
      expect((await server.ok(CREATE_TICKET, {}, token)).createTicket.id).toBeTruthy();
      expect((await server.ok(TICKETS, {}, token)).tickets.totalCount).toEqual(expect.any(Number));
    });

    it('an agent may not create, list or revoke API tokens', async () => {
      const agent = await server.createAgent('Xia Agent');
      const target = await makeToken(['READ']);
      expectRefused(await server.gql(CREATE_TOKEN, { n: 'mine', s: ['READ'] }, agent.token), 'FORBIDDEN');
      expectRefused(await server.gql(API_TOKENS, {}, agent.token), 'FORBIDDEN');
      expectRefused(await server.gql(REVOKE, { id: target.apiToken.id }, agent.token), 'FORBIDDEN');
      expect((await server.ok(TICKETS, {}, target.token)).tickets).toBeTruthy();
    });

    it('an API token may not create, list or revoke API tokens', async () => {
      const { token, apiToken } = await makeToken(['READ', 'WRITE']);
      expectRefused(await server.gql(CREATE_TOKEN, { n: 'child', s: ['READ'] }, token), 'FORBIDDEN');
      expectRefused(await server.gql(API_TOKENS, {}, token), 'FORBIDDEN');
      expectRefused(await server.gql(REVOKE, { id: apiToken.id }, token), 'FORBIDDEN');
    });

    it('a revoked API token is refused at once, even right after use', async () => {
      const { token, apiToken } = await makeToken(['READ']);
      expect((await server.gql(TICKETS, {}, token)).status).toBe(200);
      expect((await server.ok(REVOKE, { id: apiToken.id })).revokeApiToken).toBe(true);
      expectRefused(await server.gql(TICKETS, {}, token), 'UNAUTHENTICATED', 401);
    });

    it('a revoked token is listed with revokedAt, and revoking it again answers false', async () => {
      const { apiToken } = await makeToken(['READ']);
      await server.ok(REVOKE, { id: apiToken.id });
      const listed = (await server.ok(API_TOKENS)).apiTokens.find((token: { id: string }) => token.id === apiToken.id);
      expect(listed.revokedAt).toEqual(expect.any(String));
      expect((await server.ok(REVOKE, { id: apiToken.id })).revokeApiToken).toBe(false);
    });

    it('revoking an unknown token id is NOT_FOUND', async () => {
      expectRefused(await server.gql(REVOKE, { id: '999999' }, server.adminToken), 'NOT_FOUND');
      expectRefused(await server.gql(REVOKE, { id: 'not-a-number' }, server.adminToken), 'NOT_FOUND');
    });

    it('a token stops working once its expiry passes', async () => {
      const { token, apiToken } = await makeToken(['READ'], new Date(Date.now() + 2000).toISOString());
      expect(
        (await server.ok(API_TOKENS)).apiTokens.find((t: { id: string }) => t.id === apiToken.id).expiresAt,
      ).toEqual(expect.any(String));
      expect((await server.gql(TICKETS, {}, token)).status).toBe(200);
      await sleep(2300);
      expectRefused(await server.gql(TICKETS, {}, token), 'UNAUTHENTICATED', 401);
    });

    it('an expiry in the past, no scopes or a blank name is BAD_USER_INPUT', async () => {
      const past = new Date(Date.now() - 60_000).toISOString();
      expectRefused(
        await server.gql(CREATE_TOKEN, { n: 'old', s: ['READ'], x: past }, server.adminToken),
        'BAD_USER_INPUT',
      );
      expectRefused(await server.gql(CREATE_TOKEN, { n: 'none', s: [] }, server.adminToken), 'BAD_USER_INPUT');
      expectRefused(await server.gql(CREATE_TOKEN, { n: '  ', s: ['READ'] }, server.adminToken), 'BAD_USER_INPUT');
    });
  });

  describe('over WebSocket', () => {
    it('a socket without a token, or with a bad or revoked one, is closed with 4403', async () => {
      const revoked = await makeToken(['READ']);
      await server.ok(REVOKE, { id: revoked.apiToken.id });
      for (const token of [null, 'sess_forged', 'garbage', revoked.token]) {
        expect(await firstOutcome(server.ws(token), TICKET_CREATED)).toEqual({ closed: 4403 });
      }
    });

    it('a session may subscribe and receives events', async () => {
      const client = server.ws(server.adminToken);
      const event = firstOutcome(client, TICKET_CREATED);
      expect(await firstOutcome(client, '{ me { email } }')).toEqual({ data: { me: { email: ADMIN_EMAIL } } });
      await sleep(100);
      const ticket = await createTicket(server);
      expect(await event).toEqual({ data: { ticketCreated: { id: ticket.id } } });
    });

    it('a READ token may subscribe and receives events', async () => {
      const client = server.ws((await makeToken(['READ'])).token);
      const event = firstOutcome(client, TICKET_CREATED);
      await firstOutcome(client, '{ me { id } }');
      await sleep(100);
      const ticket = await createTicket(server);
      expect(await event).toEqual({ data: { ticketCreated: { id: ticket.id } } });
    });

    it('a WRITE token may subscribe: WRITE includes READ', async () => {
      const client = server.ws((await makeToken(['WRITE'])).token);
      const event = firstOutcome(client, TICKET_CREATED);
      await sleep(100);
      const ticket = await createTicket(server);
      expect(await event).toEqual({ data: { ticketCreated: { id: ticket.id } } });
    });

    it('after logout, the socket of that session is closed with 4403 on its next operation', async () => {
      const token = await server.login();
      const client = server.ws(token);
      expect(await firstOutcome(client, '{ me { email } }')).toEqual({ data: { me: { email: ADMIN_EMAIL } } });
      await server.ok('mutation { logout }', {}, token);
      expect(await firstOutcome(client, '{ me { email } }')).toEqual({ closed: 4403 });
    });

    it('a live subscription stops delivering once its session signs out', async () => {
      const token = await server.login();
      const client = server.ws(token);
      const received: unknown[] = [];
      client.subscribe(
        { query: TICKET_CREATED },
        { next: (result) => received.push(result), error: () => undefined, complete: () => undefined },
      );
      await firstOutcome(client, '{ me { id } }');
      await sleep(100);
      await server.ok('mutation { logout }', {}, token);
      await createTicket(server);
      await sleep(500);
      expect(received).toEqual([]);
    });
  });
});
