// Replies are never lost or doubled: what the Cloud API receives (bodies, counts, order) and what agents
// see (deliveryStatus, deliveryError) when it fails, rate-limits or refuses, across restarts and instances.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  rateLimited,
  serverError,
  STAND_IN_PHONE_ID,
  STAND_IN_TOKEN,
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
  type DatabaseKind,
  type TestServer,
} from '../helpers/harness.js';

const SEND = 'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id deliveryStatus } }';
const CLOSE = 'mutation($id: ID!, $message: String) { closeTicket(ticketId: $id, message: $message) { status } }';
const THREAD =
  'query($id: ID!) { ticket(id: $id) { messages(last: 50) { edges { node { body deliveryStatus deliveryError } } } } }';
/** Many poll and retry periods (20 ms and at most 200 ms): long enough for a doubled or extra send to show. */
const SETTLE_MS = 600;

const textTo = (to: string, body: string) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to,
  type: 'text',
  text: { preview_url: false, body },
});

/** Every text send the stand-in saw for one number, accepted or not, in arrival order. */
const attemptsTo = (standIn: CloudApiStandIn, phone: string) =>
  standIn.requests
    .filter((request) => request.body.to === phone && request.body.type === 'text')
    .map((request) => ({ body: request.body.text.body as string, status: request.status }));
const deliveredTo = (standIn: CloudApiStandIn, phone: string) =>
  standIn.messagesTo(phone).map((request) => request.body.text?.body as string);

async function thread(
  server: TestServer,
  ticketId: string,
): Promise<{ body: string; deliveryStatus: string | null; deliveryError: string | null }[]> {
  return (await server.ok(THREAD, { id: ticketId })).ticket.messages.edges.map((edge: { node: unknown }) => edge.node);
}
/** What agents see for one message once it is no longer PENDING. */
const settledDelivery = (server: TestServer, ticketId: string, body: string) =>
  eventually(
    async () => {
      const message = (await thread(server, ticketId)).find((node) => node.body === body);
      return message && message.deliveryStatus !== 'PENDING'
        ? { deliveryStatus: message.deliveryStatus, deliveryError: message.deliveryError }
        : undefined;
    },
    10_000,
    `"${body}" to leave PENDING`,
  );

