// A burst of replies to many people: sent in parallel, each person's in order, and never faster than the business
// number's pace (OUTBOX_RATE_PER_SECOND), as the Cloud API would count it; a 130429 pauses the whole number.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  rateLimitedFor,
  serverError,
  startCloudApiStandIn,
  undeliverable,
  type CloudApiStandIn,
} from '../helpers/cloud-api-stand-in.js';
import { createTicket, databases, startServer, uniquePhone, type TestServer } from '../helpers/harness.js';

const SEND = 'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }';
const RATE = 20;
const CONCURRENCY = 6;

/** Every text send the stand-in saw for one number, in arrival order. */
const attemptsTo = (standIn: CloudApiStandIn, phone: string) =>
  standIn.requests
    .filter((request) => request.body.to === phone && request.body.type === 'text')
    .map((request) => ({ body: request.body.text.body as string, status: request.status, at: request.receivedAt }));
const deliveredTo = (standIn: CloudApiStandIn, phone: string) =>
  attemptsTo(standIn, phone)
    .filter((attempt) => attempt.status === 200)
    .map((attempt) => attempt.body);

describe.each(databases)('a burst of replies on %s', (kind) => {
  let standIn: CloudApiStandIn;
  let server: TestServer;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    server = await startServer(
      kind,
      standIn.env({ OUTBOX_RATE_PER_SECOND: String(RATE), OUTBOX_CONCURRENCY: String(CONCURRENCY) }),
    );
  });
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });
  afterEach(() => standIn.recover());

  /** Replies `perPerson` times to each of `people` new tickets, each person's replies one after another. */
  async function burst(people: number, perPerson: number, label: string) {
    const phones = Array.from({ length: people }, () => uniquePhone());
    const tickets = await Promise.all(phones.map((phoneNumber) => createTicket(server, { phoneNumber })));
    const sent = new Map<string, string[]>();
    await Promise.all(
      tickets.map(async (ticket, person) => {
        const bodies = Array.from({ length: perPerson }, (_, i) => `${label} ${person}.${i}`);
        sent.set(phones[person]!, bodies);
        for (const body of bodies) await server.ok(SEND, { id: ticket.id, body });
      }),
    );
    return sent;
  }

  it(`60 replies to 6 people never reach the Cloud API more than ${RATE} within a second, each once and in order`, async () => {
    const sent = await burst(6, 10, 'capped');
    await standIn.waitFor(() => [...sent.keys()].every((phone) => deliveredTo(standIn, phone).length === 10), 30_000);
    for (const [phone, bodies] of sent) expect(deliveredTo(standIn, phone)).toEqual(bodies);
    expect(standIn.busiestWindow(1000)).toBeLessThanOrEqual(RATE);
  });

  it("failures in the middle of a burst never let a person's later reply overtake an earlier one", async () => {
    standIn.failNext(serverError, undeliverable, serverError, serverError, undeliverable, serverError);
    const sent = await burst(5, 8, 'failing');
    // Two replies fail for good (131026); every other one is accepted exactly once, in the order it was written.
    await standIn.waitFor(
      () => [...sent.keys()].reduce((total, phone) => total + deliveredTo(standIn, phone).length, 0) === 38,
      30_000,
    );
    for (const [phone, bodies] of sent) {
      const refused = attemptsTo(standIn, phone)
        .filter((attempt) => attempt.status === 400)
        .map((attempt) => attempt.body);
      expect(deliveredTo(standIn, phone)).toEqual(bodies.filter((body) => !refused.includes(body)));
    }
    expect(standIn.busiestWindow(1000)).toBeLessThanOrEqual(RATE);
  });

  it('a 130429 pauses every send to the number for its Retry-After, and then everything goes out once', async () => {
    standIn.failNext(rateLimitedFor(1));
    const sent = await burst(5, 4, 'paused');
    await standIn.waitFor(() => [...sent.keys()].every((phone) => deliveredTo(standIn, phone).length === 4), 30_000);
    for (const [phone, bodies] of sent) expect(deliveredTo(standIn, phone)).toEqual(bodies);
    const all = [...sent.keys()].flatMap((phone) => attemptsTo(standIn, phone));
    const limited = all.find((attempt) => attempt.status === 429)!;
    expect(limited).toBeDefined();
    // Only sends already under way when the 130429 came back may still arrive within its second.
    const during = all.filter((attempt) => attempt.at > limited.at && attempt.at < limited.at + 1000);
    expect(during.length).toBeLessThanOrEqual(CONCURRENCY - 1);
    expect(all.filter((attempt) => attempt.status === 200)).toHaveLength(20);
  });
});
