// What people type into search boxes and filters is text to match, never part of a statement: characters
// that mean something to SQL, to LIKE or to the ORM's placeholders find what contains them, and nothing else.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTicket,
  databases,
  startServer,
  uniquePhone,
  type GraphqlResponse,
  type TestServer,
} from '../helpers/harness.js';

/** Placeholders (MikroORM's `?` and `??`, named and numbered ones), quotes, escapes, LIKE wildcards, our LIKE escape, NUL. */
const HOSTILE = ['?', '??', ':name', '$1', "'", '\\', '%', '_', '!', '\u0000'] as const;
/** What can be stored: NUL is for another change (inputs are normalised at the edge) and is only searched for. */
const STORABLE = HOSTILE.filter((text) => text !== '\u0000');

/** A refusal a person can read is fine for an id or a date; an internal error never is. */
function expectNoServerError(result: GraphqlResponse, what: string) {
  const codes = (result.errors ?? []).map((error) => error.extensions?.code);
  expect(codes, `${what}: ${JSON.stringify(result.errors)}`).not.toContain('INTERNAL_SERVER_ERROR');
  expect(result.status, what).toBeLessThan(500);
}

function expectData<T>(result: GraphqlResponse<T>, what: string): T {
  expect(result.errors, `${what}: ${JSON.stringify(result.errors)}`).toBeUndefined();
  return result.data!;
}

