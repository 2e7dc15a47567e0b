// Replies are never lost or doubled: the Cloud API failing, rate limits, permanent errors, restarts,
// and two server instances sharing one database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  rateLimited,
  serverError,
  startCloudApiStandIn,
  undeliverable,
  windowClosedError,
  type CloudApiStandIn,
} from '../helpers/cloud-api-stand-in.js';
import {
  createTicket,
  databases,
  eventually,
  inboundText,
  postWebhook,
  startServer,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';

const SEND = 'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }';
const THREAD =
  'query($id: ID!) { ticket(id: $id) { messages(last: 50) { edges { node { body deliveryStatus deliveryError } } } } }';

describe.each(databases)('sending replies to WhatsApp on %s', (kind) => {
  const world = useServerWithCloudApi(kind, { OUTBOX_MAX_ATTEMPTS: '4' });

  const bodiesTo = (phone: string) => world.standIn.messagesTo(phone).map((request) => request.body.text?.body);
  const attemptsFor = (body: string) =>
    world.standIn.requests.filter((request) => request.body.text?.body === body).length;
  const statusOf = async (ticketId: string, body: string) => {
    const { ticket } = await world.server.ok(THREAD, { id: ticketId });
    return ticket.messages.edges.map((edge: any) => edge.node).find((node: any) => node.body === body);
  };
  const reply = (ticketId: string, body: string) => world.server.ok(SEND, { id: ticketId, body });
  // A test that fails halfway must not leave the Cloud API failing for the next ones.
  afterEach(() => world.standIn.recover());

  it('a rate limit (429) is retried and the reply goes out', async () => {
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(world.server, { phoneNumber });
    world.standIn.failNext(rateLimited, rateLimited);
    await reply(ticket.id, 'after the limit');
    await world.standIn.waitFor(() => bodiesTo(phoneNumber).includes('after the limit'));
    expect(attemptsFor('after the limit')).toBe(3);
    await eventually(async () =>
      (await statusOf(ticket.id, 'after the limit')).deliveryStatus === 'SENT' ? true : undefined,
    );
  });

  it('131047 (the window closed on WhatsApp’s side) fails the reply at once with the reason, and the next reply still goes', async () => {
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(world.server, { phoneNumber });
    world.standIn.failNext(windowClosedError);
    await reply(ticket.id, 'too late');
    await reply(ticket.id, 'next one');
    const failed = await eventually(async () => {
      const message = await statusOf(ticket.id, 'too late');
      return message.deliveryStatus === 'FAILED' ? message : undefined;
    });
    expect(failed.deliveryError).toContain('131047');
    await world.standIn.waitFor(() => bodiesTo(phoneNumber).includes('next one'));
    expect(attemptsFor('too late')).toBe(1);
  });

  it('131026 (undeliverable) is permanent: one attempt, FAILED with the reason', async () => {
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(world.server, { phoneNumber });
    world.standIn.failNext(undeliverable);
    await reply(ticket.id, 'cannot reach');
    const failed = await eventually(async () => {
      const message = await statusOf(ticket.id, 'cannot reach');
      return message.deliveryStatus === 'FAILED' ? message : undefined;
    });
    expect(failed.deliveryError).toContain('131026');
    expect(attemptsFor('cannot reach')).toBe(1);
  });

  it('after the last attempt a reply is FAILED with "gave up", and not tried again', async () => {
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(world.server, { phoneNumber });
    world.standIn.failNext(serverError, serverError, serverError, serverError);
    await reply(ticket.id, 'never accepted');
    const failed = await eventually(async () => {
      const message = await statusOf(ticket.id, 'never accepted');
      return message.deliveryStatus === 'FAILED' ? message : undefined;
    });
    expect(failed.deliveryError).toMatch(/^gave up after 4 attempts/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attemptsFor('never accepted')).toBe(4);
  });
});

describe.each(databases)('a restart on %s', (kind) => {
  let standIn: CloudApiStandIn;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
  });
  afterAll(() => standIn.close());

  it('a reply waiting when the server stops goes out once after it starts again', async () => {
    const first = await startServer(kind, standIn.env());
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(first, { phoneNumber });
    standIn.failAlways(serverError);
    await first.ok(SEND, { id: ticket.id, body: 'survives a restart' });
    await standIn.waitFor((requests) => requests.some((request) => request.body.text?.body === 'survives a restart'));
    await first.server.close();
    standIn.recover();
    const second = await startServer(kind, standIn.env(), { database: first.database });
    try {
      await standIn.waitFor(() => standIn.messagesTo(phoneNumber).length === 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(standIn.messagesTo(phoneNumber).map((request) => request.body.text.body)).toEqual(['survives a restart']);
    } finally {
      await second.close();
    }
  });
});

