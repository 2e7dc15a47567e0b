// Cursors are opaque: one this server did not give out, for this list, is refused as bad input, never an error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, uniquePhone, type TestServer } from '../helpers/harness.js';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Cursors no list of ours makes: wrong shapes, wrong types, other encodings, and what is not base64 at all. */
const FORGED: [string, string][] = [
  ['the one reported (["\\\\",1])', 'WyJcXCIsMV0'],
  ['empty', ''],
  ['not base64', '!!!'],
  ['padding only', '===='],
  ['base64 of nothing useful', b64('hello')],
  ['a JSON string', b64('"cursor"')],
  ['null', b64('null')],
  ['an object', b64('{"id":1}')],
  ['an empty array', b64('[]')],
  ['one number', b64('[1]')],
  ['a null value', b64('[null,1]')],
  ['a boolean value', b64('[true,1]')],
  ['an object value', b64('[{"a":1},1]')],
  ['an array value', b64('[[1],1]')],
  ['NaN as text', b64('["NaN",1]')],
  ['an impossible date', b64('["2026-13-45T00:00:00.000Z",1]')],
  ['a huge number', b64('[1e308,1]')],
  ['a negative id', b64('["2026-01-01T00:00:00.000Z",-1]')],
  ['a fractional id', b64('["2026-01-01T00:00:00.000Z",1.5]')],
  ['an id past 2^53', b64('["2026-01-01T00:00:00.000Z",1e20]')],
  ['an id as text', b64('["2026-01-01T00:00:00.000Z","1"]')],
  ['SQL as a value', b64('["1 or 1=1; --",1]')],
  ['a placeholder as a value', b64('["?",1]')],
  ['a long value', b64(JSON.stringify(['x'.repeat(5000), 1]))],
  ['too many parts', b64('["tickets-by-UPDATED_AT","2026-01-01T00:00:00.000Z",1,2]')],
  ['a made-up kind', b64('["admins","2026-01-01T00:00:00.000Z",1]')],
  ['a NUL', b64('["\\u0000",1]')],
];

describe.each(databases)('forged cursors, on a production server on %s', (kind) => {
  let server: TestServer;
  let ticketId: string;
  let phoneNumber: string;
  beforeAll(async () => {
    server = await startServer(kind, { NODE_ENV: 'production' });
    phoneNumber = uniquePhone();
    ticketId = (await createTicket(server, { phoneNumber })).id;
    await createTicket(server, { phoneNumber });
    for (const body of ['one', 'two', 'three'])
      await server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', {
        t: ticketId,
        b: body,
      });
  });
  afterAll(() => server?.close());

  /** Every paginated field, in both directions, each as a query taking the cursor as $c. */
  const FIELDS: [string, string][] = [
    ...['CREATED_AT', 'UPDATED_AT', 'LAST_MESSAGE_AT', 'PRIORITY', 'SLA_DUE'].flatMap((field): [string, string][] => [
      [
        `tickets by ${field}, after`,
        `query($c: String) { tickets(first: 5, after: $c, orderBy: { field: ${field}, direction: DESC }) { edges { node { id } } } }`,
      ],
      [
        `tickets by ${field}, before`,
        `query($c: String) { tickets(last: 5, before: $c, orderBy: { field: ${field}, direction: ASC }) { edges { node { id } } } }`,
      ],
    ]),
    [
      'a ticket’s messages, after',
      'query($t: ID!, $c: String) { ticket(id: $t) { messages(first: 5, after: $c) { edges { node { id } } } } }',
    ],
    [
      'a ticket’s messages, before',
      'query($t: ID!, $c: String) { ticket(id: $t) { messages(last: 5, before: $c) { edges { node { id } } } } }',
    ],
    [
      'a contact’s tickets',
      'query($p: String!, $c: String) { contact(phoneNumber: $p) { tickets(first: 5, after: $c) { edges { node { id } } } } }',
    ],
    ['contacts, after', 'query($c: String) { contacts(first: 5, after: $c) { edges { node { phoneNumber } } } }'],
    [
      'parked inbound elements, after',
      'query($c: String) { inboundFailures(first: 5, after: $c) { edges { node { id } } } }',
    ],
    [
      'parked inbound elements, before',
      'query($c: String) { inboundFailures(last: 5, before: $c) { edges { node { id } } } }',
    ],
  ];

  const ask = (query: string, cursor: string) =>
    server.gql(query, { c: cursor, t: ticketId, p: phoneNumber }, server.adminToken);

  it.each(FIELDS)('%s: every forged cursor is BAD_USER_INPUT', async (_name, query) => {
    for (const [what, cursor] of FORGED) {
      const result = await ask(query, cursor);
      expect(
        result.errors?.map((error) => error.extensions?.code),
        `${what}: ${JSON.stringify(result.errors)}`,
      ).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toBe('The cursor is not one this API gave out');
    }
  });

  it('a cursor from one list, or one order, is refused by another; altered cursors are refused', async () => {
    const cursorOf = async (query: string) => {
      const data = await server.ok(query, { t: ticketId, p: phoneNumber });
      return JSON.stringify(data).match(/"cursor":"([^"]+)"/)![1]!;
    };
    const byCreated = await cursorOf(
      '{ tickets(first: 1, orderBy: { field: CREATED_AT, direction: DESC }) { edges { cursor } } }',
    );
    const byPriority = await cursorOf(
      '{ tickets(first: 1, orderBy: { field: PRIORITY, direction: DESC }) { edges { cursor } } }',
    );
    const message = await cursorOf('query($t: ID!) { ticket(id: $t) { messages(first: 1) { edges { cursor } } } }');
    const contactTicket = await cursorOf(
      'query($p: String!) { contact(phoneNumber: $p) { tickets(first: 1) { edges { cursor } } } }',
    );
    const query = (name: string) => FIELDS.find(([field]) => field === name)![1];
    const refused = async (name: string, cursor: string) =>
      expect((await ask(query(name), cursor)).errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
    // The same cursors are accepted where they belong.
    expect((await ask(query('tickets by CREATED_AT, after'), byCreated)).errors).toBeUndefined();
    expect((await ask(query('tickets by PRIORITY, after'), byPriority)).errors).toBeUndefined();
    expect((await ask(query('a ticket’s messages, after'), message)).errors).toBeUndefined();
    expect((await ask(query('a contact’s tickets'), contactTicket)).errors).toBeUndefined();
    await refused('tickets by CREATED_AT, after', byPriority);
    await refused('tickets by UPDATED_AT, after', byCreated);
    await refused('tickets by PRIORITY, after', byCreated);
    await refused('tickets by CREATED_AT, after', message);
    await refused('a ticket’s messages, after', byCreated);
    await refused('a ticket’s messages, before', contactTicket);
    await refused('a contact’s tickets', message);
    await refused('tickets by CREATED_AT, after', `${byCreated}A`);
    await refused('tickets by CREATED_AT, after', `${byCreated}==`);
    await refused('tickets by CREATED_AT, after', `${byCreated.slice(0, 3)} ${byCreated.slice(3)}`);
  });
});