describe.each(databases)('user text in searches and filters, on a production server on %s', (kind) => {
  let server: TestServer;
  // Each hostile text gets its own marker, its ticket says `<marker><text>:` and a decoy says `<marker>z:`,
  // so a wildcard or a placeholder taken for SQL would find the decoy too, or fail.
  const run = randomBytes(3).toString('hex');
  const marker = (index: number) => `q${run}n${index}x`;
  const tickets = new Map<string, { id: string; decoy: string; labelled: string }>();
  const labelName = (index: number, text: string) => `l${run}n${index}${text}`;

  beforeAll(async () => {
    server = await startServer(kind, {
      NODE_ENV: 'production',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
      RATE_LIMIT_TICKETS_PER_PHONE_PER_HOUR: '100',
    });
    for (const [index, text] of STORABLE.entries()) {
      const ticket = await createTicket(server, {
        issueDescription: `about ${marker(index)}${text}: please`,
        senderName: `Ann ${text}`,
      });
      const decoy = await createTicket(server, { issueDescription: `about ${marker(index)}z: please` });
      const labelled = await createTicket(server, { issueDescription: 'nothing to see' });
      const label = await server.ok('mutation($i: CreateLabelInput!) { createLabel(input: $i) { id } }', {
        i: { name: labelName(index, text), color: '#1f6feb' },
      });
      await server.ok('mutation($t: [ID!]!, $l: [ID!]!) { addLabels(ticketIds: $t, labelIds: $l) { id } }', {
        t: [labelled.id],
        l: [label.createLabel.id],
      });
      await server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', {
        t: ticket.id,
        b: `note ${text}`,
      });
      await server.ok('mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }', {
        i: { shortcode: `c${run}-${index}`, title: `${marker(index)}${text}: title`, body: `Hi {{name}} ${text}` },
      });
      await server.ok('mutation($i: CreateCannedResponseInput!) { createCannedResponse(input: $i) { id } }', {
        i: { shortcode: `d${run}-${index}`, title: `${marker(index)}z: title`, body: 'decoy' },
      });
      tickets.set(text, { id: ticket.id, decoy: decoy.id, labelled: labelled.id });
    }
  });
  afterAll(() => server?.close());
  const ask = <T = Record<string, any>>(query: string, variables: Record<string, unknown>) =>
    server.gql<T>(query, variables, server.adminToken);

  const searchTickets = (search: string) =>
    ask<{ tickets: { totalCount: number; edges: { node: { id: string } }[] } }>(
      'query($s: String) { tickets(first: 100, filter: { search: $s }) { totalCount edges { node { id } } } }',
      { s: search },
    );

  it.each(STORABLE.map((text, index) => [JSON.stringify(text), text, index] as const))(
    'tickets(search: %s) finds the text, not a pattern',
    async (_name, text, index) => {
      const own = tickets.get(text)!;
      const found = expectData(await searchTickets(`${marker(index)}${text}`), 'issue');
      expect(found.tickets.edges.map((edge) => edge.node.id)).toEqual([own.id]);
      expect(found.tickets.totalCount).toBe(1);
      const byLabel = expectData(await searchTickets(labelName(index, text)), 'label');
      expect(byLabel.tickets.edges.map((edge) => edge.node.id)).toEqual([own.labelled]);
      const alone = expectData(await searchTickets(text), 'the text alone');
      expect(alone.tickets.edges.map((edge) => edge.node.id)).toContain(own.id);
      expect(alone.tickets.edges.map((edge) => edge.node.id)).not.toContain(own.decoy);
    },
  );

  it.each(STORABLE.map((text, index) => [JSON.stringify(text), text, index] as const))(
    'cannedResponses(search: %s) finds the text, not a pattern',
    async (_name, text, index) => {
      const search = (value: string) =>
        ask<{ cannedResponses: { shortcode: string }[] }>(
          'query($s: String) { cannedResponses(search: $s) { shortcode } }',
          { s: value },
        );
      const found = expectData(await search(`${marker(index)}${text}`), 'title');
      expect(found.cannedResponses.map((response) => response.shortcode)).toEqual([`c${run}-${index}`]);
      const alone = expectData(await search(text), 'the text alone');
      expect(alone.cannedResponses.map((response) => response.shortcode)).toContain(`c${run}-${index}`);
      expect(alone.cannedResponses.map((response) => response.shortcode)).not.toContain(`d${run}-${index}`);
    },
  );

  it.each(HOSTILE.map((text) => [JSON.stringify(text), text] as const))(
    '%s in every other string argument is read as text',
    async (_name, text) => {
      expectData(await searchTickets(text), 'tickets search');
      expectData(await searchTickets(`${text}${text}?${text}`), 'tickets search, repeated');
      expectData(
        await ask('query($s: String) { cannedResponses(search: $s) { id } }', { s: text }),
        'canned responses',
      );
      // Ids, phone numbers, dates and time zones that are not one may be refused, but plainly.
      const phone = `${uniquePhone()}${text}`;
      const checks: [string, string, Record<string, unknown>][] = [
        ['phone filter', 'query($p: String) { tickets(filter: { phoneNumber: $p }) { totalCount } }', { p: text }],
        [
          'phone filter with digits',
          'query($p: String) { tickets(filter: { phoneNumber: $p }) { totalCount } }',
          { p: phone },
        ],
        ['assignee filter', 'query($a: ID) { tickets(filter: { assigneeId: $a }) { totalCount } }', { a: text }],
        ['label filter', 'query($l: [ID!]) { tickets(filter: { labelIds: $l }) { totalCount } }', { l: [text] }],
        [
          'everything at once',
          'query($s: String, $p: String) { tickets(filter: { search: $s, phoneNumber: $p }, orderBy: { field: PRIORITY, direction: ASC }) { totalCount edges { node { id } } } }',
          { s: text, p: phone },
        ],
        ['ticket', 'query($id: ID!) { ticket(id: $id) { id } }', { id: text }],
        [
          'contact',
          'query($p: String!) { contact(phoneNumber: $p) { phoneNumber tickets(first: 5) { totalCount } } }',
          { p: text },
        ],
        ['contact with digits', 'query($p: String!) { contact(phoneNumber: $p) { phoneNumber } }', { p: phone }],
        [
          'audit log',
          'query($t: ID, $a: ID, $p: String, $b: ID) { auditLog(ticketId: $t, actorId: $a, phoneNumber: $p, beforeId: $b) { id } }',
          { t: text, a: text, p: phone, b: text },
        ],
        ['report', 'query($i: ReportInput!) { deskReport(input: $i) { opened } }', { i: { from: text, to: text } }],
        [
          'report time zone',
          'query($i: ReportInput!) { deskReport(input: $i) { opened } }',
          { i: { from: '2026-01-01', to: '2026-01-31', timeZone: text } },
        ],
        ['presence', 'query($t: ID!) { ticketPresence(ticketId: $t) { viewers { id } } }', { t: text }],
      ];
      for (const [what, query, variables] of checks) expectNoServerError(await ask(query, variables), what);
      const csv = await fetch(
        `${server.url}/reports/days.csv?${new URLSearchParams({ from: '2026-01-01', to: '2026-01-02', timeZone: text })}`,
        {
          headers: { authorization: `Bearer ${server.adminToken}` },
        },
      );
      expect(csv.status).toBe(400);
    },
  );

  it('a contact’s notes and name keep such text as written', async () => {
    const phoneNumber = uniquePhone();
    await createTicket(server, { phoneNumber });
    const notes = STORABLE.join(' ');
    const updated = await server.ok(
      'mutation($p: String!, $i: UpdateContactInput!) { updateContact(phoneNumber: $p, input: $i) { name notes } }',
      {
        p: phoneNumber,
        i: { name: "O'Brien ?? $1", notes },
      },
    );
    expect(updated.updateContact).toEqual({ name: "O'Brien ?? $1", notes });
    const read = await server.ok('query($p: String!) { contact(phoneNumber: $p) { name notes } }', { p: phoneNumber });
    expect(read.contact).toEqual({ name: "O'Brien ?? $1", notes });
  });
});
