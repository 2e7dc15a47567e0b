// Similar resolved tickets come from the full-text index: a question asked again in other words finds its earlier
// twin and the reply that resolved it, on both databases, whatever the person typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';
import {
  createTicket,
  databases,
  inboundText,
  postWebhook,
  startServer,
  uniquePhone,
  type TestServer,
} from '../helpers/harness.js';

const SIMILAR = `query($t: ID!, $first: Int) {
  ticket(id: $t) {
    similarTickets(first: $first) { score ticket { id status issueDescription } resolvingReply { id body senderType } }
  }
}`;

interface Similar {
  score: number;
  ticket: { id: string; status: string; issueDescription: string };
  resolvingReply: { id: string; body: string; senderType: string } | null;
}

describe.each(databases)('similar tickets on %s', (kind) => {
  let server: TestServer;

  const reply = async (ticketId: string, body: string) =>
    (
      await server.ok<{ sendMessage: { id: string } }>(
        'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }',
        { t: ticketId, b: body },
      )
    ).sendMessage.id;
  const note = (ticketId: string, body: string) =>
    server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', { t: ticketId, b: body });
  const resolve = (ticketId: string) =>
    server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', { t: ticketId });
  const similarTo = async (ticketId: string, first?: number) =>
    (await server.ok<{ ticket: { similarTickets: Similar[] } }>(SIMILAR, { t: ticketId, first })).ticket.similarTickets;

  /** A resolved ticket: the person's question and the agent's answer. */
  const answered = async (question: string, answer: string) => {
    const ticket = await createTicket(server, { issueDescription: question });
    const replyId = await reply(ticket.id, answer);
    await resolve(ticket.id);
    return { id: ticket.id as string, replyId };
  };

  let twin: { id: string; replyId: string };
  let openTwin: string;

  beforeAll(async () => {
    server = await startServer(kind, {
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000',
      WHATSAPP_APP_SECRET: WEBHOOK_SECRET,
    });
    await answered('I cannot log in to the student portal, my password is rejected', 'Reset it from the login page.');
    await answered('Where can I see my exam results for the second semester?', 'Results are under Academics.');
    twin = await answered(
      'When will I get the refund of the fees I paid?',
      'Refunds of fees reach your bank within ten working days.',
    );
    await answered('How do I change my course registration?', 'Use the registration form before Friday.');
    await answered('The library card does not work at the gate', 'Bring it to the library desk.');
    await answered('Can I pay the hostel charges in two instalments?', 'Yes, ask the bursar for a plan.');
    openTwin = (await createTicket(server, { issueDescription: 'I am still waiting for my refund of fees' })).id;
  }, 120_000);
  afterAll(() => server?.close());

  it('a rephrased question finds its earlier resolved twin first, with the reply that resolved it', async () => {
    const asked = await createTicket(server, { issueDescription: "My refund for the school fees hasn't arrived" });
    const similar = await similarTo(asked.id);
    expect(similar[0]?.ticket.id).toBe(twin.id);
    expect(similar[0]?.ticket.status).toBe('RESOLVED');
    expect(similar[0]?.score).toBeGreaterThan(0);
    expect(similar[0]?.resolvingReply).toMatchObject({
      id: twin.replyId,
      body: 'Refunds of fees reach your bank within ten working days.',
      senderType: 'ADMIN',
    });
    expect(similar.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < similar.length; i += 1) expect(similar[i]!.score).toBeLessThanOrEqual(similar[i - 1]!.score);
  });

  it("the person's later messages count: a vague opening followed by the real question finds the twin", async () => {
    const phone = uniquePhone();
    const asked = await createTicket(server, { phoneNumber: phone, issueDescription: 'Hello, are you there?' });
    expect(await similarTo(asked.id)).toEqual([]);
    const later = inboundText(phone, 'The refund of my school fees never came');
    expect((await postWebhook(server, later.body)).status).toBe(200);
    expect((await similarTo(asked.id))[0]?.ticket.id).toBe(twin.id);
  });

  it('the root query answers the same as the Ticket field', async () => {
    const asked = await createTicket(server, { issueDescription: 'Exam results of the semester are missing' });
    const data = await server.ok<{ similarTickets: Similar[] }>(
      'query($t: ID!) { similarTickets(ticketId: $t, first: 2) { score ticket { id issueDescription } } }',
      { t: asked.id },
    );
    expect(data.similarTickets[0]?.ticket.issueDescription).toBe(
      'Where can I see my exam results for the second semester?',
    );
    expect(data.similarTickets.map((item) => item.ticket.id)).toEqual(
      (await similarTo(asked.id, 2)).map((item) => item.ticket.id),
    );
  });

  it('open tickets and the ticket itself are never offered', async () => {
    const resolvedAsked = await answered('Refund of my fees please', 'Sent today.');
    const similar = await similarTo(resolvedAsked.id, 10);
    const ids = similar.map((item) => item.ticket.id);
    expect(ids).not.toContain(resolvedAsked.id);
    expect(ids).not.toContain(openTwin);
    expect(ids).toContain(twin.id);
    expect(similar.every((item) => ['RESOLVED', 'CLOSED'].includes(item.ticket.status))).toBe(true);
  });

  it('the resolving reply is the last agent reply before the resolution, notes left out', async () => {
    const ticket = await createTicket(server, { issueDescription: 'Transcript certificate stamping request' });
    await reply(ticket.id, 'We are checking your transcript.');
    const last = await reply(ticket.id, 'Your transcript certificate is stamped; collect it on Monday.');
    await note(ticket.id, 'Transcript certificate handled by the registry.');
    await resolve(ticket.id);
    const asked = await createTicket(server, { issueDescription: 'Need my transcript certificate stamped' });
    const similar = await similarTo(asked.id);
    expect(similar[0]?.ticket.id).toBe(ticket.id);
    expect(similar[0]?.resolvingReply?.id).toBe(last);
  });

  it('a ticket resolved without an agent reply has a null resolving reply', async () => {
    const ticket = await createTicket(server, { issueDescription: 'Scholarship voucher duplicate issue' });
    await resolve(ticket.id);
    const asked = await createTicket(server, { issueDescription: 'duplicate scholarship voucher' });
    const similar = await similarTo(asked.id);
    expect(similar[0]?.ticket.id).toBe(ticket.id);
    expect(similar[0]?.resolvingReply).toBeNull();
  });

  it.each([
    `refund" OR 1=1 --`,
    `fees' OR '1'='1'; drop table support_messages; --`,
    'refund* NEAR(fees paid) AND NOT -bank',
    'message:refund ^fees {col}:x',
    '100% ?? _ % ? :name $1 \\ back\\slash',
    '"""" \'\'\'\' ***',
    'a an the of to',
    '\u0000refund\u0000',
  ])('hostile text %j in the issue answers without an error', async (issue) => {
    const asked = await createTicket(server, { issueDescription: issue });
    const response = await server.gql<{ ticket: { similarTickets: Similar[] } }>(
      SIMILAR,
      { t: asked.id },
      server.adminToken,
    );
    expect(response.errors).toBeUndefined();
    expect(Array.isArray(response.data?.ticket.similarTickets)).toBe(true);
  });

  it('first limits the list, up to 10; beyond or below is BAD_USER_INPUT', async () => {
    const asked = await createTicket(server, {
      issueDescription: 'refund fees portal password exam results registration library hostel',
    });
    expect(await similarTo(asked.id, 1)).toHaveLength(1);
    expect(await similarTo(asked.id, 0)).toHaveLength(0);
    expect((await similarTo(asked.id, 10)).length).toBeGreaterThan(3);
    for (const first of [11, -1]) {
      const response = await server.gql(SIMILAR, { t: asked.id, first }, server.adminToken);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const unknown = await server.gql('query { similarTickets(ticketId: "999999") { score } }', {}, server.adminToken);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a page of tickets finds its similar tickets in a fixed number of statements, as each does alone', async () => {
    const questions = [
      'My refund of the hostel fees is late',
      'I forgot my portal password',
      'Exam results missing for semester two',
      'Library card broken again',
      'Change my course registration please',
      'Hello',
    ];
    for (const issueDescription of questions) await createTicket(server, { issueDescription });
    const PAGE = `query($first: Int) { tickets(first: $first, orderBy: { field: CREATED_AT, direction: DESC }) {
      edges { node { id similarTickets(first: 3) { score ticket { id } resolvingReply { id } } } } } }`;
    const isStatement = (sql: string) => /\b(select|insert|update|delete)\b/i.test(sql);
    const statementsFor = async (first: number) => {
      server.queries.length = 0;
      const data = await server.ok<{ tickets: { edges: { node: { id: string; similarTickets: Similar[] } }[] } }>(
        PAGE,
        { first },
      );
      return { count: server.queries.filter(isStatement).length, nodes: data.tickets.edges.map((edge) => edge.node) };
    };
    const small = await statementsFor(2);
    const large = await statementsFor(100);
    expect(large.nodes.length).toBeGreaterThan(10);
    expect(large.nodes.filter((node) => node.similarTickets.length > 0).length).toBeGreaterThan(5);
    expect(large.count).toBe(small.count);
    // the caller, the page, the questions, the index lookups, the replies, the tickets, the reply messages
    expect(large.count).toBeLessThanOrEqual(8);
    for (const node of large.nodes) {
      const alone = await similarTo(node.id, 3);
      expect(
        node.similarTickets.map((item) => item.ticket.id),
        node.id,
      ).toEqual(alone.map((item) => item.ticket.id));
      expect(node.similarTickets.map((item) => item.resolvingReply?.id ?? null)).toEqual(
        alone.map((item) => item.resolvingReply?.id ?? null),
      );
      for (const [index, item] of node.similarTickets.entries()) expect(item.score).toBeCloseTo(alone[index]!.score, 9);
    }
  });
});