// Row locks (FOR UPDATE SKIP LOCKED) are what keep two dispatchers apart; SQLite has a single writer.
describe.runIf(databases.includes('mariadb'))('two server instances on one MariaDB database', () => {
  let standIn: CloudApiStandIn;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
  });
  afterAll(() => standIn.close());

  it('two instances on one database send every reply exactly once', async () => {
    const a = await startServer('mariadb', standIn.env({ OUTBOX_POLL_MS: '10' }));
    const b = await startServer('mariadb', standIn.env({ OUTBOX_POLL_MS: '10' }), { database: a.database });
    try {
      const phones = [uniquePhone(), uniquePhone(), uniquePhone()];
      const tickets = await Promise.all(phones.map((phoneNumber) => createTicket(a, { phoneNumber })));
      const bodies = tickets.flatMap((ticket, index) =>
        Array.from({ length: 10 }, (_, n) => ({ ticket, body: `p${index} m${n}` })),
      );
      await Promise.all(bodies.map(({ ticket, body }, n) => (n % 2 ? a : b).ok(SEND, { id: ticket.id, body })));
      await standIn.waitFor(() => phones.every((phone) => standIn.messagesTo(phone).length >= 10), 20_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const phone of phones) {
        const sent = standIn.messagesTo(phone).map((request) => request.body.text.body);
        expect(sent).toHaveLength(10);
        expect(new Set(sent).size).toBe(10);
      }
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe.each(databases)('a Cloud API that hangs, on %s', (kind) => {
  let standIn: CloudApiStandIn;
  let server: TestServer;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    server = await startServer(kind, standIn.env({ WHATSAPP_TIMEOUT_MS: '300', OUTBOX_MAX_ATTEMPTS: '1000' }));
  });
  afterAll(async () => {
    await server.close();
    await standIn.close();
  });
  const deliveryOf = async (ticketId: string) =>
    (await server.ok(THREAD, { id: ticketId })).ticket.messages.edges.at(-1).node;

  it('a Cloud API that does not answer in time is retried; the reply goes out once it answers again', async () => {
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(server, { phoneNumber });
    standIn.slowDown(1500); // longer than WHATSAPP_TIMEOUT_MS below
    await server.ok(SEND, { id: ticket.id, body: 'despite the slowness' });
    await standIn.waitFor(
      (requests) => requests.filter((request) => request.body.text?.body === 'despite the slowness').length >= 2,
      10_000,
    );
    expect((await deliveryOf(ticket.id)).deliveryStatus).toBe('PENDING');
    standIn.recover();
    await eventually(async () => ((await deliveryOf(ticket.id)).deliveryStatus === 'SENT' ? true : undefined));
  });
});

describe.each(databases)('replies on a quiet desk, on %s', (kind) => {
  // The longest poll there is: only the wake-up on commit can send a reply within seconds.
  const world = useServerWithCloudApi(kind, { OUTBOX_POLL_MS: '60000' });

  it('a reply and the bot’s answer go out as soon as they are committed, not at the next poll', async () => {
    const phoneNumber = uniquePhone();
    const ticket = await createTicket(world.server, { phoneNumber });
    await world.server.ok(SEND, { id: ticket.id, body: 'straight away' });
    await world.standIn.waitFor(
      () => world.standIn.messagesTo(phoneNumber).some((request) => request.body.text?.body === 'straight away'),
      5_000,
    );

    const person = uniquePhone();
    expect((await postWebhook(world.server, inboundText(person, 'hi').body)).status).toBe(200);
    await world.standIn.waitFor(() => world.standIn.messagesTo(person).length === 1, 5_000);
  });
});