describe.each(databases)('the outbox on %s', (kind) => {
  let standIn: CloudApiStandIn;
  let server: TestServer;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    server = await startServer(kind, standIn.env({ OUTBOX_MAX_ATTEMPTS: '4' }));
  });
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });
  // A test that fails halfway must not leave the Cloud API failing for the next ones.
  afterEach(() => standIn.recover());
  const reply = (ticketId: string, body: string) => server.ok(SEND, { id: ticketId, body });

  it('a reply and a closing message each reach the Cloud API once, as the documented request, and show SENT', async () => {
    const phone = uniquePhone();
    const ticket = await createTicket(server, { phoneNumber: phone });
    expect((await reply(ticket.id, 'Your results are online now.')).sendMessage.deliveryStatus).toBe('PENDING');
    await server.ok(CLOSE, { id: ticket.id, message: 'Closing this ticket. Good luck!' });
    await standIn.waitFor(() => attemptsTo(standIn, phone).length === 2);
    await sleep(SETTLE_MS);
    const requests = standIn.requests.filter((request) => request.body.to === phone);
    const expected = (body: string) => ({
      path: `/v21.0/${STAND_IN_PHONE_ID}/messages`,
      authorization: `Bearer ${STAND_IN_TOKEN}`,
      body: textTo(phone, body),
      status: 200,
    });
    expect(requests.map(({ path, authorization, body, status }) => ({ path, authorization, body, status }))).toEqual([
      expected('Your results are online now.'),
      expected('Closing this ticket. Good luck!'),
    ]);
    for (const body of ['Your results are online now.', 'Closing this ticket. Good luck!']) {
      expect(await settledDelivery(server, ticket.id, body)).toEqual({ deliveryStatus: 'SENT', deliveryError: null });
    }
  });

  it('a rate limit (429, code 130429) is retried and the reply then goes out once', async () => {
    const phone = uniquePhone();
    const ticket = await createTicket(server, { phoneNumber: phone });
    standIn.failNext(rateLimited, rateLimited);
    await reply(ticket.id, 'after the limit');
    expect(await settledDelivery(server, ticket.id, 'after the limit')).toEqual({
      deliveryStatus: 'SENT',
      deliveryError: null,
    });
    await sleep(SETTLE_MS);
    expect(attemptsTo(standIn, phone)).toEqual([429, 429, 200].map((status) => ({ body: 'after the limit', status })));
  });

  it.each([
    ['131047 (the window closed on WhatsApp’s side)', windowClosedError, '131047'],
    ['131026 (undeliverable)', undeliverable, '131026'],
  ])(
    '%s fails the reply at once with the code, is never retried, and the next reply still goes out',
    async (_, answer, code) => {
      const phone = uniquePhone();
      const ticket = await createTicket(server, { phoneNumber: phone });
      standIn.failNext(answer);
      await reply(ticket.id, 'refused by WhatsApp');
      await reply(ticket.id, 'the next one');
      const failed = await settledDelivery(server, ticket.id, 'refused by WhatsApp');
      expect(failed.deliveryStatus).toBe('FAILED');
      expect(failed.deliveryError).toContain(code);
      expect(await settledDelivery(server, ticket.id, 'the next one')).toEqual({
        deliveryStatus: 'SENT',
        deliveryError: null,
      });
      await sleep(SETTLE_MS);
      expect(attemptsTo(standIn, phone)).toEqual([
        { body: 'refused by WhatsApp', status: 400 },
        { body: 'the next one', status: 200 },
      ]);
    },
  );

  it('after OUTBOX_MAX_ATTEMPTS failures a reply is FAILED with "gave up after", never tried again, and the one behind it goes out', async () => {
    const phone = uniquePhone();
    const ticket = await createTicket(server, { phoneNumber: phone });
    standIn.failNext(serverError, serverError, serverError, serverError);
    await reply(ticket.id, 'never accepted');
    await reply(ticket.id, 'waited its turn');
    const failed = await settledDelivery(server, ticket.id, 'never accepted');
    expect(failed.deliveryStatus).toBe('FAILED');
    expect(failed.deliveryError).toMatch(/^gave up after 4 attempts/);
    expect(await settledDelivery(server, ticket.id, 'waited its turn')).toEqual({
      deliveryStatus: 'SENT',
      deliveryError: null,
    });
    await sleep(SETTLE_MS);
    expect(attemptsTo(standIn, phone)).toEqual([
      ...Array.from({ length: 4 }, () => ({ body: 'never accepted', status: 500 })),
      { body: 'waited its turn', status: 200 },
    ]);
  });

  it('a reply after the 24-hour window closed is refused with REPLY_WINDOW_CLOSED, stored nowhere and sent nowhere', async () => {
    const phone = uniquePhone();
    const longAgo = new Date(Date.now() - 25 * 3600_000);
    for (const text of ['hi', '1', 'my issue'])
      expect((await postWebhook(server, inboundText(phone, text, { sentAt: longAgo }).body)).status).toBe(200);
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 3); // the bot's menu, prompt and "ticket open"
    const found = await server.ok(
      'query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { edges { node { id replyWindowClosesAt } } } }',
      { phone },
    );
    const { id, replyWindowClosesAt } = found.tickets.edges[0].node;
    expect(Date.parse(replyWindowClosesAt)).toBeLessThan(Date.now());

    const refused = await server.gql(SEND, { id, body: 'Sorry for the wait' }, server.adminToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('REPLY_WINDOW_CLOSED');
    await sleep(SETTLE_MS);
    expect(standIn.requests.filter((request) => request.body.to === phone)).toHaveLength(3);
    expect(standIn.requests.some((request) => request.body.text?.body === 'Sorry for the wait')).toBe(false);
    expect((await thread(server, id)).map((node) => node.body)).not.toContain('Sorry for the wait');
  });
});

