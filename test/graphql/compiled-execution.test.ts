// Compiled execution (GRAPHQL_JIT=1) answers exactly what graphql-js answers: the same operations, sent to two
// servers on the same data (one with it off, one on), give the same status and the same bytes, errors included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

const METRICS_TOKEN = 'metrics-token-for-the-scraper';

interface Operation {
  name: string;
  query: string;
  variables?: (ids: Fixture) => Record<string, unknown>;
  /** Who sends it: the admin, an agent, or nobody. */
  as: 'admin' | 'agent' | 'nobody';
  /** Whether the compiled query answers it (false: refused before execution, a mutation, or bad variables). */
  compiled: boolean;
}

interface Fixture {
  ticketId: string;
  otherTicketId: string;
}

const TICKET_HEAD = `fragment TicketHead on Ticket { __typename id status priority senderName issueDescription createdAt
  assignee { ...Who } contact { phoneNumber name ticketCount } labels { id } }
  fragment Who on Admin { __typename id name role }`;

const CORPUS: Operation[] = [
  {
    name: 'the dashboard list, with nested fields',
    query: `query Dashboard { tickets(first: 50, filter: { status: [OPEN, IN_PROGRESS] }) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      edges { cursor node { id senderName status priority assignee { name } lastMessage { body senderType author { name } }
        messageCount unreadCount } } } }`,
    as: 'agent',
    compiled: true,
  },
  {
    name: 'a ticket in detail, with variables, fragments, aliases and __typename',
    query: `query Detail($id: ID!, $other: ID!, $last: Int) {
      detail: ticket(id: $id) { ...TicketHead thread: messages(last: $last) { totalCount
        edges { node { __typename id body senderType internal deliveryStatus author { ...Who } } } } }
      other: ticket(id: $other) { ...TicketHead }
      __typename } ${TICKET_HEAD}`,
    variables: (ids) => ({ id: ids.ticketId, other: ids.otherTicketId, last: 50 }),
    as: 'agent',
    compiled: true,
  },
  {
    name: 'skip and include from variables',
    query: `query($full: Boolean!, $brief: Boolean!) { tickets(first: 5) { edges { node { id
      lastMessage @include(if: $full) { body } senderName @skip(if: $brief) } } } }`,
    variables: () => ({ full: true, brief: true }),
    as: 'agent',
    compiled: true,
  },
  {
    name: 'the notification badges',
    query: '{ notifications { openTickets inProgress unassigned unreadTickets assignedToMe snoozed hasAlerts } }',
    as: 'agent',
    compiled: true,
  },
  {
    name: 'the caller and the team',
    query: '{ me { id name email role active } admins { id name email role } }',
    as: 'admin',
    compiled: true,
  },
  {
    name: 'an admin-only field asked by an agent (FORBIDDEN)',
    query: '{ me { id } routing { mode defaultCapacity } }',
    as: 'agent',
    compiled: true,
  },
  {
    name: 'a ticket that does not exist',
    query: 'query($id: ID!) { ticket(id: $id) { id status } }',
    variables: () => ({ id: '987654321' }),
    as: 'agent',
    compiled: true,
  },
  {
    name: 'a page larger than allowed (bad input)',
    query: '{ tickets(first: 1000) { edges { node { id } } } }',
    as: 'agent',
    compiled: true,
  },
  {
    name: 'an id that is not one (bad input in a nested list)',
    query: '{ ticket(id: "not-a-number") { id } }',
    as: 'agent',
    compiled: true,
  },
  {
    name: 'variables of the wrong type',
    query: 'query($id: ID!, $last: Int) { ticket(id: $id) { id messages(last: $last) { totalCount } } }',
    variables: () => ({ id: { nested: true }, last: 'many' }),
    as: 'agent',
    compiled: false,
  },
  {
    name: 'introspection of one enum and the root type',
    query: `{ __type(name: "TicketStatus") { name kind description enumValues { name description isDeprecated } }
      __schema { queryType { name } mutationType { name } } }`,
    as: 'agent',
    compiled: true,
  },
  {
    name: '{ __typename } without a token',
    query: '{ __typename }',
    as: 'nobody',
    compiled: true,
  },
  {
    name: 'the ticket list without a token (UNAUTHENTICATED)',
    query: '{ tickets(first: 1) { edges { node { id } } } }',
    as: 'nobody',
    compiled: false,
  },
  {
    name: 'a field that does not exist (validation, with a suggestion)',
    query: '{ tickets(first: 1) { edges { node { idd } } } }',
    as: 'agent',
    compiled: false,
  },
  {
    name: 'a query over the cost limit (refused before execution)',
    query: '{ tickets(first: 100) { edges { node { id messages(last: 100) { edges { node { id body } } } } } } }',
    as: 'agent',
    compiled: false,
  },
  {
    name: 'a mutation that fails (mutations stay in graphql-js)',
    query: 'mutation($t: ID!) { assignTicket(ticketId: $t, adminId: null) { id } }',
    variables: () => ({ t: '987654321' }),
    as: 'agent',
    compiled: false,
  },
];

