// Who may do what: sign-in, sessions, API tokens with scopes, roles, and the WebSocket door.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token admin { email role } } }';
const CREATE_TOKEN = 'mutation($n: String!, $s: [ApiScope!]!, $x: DateTime) { createApiToken(name: $n, scopes: $s, expiresAt: $x) { token apiToken { id name scopes revokedAt } } }';
const TICKETS = '{ tickets { totalCount } }';
const CREATE_TICKET = 'mutation { createTicket(input: { phoneNumber: "447700900001", issueDescription: "from a tool" }) { id } }';

describe.each(databases)('access control on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind);
  });
  afterAll(() => server.close());

  const codeOf = (result: { errors?: { extensions?: { code?: string } }[] }) => result.errors?.[0]?.extensions?.code;
  const makeToken = async (scopes: string[], expiresAt?: string) => (await server.ok(CREATE_TOKEN, { n: `tool ${scopes.join('+')}`, s: scopes, x: expiresAt })).createApiToken;

  it('signs in with the right password and not with a wrong one or an unknown email, saying the same either way', async () => {
    const good = await server.gql(LOGIN, { e: ADMIN_EMAIL.toUpperCase(), p: ADMIN_PASSWORD });
    expect(good.data?.login.admin).toEqual({ email: ADMIN_EMAIL, role: 'ADMIN' });
    expect(good.data?.login.token).toMatch(/^sess_/);
    const wrong = await server.gql(LOGIN, { e: ADMIN_EMAIL, p: 'not the password' });
    const unknown = await server.gql(LOGIN, { e: 'nobody@example.test', p: ADMIN_PASSWORD });
    expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
    expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(wrong.data?.login ?? null).toBeNull();
  });

  it('refuses every operation but login without a valid token, with HTTP 401, and runs nothing', async () => {
    const before = (await server.ok(TICKETS)).tickets.totalCount;
    for (const token of [null, 'sess_forged', 'sat_forged', 'garbage']) {
      const query = await server.gql(TICKETS, {}, token);
      expect(query.status).toBe(401);
      expect(codeOf(query)).toBe('UNAUTHENTICATED');
      expect(query.data ?? null).toBeNull();
      const mutation = await server.gql(CREATE_TICKET, {}, token);
      expect(codeOf(mutation)).toBe('UNAUTHENTICATED');
    }
    expect((await server.ok(TICKETS)).tickets.totalCount).toBe(before);
  });

  it('me tells who the token belongs to, and admins lists the active agents by name', async () => {
    const agent = await server.createAgent('Zed Agent');
    expect((await server.ok('{ me { email role } }', {}, agent.token)).me).toEqual({ email: agent.email, role: 'AGENT' });
    const names = (await server.ok('{ admins { name } }', {}, agent.token)).admins.map((admin: { name: string }) => admin.name);
    expect(names).toContain('Zed Agent');
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));
  });

  it('logout ends the session: its token is refused afterwards', async () => {
    const token = await server.login();
    expect((await server.ok('mutation { logout }', {}, token)).logout).toBe(true);
    const after = await server.gql('{ me { email } }', {}, token);
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
  });

  it('only admins create agents; bad agent details are refused', async () => {
    const agent = await server.createAgent('Yan Agent');
    const input = { email: 'new.agent@example.test', name: 'New Agent', password: 'long enough 1', role: 'AGENT' };
    const byAgent = await server.gql('mutation($i: CreateAgentInput!) { createAgent(input: $i) { id } }', { i: input }, agent.token);
    expect(codeOf(byAgent)).toBe('FORBIDDEN');
    const create = (i: object) => server.gql('mutation($i: CreateAgentInput!) { createAgent(input: $i) { id } }', { i }, server.adminToken);
    expect(codeOf(await create({ ...input, password: 'short' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create({ ...input, email: 'not-an-email' }))).toBe('BAD_USER_INPUT');
    expect((await create(input)).data?.createAgent.id).toBeTruthy();
    expect(codeOf(await create(input))).toBe('BAD_USER_INPUT');
  });

  it('an API token shows its secret once, is stored without it, and acts as the admin who made it', async () => {
    const made = await makeToken(['READ', 'WRITE']);
    expect(made.token).toMatch(/^sat_/);
    expect(made.apiToken).toMatchObject({ scopes: ['READ', 'WRITE'], revokedAt: null });
    const listed = (await server.ok('{ apiTokens { id name scopes } }')).apiTokens;
    expect(listed).toContainEqual({ id: made.apiToken.id, name: made.apiToken.name, scopes: ['READ', 'WRITE'] });
    expect(JSON.stringify(listed)).not.toContain(made.token);
    expect((await server.ok('{ me { email } }', {}, made.token)).me.email).toBe(ADMIN_EMAIL);
    expect((await server.ok(CREATE_TICKET, {}, made.token)).createTicket.id).toBeTruthy();
  });

  it('a READ token may query but not change anything; a WRITE token may change but not query', async () => {
    const reader = (await makeToken(['READ'])).token;
    const writer = (await makeToken(['WRITE'])).token;
    expect((await server.ok(TICKETS, {}, reader)).tickets.totalCount).toBeGreaterThanOrEqual(0);
    const readerWrites = await server.gql(CREATE_TICKET, {}, reader);
    expect(readerWrites.status).toBe(403);
    expect(codeOf(readerWrites)).toBe('FORBIDDEN');
    expect((await server.ok(CREATE_TICKET, {}, writer)).createTicket.id).toBeTruthy();
    const writerReads = await server.gql(TICKETS, {}, writer);
    expect(writerReads.status).toBe(403);
    expect(codeOf(writerReads)).toBe('FORBIDDEN');
  });

  it('only an admin signed in (not an agent, not an API token) creates or revokes API tokens', async () => {
    const agent = await server.createAgent('Xia Agent');
    expect(codeOf(await server.gql(CREATE_TOKEN, { n: 'x', s: ['READ'] }, agent.token))).toBe('FORBIDDEN');
    const tool = (await makeToken(['READ', 'WRITE'])).token;
    expect(codeOf(await server.gql(CREATE_TOKEN, { n: 'x', s: ['READ'] }, tool))).toBe('FORBIDDEN');
    const target = await makeToken(['READ']);
    expect(codeOf(await server.gql('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: target.apiToken.id }, agent.token))).toBe('FORBIDDEN');
  });

  it('a revoked API token is refused; revoking an unknown token is NOT_FOUND', async () => {
    const made = await makeToken(['READ']);
    expect((await server.ok('mutation($id: ID!) { revokeApiToken(id: $id) }', { id: made.apiToken.id })).revokeApiToken).toBe(true);
    const after = await server.gql(TICKETS, {}, made.token);
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql('mutation { revokeApiToken(id: "999999") }', {}, server.adminToken))).toBe('NOT_FOUND');
  });

  it('an API token stops working when it expires; an expiry in the past or no scopes is refused', async () => {
    const made = await makeToken(['READ'], new Date(Date.now() + 1500).toISOString());
    expect((await server.gql(TICKETS, {}, made.token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(codeOf(await server.gql(TICKETS, {}, made.token))).toBe('UNAUTHENTICATED');
    expect(codeOf(await server.gql(CREATE_TOKEN, { n: 'old', s: ['READ'], x: new Date(Date.now() - 1000).toISOString() }, server.adminToken))).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql(CREATE_TOKEN, { n: 'none', s: [] }, server.adminToken))).toBe('BAD_USER_INPUT');
  });

  it('a WebSocket without a valid token is closed with 4403; with one it is served', async () => {
    const closeCodeFor = (token: string | null) =>
      new Promise<number>((resolve) => {
        server.ws(token).subscribe({ query: 'subscription { ticketCreated { id } }' }, {
          next: () => resolve(0),
          error: (error) => resolve((error as { code?: number }).code ?? -1),
          complete: () => resolve(-2),
        });
      });
    expect(await closeCodeFor(null)).toBe(4403);
    expect(await closeCodeFor('sess_forged')).toBe(4403);
    const served = closeCodeFor(server.adminToken);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await createTicket(server);
    expect(await served).toBe(0);
  });
});