// A keeper owns (and finally drops) the database and sends nothing: without WhatsApp credentials it runs
// no dispatcher. The instances under test share its database, so closing one does not drop the data.
const keeperFor = (kind: DatabaseKind) => startServer(kind);

describe.each(databases)('an outage of the Cloud API, on %s', (kind) => {
  // Attempts that do not run out during the outage: the first reply waits, it does not give up.
  let standIn: CloudApiStandIn;
  let server: TestServer;
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    server = await startServer(kind, standIn.env({ OUTBOX_MAX_ATTEMPTS: '1000' }));
  });
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });
  const reply = (ticketId: string, body: string) => server.ok(SEND, { id: ticketId, body });

  it('while the Cloud API answers 500, queued replies wait behind the first; afterwards each goes out exactly once, in order', async () => {
    const [ann, bob] = [uniquePhone(), uniquePhone()];
    const annTicket = await createTicket(server, { phoneNumber: ann });
    const bobTicket = await createTicket(server, { phoneNumber: bob });
    standIn.failAlways(serverError);
    for (const body of ['one', 'two', 'three']) await reply(annTicket.id, body);
    await reply(bobTicket.id, 'for Bob');
    await server.ok(CLOSE, { id: annTicket.id, message: 'four, closing' });
    await standIn.waitFor(() => attemptsTo(standIn, ann).length >= 3 && attemptsTo(standIn, bob).length >= 2);
    // Only each person's earliest reply is tried while the API is down; nothing has been accepted.
    expect(new Set(attemptsTo(standIn, ann).map((attempt) => attempt.body))).toEqual(new Set(['one']));
    expect(new Set(attemptsTo(standIn, bob).map((attempt) => attempt.body))).toEqual(new Set(['for Bob']));
    expect(
      (await thread(server, annTicket.id)).filter((node) => node.deliveryStatus === 'PENDING').map((node) => node.body),
    ).toEqual(['one', 'two', 'three', 'four, closing']);

    standIn.recover();
    await standIn.waitFor(() => deliveredTo(standIn, ann).length >= 4 && deliveredTo(standIn, bob).length >= 1);
    await sleep(SETTLE_MS);
    expect(deliveredTo(standIn, ann)).toEqual(['one', 'two', 'three', 'four, closing']);
    expect(deliveredTo(standIn, bob)).toEqual(['for Bob']);
    for (const body of ['one', 'two', 'three', 'four, closing'])
      expect((await settledDelivery(server, annTicket.id, body)).deliveryStatus).toBe('SENT');
    expect((await settledDelivery(server, bobTicket.id, 'for Bob')).deliveryStatus).toBe('SENT');
  });
});

describe.each(databases)('a restart on %s', (kind) => {
  let standIn: CloudApiStandIn;
  let keeper: TestServer;
  const running: TestServer[] = [];
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    keeper = await keeperFor(kind);
  });
  // Each test starts with no dispatcher left running from the one before.
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close();
  });
  afterAll(async () => {
    await keeper?.close();
    await standIn?.close();
  });
  const instance = async () => {
    const server = await startServer(kind, standIn.env(), { database: keeper.database });
    running.push(server);
    return server;
  };
  const stop = (server: TestServer) => {
    running.splice(running.indexOf(server), 1);
    return server.close();
  };

  it('replies queued while the Cloud API is down survive a restart and go out exactly once, in order', async () => {
    const first = await instance();
    const phone = uniquePhone();
    const ticket = await createTicket(first, { phoneNumber: phone });
    standIn.failAlways(serverError);
    for (const body of ['before the restart', 'also before']) await first.ok(SEND, { id: ticket.id, body });
    await standIn.waitFor(() => attemptsTo(standIn, phone).length >= 2);
    await stop(first);
    standIn.recover();
    const second = await instance();
    await standIn.waitFor(() => deliveredTo(standIn, phone).length >= 2);
    await sleep(SETTLE_MS);
    expect(deliveredTo(standIn, phone)).toEqual(['before the restart', 'also before']);
    expect(
      attemptsTo(standIn, phone)
        .filter((attempt) => attempt.status === 500)
        .every((attempt) => attempt.body === 'before the restart'),
    ).toBe(true);
    expect((await settledDelivery(second, ticket.id, 'also before')).deliveryStatus).toBe('SENT');
  });

  it('a reply in flight when the server stops is sent once, and not again by the next server', async () => {
    const first = await instance();
    const phone = uniquePhone();
    const ticket = await createTicket(first, { phoneNumber: phone });
    standIn.slowDown(500);
    await first.ok(SEND, { id: ticket.id, body: 'in flight at shutdown' });
    await sleep(150);
    expect(deliveredTo(standIn, phone)).toEqual([]); // claimed and posted, the answer not yet back
    await stop(first);
    standIn.recover();
    const second = await instance();
    await sleep(SETTLE_MS);
    expect(deliveredTo(standIn, phone)).toEqual(['in flight at shutdown']);
    expect(await settledDelivery(second, ticket.id, 'in flight at shutdown')).toEqual({
      deliveryStatus: 'SENT',
      deliveryError: null,
    });
  });
});