async function compiledAnswers(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const line = (await response.text()).split('\n').find((l) => l.startsWith('desk_graphql_compiled_answers_total '));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

async function send(server: TestServer, operation: Operation, token: string | null, ids: Fixture) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: operation.query, variables: operation.variables?.(ids) }),
  });
  return { status: response.status, body: await response.text() };
}

it('is on unless GRAPHQL_JIT=0', () => {
  expect(loadConfig({}).compiledQueries).toBe(true);
  expect(loadConfig({ GRAPHQL_JIT: '1' }).compiledQueries).toBe(true);
  expect(loadConfig({ GRAPHQL_JIT: '0' }).compiledQueries).toBe(false);
  expect(() => loadConfig({ GRAPHQL_JIT: 'maybe' })).toThrow(/GRAPHQL_JIT/);
});

describe.each(databases)('compiled execution on %s', (kind) => {
  describe.each(['test', 'production'])('NODE_ENV=%s', (nodeEnv) => {
    let plain: TestServer;
    let compiled: TestServer;
    let tokens: Record<Operation['as'], string | null>;
    let ids: Fixture;

    beforeAll(async () => {
      const env = { NODE_ENV: nodeEnv, METRICS_TOKEN };
      plain = await startServer(kind, { ...env, GRAPHQL_JIT: '0' });
      compiled = await startServer(kind, { ...env, GRAPHQL_JIT: '1' }, { database: plain.database });
      const agent = await plain.createAgent('Dana Agent');
      const first = await createTicket(plain, { senderName: 'Ann Lee' });
      const second = await createTicket(plain, { senderName: 'Bo Chen', priority: 'HIGH' });
      await createTicket(plain, { senderName: 'Cy Diaz' });
      await plain.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
        t: first.id,
        a: agent.id,
      });
      for (const body of ['Looking into it', 'Found your results']) {
        await plain.ok('mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }', {
          id: first.id,
          body,
        });
      }
      await plain.ok('mutation($id: ID!) { addNote(ticketId: $id, body: "VIP student") { id } }', { id: first.id });
      tokens = { admin: plain.adminToken, agent: agent.token, nobody: null };
      ids = { ticketId: first.id, otherTicketId: second.id };
    });
    afterAll(async () => {
      await compiled?.close();
      await plain?.close();
    });

    it.each(CORPUS.map((operation) => [operation.name, operation] as const))(
      '%s: the same answer, compiled or not',
      async (_name, operation) => {
        const token = tokens[operation.as];
        const expected = await send(plain, operation, token, ids);
        const before = await compiledAnswers(compiled);
        // The first sight of a document runs in graphql-js, the second compiles it, the third uses the compiled one.
        const answers = [];
        for (let i = 0; i < 3; i++) answers.push(await send(compiled, operation, token, ids));
        for (const answer of answers) expect(answer).toEqual(expected);
        expect(await compiledAnswers(compiled)).toBe(before + (operation.compiled ? 2 : 0));
      },
    );

    it('the corpus covers data and errors', async () => {
      const bodies = await Promise.all(CORPUS.map(async (op) => (await send(plain, op, tokens[op.as], ids)).body));
      const codes = bodies.flatMap((body) => (JSON.parse(body).errors ?? []).map((e: any) => e.extensions?.code));
      expect(new Set(codes)).toEqual(
        new Set([
          'FORBIDDEN',
          'NOT_FOUND',
          'BAD_USER_INPUT',
          'UNAUTHENTICATED',
          'GRAPHQL_VALIDATION_FAILED',
          ...codes.filter((code: string) => code === 'INTERNAL_SERVER_ERROR'),
        ]),
      );
      expect(JSON.parse(bodies[0] as string).data.tickets.edges.length).toBe(3);
    });
  });
});
