// Deliveries that arrive together share one transaction (issue 18): each is answered 200 once its group has
// committed, each is stored exactly once (copies in the same group too), and a poisoned one is parked without
// costing the others. The commits are counted on /metrics (desk_db_commits_total), as an operator would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';
import { databases, inboundText, postWebhook, startServer, uniquePhone, type TestServer } from '../helpers/harness.js';
import { sampleSum } from '../observability/prometheus-text.js';

const METRICS_TOKEN = 'metrics-token-for-the-scraper';
const THREAD = `query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { edges { node {
  messages(last: 20) { edges { node { body senderType } } } } } } }`;
const PARKED = '{ inboundFailures(first: 100) { edges { node { whatsappId errorMessage } } } }';

/** A server whose groups wait long enough for a burst posted at once to fall into one. */
const serverEnv = (extra: Record<string, string> = {}) => ({
  WHATSAPP_APP_SECRET: WEBHOOK_SECRET,
  METRICS_TOKEN,
  INGEST_GROUP_WAIT_MS: '500',
  ...extra,
});

async function commits(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  return sampleSum(await response.text(), 'desk_db_commits_total');
}

/** People with an open ticket (opened by an agent): a message from them joins it and sends nothing back. */
async function peopleWithTickets(server: TestServer, count: number): Promise<string[]> {
  const phones: string[] = [];
  for (let i = 0; i < count; i++) {
    const phone = uniquePhone();
    await server.ok('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
      i: { phoneNumber: phone, issueDescription: 'Opened by an agent' },
    });
    phones.push(phone);
  }
  return phones;
}

const personBodies = async (server: TestServer, phone: string): Promise<string[]> =>
  (await server.ok(THREAD, { phone })).tickets.edges[0].node.messages.edges
    .filter((edge: { node: { senderType: string } }) => edge.node.senderType === 'USER')
    .map((edge: { node: { body: string } }) => edge.node.body)
    .filter((body: string) => body !== 'Opened by an agent');

/** Posts every body at once; answers each status and body, in order, and the commits the burst cost. */
async function burst(server: TestServer, bodies: string[]) {
  const before = await commits(server);
  const responses = await Promise.all(bodies.map((body) => postWebhook(server, body)));
  const answers = await Promise.all(
    responses.map(async (response) => ({ status: response.status, body: await response.json() })),
  );
  return { answers, commits: (await commits(server)) - before };
}

describe.each(databases)('webhook group commit on %s', (kind) => {
  let server: TestServer;
  let oneByOne: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, serverEnv());
    oneByOne = await startServer(kind, serverEnv({ INGEST_GROUP_MAX: '1' }));
  });
  afterAll(async () => {
    await server?.close();
    await oneByOne?.close();
  });

  it('many deliveries at once, copies among them, are each stored once, all answered 200, in a few commits', async () => {
    const phones = await peopleWithTickets(server, 24);
    const deliveries = phones.map((phone, i) => inboundText(phone, `at once ${i}`).body);
    // The first eight are delivered twice, in the same burst: WhatsApp repeats deliveries.
    const { answers, commits: spent } = await burst(server, [...deliveries, ...deliveries.slice(0, 8)]);
    expect(answers.map((answer) => answer.status)).toEqual(Array(32).fill(200));
    for (const [i, phone] of phones.entries()) expect(await personBodies(server, phone)).toEqual([`at once ${i}`]);
    // One transaction per delivery would be 32 commits.
    expect(spent).toBeLessThanOrEqual(4);

    // Delivered again later, nothing is added.
    const again = await burst(server, deliveries);
    expect(again.answers.map((answer) => answer.status)).toEqual(Array(24).fill(200));
    for (const [i, phone] of phones.entries()) expect(await personBodies(server, phone)).toEqual([`at once ${i}`]);
  });

  it('with INGEST_GROUP_MAX=1 each delivery is stored in its own transaction, as before groups', async () => {
    const phones = await peopleWithTickets(oneByOne, 12);
    const { answers, commits: spent } = await burst(
      oneByOne,
      phones.map((phone, i) => inboundText(phone, `one by one ${i}`).body),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(200));
    for (const [i, phone] of phones.entries()) expect(await personBodies(oneByOne, phone)).toEqual([`one by one ${i}`]);
    expect(spent).toBeGreaterThanOrEqual(12);
  });

  it('a delivery the database refuses, in the same group as others, is parked and costs them nothing', async () => {
    const phones = await peopleWithTickets(server, 12);
    const connection = server.server.services.orm.em.getConnection();
    // The fault: the database refuses one message (as a too-narrow column or a bad trigger would).
    await connection.execute(
      kind === 'sqlite'
        ? `create trigger refuse_group_poison before insert on support_messages when new.message like '%refused by the database%' begin select raise(abort, 'refused by the test trigger'); end`
        : `create trigger refuse_group_poison before insert on support_messages for each row begin if new.message like '%refused by the database%' then signal sqlstate '45000' set message_text = 'refused by the test trigger'; end if; end`,
    );
    const poisoned = 5;
    const messages = phones.map((phone, i) =>
      inboundText(phone, i === poisoned ? 'this one is refused by the database' : `beside the poison ${i}`),
    );
    try {
      const { answers, commits: spent } = await burst(
        server,
        messages.map((message) => message.body),
      );
      for (const [i, answer] of answers.entries()) {
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual(i === poisoned ? { received: 0, parked: 1 } : { received: 1, parked: 0 });
      }
      // The elements before the poison commit together, the poison is parked on its own, the rest commit together.
      expect(spent).toBeLessThanOrEqual(6);
    } finally {
      await connection.execute('drop trigger refuse_group_poison');
    }
    for (const [i, phone] of phones.entries())
      expect(await personBodies(server, phone)).toEqual(i === poisoned ? [] : [`beside the poison ${i}`]);
    const parked = (await server.ok(PARKED)).inboundFailures.edges.map(
      (edge: { node: { whatsappId: string; errorMessage: string } }) => edge.node,
    );
    expect(parked).toEqual([{ whatsappId: messages[poisoned]!.id, errorMessage: 'refused by the test trigger' }]);
  });
});