// Row locks (FOR UPDATE SKIP LOCKED) keep dispatchers apart; SQLite deployments run one instance.
describe.runIf(databases.includes('mariadb'))('two server instances on one MariaDB database', () => {
  let standIn: CloudApiStandIn;
  let keeper: TestServer;
  const running: TestServer[] = [];
  beforeAll(async () => {
    standIn = await startCloudApiStandIn();
    keeper = await keeperFor('mariadb');
  });
  // Each test starts with no dispatcher left running from the one before.
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close();
  });
  afterAll(async () => {
    await keeper?.close();
    await standIn?.close();
  });
  const instance = async () => {
    const server = await startServer('mariadb', standIn.env({ OUTBOX_POLL_MS: '10', OUTBOX_MAX_ATTEMPTS: '1000' }), {
      database: keeper.database,
    });
    running.push(server);
    return server;
  };

  it('two dispatchers sharing the queue send every reply exactly once, in order per person, through failures', async () => {
    const [a, b] = [await instance(), await instance()];
    const phones = [uniquePhone(), uniquePhone(), uniquePhone(), uniquePhone()];
    const tickets = await Promise.all(phones.map((phoneNumber) => createTicket(a, { phoneNumber })));
    standIn.failNext(serverError, rateLimited, serverError, serverError, rateLimited, serverError);
    const bodies = (person: number) => Array.from({ length: 8 }, (_, n) => `person ${person} reply ${n}`);
    // Each person's replies are written one after another, alternately through A and B; people in parallel.
    await Promise.all(
      tickets.map(async (ticket, person) => {
        for (const [n, body] of bodies(person).entries()) await (n % 2 ? a : b).ok(SEND, { id: ticket.id, body });
      }),
    );
    await standIn.waitFor(() => phones.every((phone) => deliveredTo(standIn, phone).length >= 8), 20_000);
    await sleep(SETTLE_MS);
    for (const [person, phone] of phones.entries()) expect(deliveredTo(standIn, phone)).toEqual(bodies(person));
  });

  it('an instance that starts while another is sending a reply does not send it a second time', async () => {
    const a = await instance();
    const phone = uniquePhone();
    const ticket = await createTicket(a, { phoneNumber: phone });
    standIn.slowDown(2500); // A's request is still unanswered when B starts
    await a.ok(SEND, { id: ticket.id, body: 'sent by one instance only' });
    await sleep(150);
    const b = await instance();
    expect(deliveredTo(standIn, phone)).toEqual([]); // B did start while A's send was unanswered
    standIn.recover();
    await standIn.waitFor(() => deliveredTo(standIn, phone).length >= 1);
    await sleep(2500 + SETTLE_MS); // long enough for a second, equally slow send to land
    expect(deliveredTo(standIn, phone)).toEqual(['sent by one instance only']);
    expect(await settledDelivery(b, ticket.id, 'sent by one instance only')).toEqual({
      deliveryStatus: 'SENT',
      deliveryError: null,
    });
  });
});
