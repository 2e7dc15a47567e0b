// Subscribers who share an execution share its frame: identical subscribers (same operation, variables and viewer)
// get the same payload bytes from one execution per event, and anyone whose viewer, rights, variables or selection
// differ gets an answer of their own. Read off real sockets: the raw frames, and /metrics for the executions.
import { randomBytes } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTicket, databases, REDIS_PORT, redisAnswers, startServer, type TestServer } from '../helpers/harness.js';
import { sampleSum } from '../observability/prometheus-text.js';

const METRICS_TOKEN = 'metrics-token-for-shared-frames';
const redisAvailable = await redisAnswers('the shared-frames test across two instances');

interface Frame {
  text: string;
  isBinary: boolean;
}

/** One socket of a graphql-ws client, with every frame the server sent it, raw. */
interface Socket {
  client: Client;
  frames: Frame[];
  /** The `next` frames whose data has `field`, parsed, with their raw text. */
  nexts(field: string): { text: string; data: any; errors?: any[] }[];
}

const sockets: Socket[] = [];
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.client.dispose()));
});

function connect(server: TestServer, token: string): Socket {
  const frames: Frame[] = [];
  class RecordingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.on('message', (data, isBinary) => frames.push({ text: String(data), isBinary }));
    }
  }
  const client = createClient({
    url: server.wsUrl,
    webSocketImpl: RecordingWebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
  });
  const socket: Socket = {
    client,
    frames,
    nexts: (field) =>
      frames
        .map((frame) => ({ text: frame.text, message: JSON.parse(frame.text) }))
        .filter(({ message }) => message.type === 'next' && message.payload?.data?.[field] !== undefined)
        .map(({ text, message }) => ({ text, data: message.payload.data[field], errors: message.payload.errors })),
  };
  sockets.push(socket);
  return socket;
}

/** Subscribes, and resolves once the server has taken the subscription up (a query answered after it on the socket). */
async function listen(socket: Socket, query: string, variables: Record<string, unknown> = {}) {
  const errors: unknown[] = [];
  const stop = socket.client.subscribe(
    { query, variables },
    { next: () => undefined, error: (error) => errors.push(error), complete: () => undefined },
  );
  await new Promise<void>((resolve, reject) =>
    socket.client.subscribe({ query: '{ me { id } }' }, { next: () => undefined, error: reject, complete: resolve }),
  );
  await new Promise((resolve) => setTimeout(resolve, 100));
  return Object.assign(errors, { stop });
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A `next` frame without its subscription's id: what every subscriber sharing the answer must get byte for byte. */
const withoutId = (text: string) => {
  expect(text).toMatch(/^\{"id":"[^"]+","type":"next","payload":/);
  return text.slice(text.indexOf(',"type":"next"'));
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function executions(server: TestServer): Promise<number> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return sampleSum(await response.text(), 'desk_subscription_executions_total');
}

describe.each(databases)('shared subscription frames on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { METRICS_TOKEN, WS_MAX_OPERATIONS: '3' });
  });
  afterAll(() => server.close());

  it('identical subscribers get the same correct bytes, from one execution per event', async () => {
    const agent = await server.createAgent('Sf Same Frames');
    const query = 'subscription { ticketCreated { id senderName status priority messageCount unreadCount } }';
    const tabs = Array.from({ length: 6 }, () => connect(server, agent.token));
    for (const tab of tabs) await listen(tab, query);
    const before = await executions(server);

    const ticket = await createTicket(server);
    await until('every tab has the ticket', () =>
      tabs.every((tab) => tab.nexts('ticketCreated').some(({ data }) => data.id === ticket.id)),
    );
    await settle();

    const frames = tabs.map((tab) => tab.nexts('ticketCreated').find(({ data }) => data.id === ticket.id)!);
    for (const frame of frames) expect(withoutId(frame.text)).toBe(withoutId(frames[0]!.text));
    for (const tab of tabs) expect(tab.frames.every((frame) => !frame.isBinary)).toBe(true);
    const asked = await server.ok<{ ticket: Record<string, unknown> }>(
      'query($id: ID!) { ticket(id: $id) { id senderName status priority messageCount unreadCount } }',
      { id: ticket.id },
      agent.token,
    );
    expect(frames[0]!.data).toEqual(asked.ticket);
    expect(await executions(server)).toBe(before + 1);
  });

  it('each viewer gets their own answer, executed once for all of their sockets', async () => {
    const mine = await server.createAgent('Sf Assignee');
    const other = await server.createAgent('Sf Other Agent');
    const ticket = await createTicket(server);
    await server.ok('mutation($t: ID!) { markTicketRead(ticketId: $t) { id } }', { t: ticket.id }, mine.token);
    const updated = 'subscription($id: ID) { ticketUpdated(id: $id) { id unreadCount assignee { id available } } }';
    const counts = 'subscription { notificationsChanged { assignedToMe parkedElements } }';
    const viewers = [mine.token, other.token, server.adminToken];
    const tabs = viewers.map((token) => [connect(server, token), connect(server, token)]);
    for (const tab of tabs.flat()) {
      await listen(tab, updated, { id: ticket.id });
      await listen(tab, counts);
    }
    const before = await executions(server);

    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: ticket.id,
      a: mine.id,
    });
    await until('every tab has the assignment', () =>
      tabs.flat().every((tab) => tab.nexts('ticketUpdated').some(({ data }) => data.assignee?.id === mine.id)),
    );
    await settle();

    const last = (tab: Socket, field: string) => tab.nexts(field).at(-1)!;
    const [[mineTab], [otherTab], [adminTab]] = tabs as [Socket[], Socket[], Socket[]];
    // What only the assignee, or only an admin, may see of the assignee; unread counts per reader.
    expect(last(mineTab!, 'ticketUpdated').data).toEqual({
      id: ticket.id,
      unreadCount: 0,
      assignee: { id: mine.id, available: false },
    });
    expect(last(otherTab!, 'ticketUpdated').data).toEqual({
      id: ticket.id,
      unreadCount: 1,
      assignee: { id: mine.id, available: null },
    });
    expect(last(adminTab!, 'ticketUpdated').data).toEqual({
      id: ticket.id,
      unreadCount: 1,
      assignee: { id: mine.id, available: false },
    });
    expect(last(mineTab!, 'notificationsChanged').data.assignedToMe).toBe(1);
    expect(last(otherTab!, 'notificationsChanged').data.assignedToMe).toBe(0);
    // Both tabs of one viewer got the same bytes; the three viewers' tickets differ (the counts of the two who
    // are not assigned happen to be equal).
    for (const field of ['ticketUpdated', 'notificationsChanged']) {
      const texts = tabs.map((pair) => pair.map((tab) => withoutId(last(tab, field).text)));
      for (const [first, second] of texts) expect(second).toBe(first);
      expect(new Set(texts.map(([first]) => first)).size).toBe(field === 'ticketUpdated' ? 3 : 2);
    }
    // Three viewers, six sockets: three executions per event of each subscription, not six.
    const events = mineTab!.nexts('ticketUpdated').length + mineTab!.nexts('notificationsChanged').length;
    expect(events).toBeGreaterThanOrEqual(2);
    expect(await executions(server)).toBe(before + 3 * events);
  });

  it('a subscriber who stops hears no more, while identical ones go on, and the last to stop ends the stream', async () => {
    const agent = await server.createAgent('Sf Stops');
    const query = 'subscription { ticketCreated { id } }';
    const tabs = [connect(server, agent.token), connect(server, agent.token), connect(server, agent.token)];
    const subscriptions = [];
    for (const tab of tabs) subscriptions.push(await listen(tab, query));
    const active = async () => {
      const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      return sampleSum(await response.text(), 'desk_subscriptions_active');
    };
    const running = await active();
    subscriptions[0]!.stop();
    await settle();
    expect(await active()).toBe(running - 1);

    const ticket = await createTicket(server);
    await until('the two that stay', () =>
      tabs.slice(1).every((tab) => tab.nexts('ticketCreated').some(({ data }) => data.id === ticket.id)),
    );
    await settle();
    expect(tabs[0]!.nexts('ticketCreated')).toEqual([]);

    for (const subscription of subscriptions.slice(1)) subscription.stop();
    await settle();
    expect(await active()).toBe(running - 3);
    const before = await executions(server);
    await createTicket(server);
    await settle();
    expect(await executions(server)).toBe(before);
    for (const tab of tabs.slice(1)) expect(tab.nexts('ticketCreated')).toHaveLength(1);
  });

  it('one viewer’s different selections and variables get their own answers', async () => {
    const agent = await server.createAgent('Sf Selections');
    const [first, second] = [await createTicket(server), await createTicket(server)];
    const short = 'subscription($id: ID) { ticketUpdated(id: $id) { id priority } }';
    const long = 'subscription($id: ID) { ticketUpdated(id: $id) { id priority status } }';
    const [shortTab, longTab, otherTicketTab] = [
      connect(server, agent.token),
      connect(server, agent.token),
      connect(server, agent.token),
    ] as const;
    await listen(shortTab, short, { id: first.id });
    await listen(longTab, long, { id: first.id });
    await listen(otherTicketTab, short, { id: second.id });
    const before = await executions(server);

    await server.ok('mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: HIGH) { id } }', { t: first.id });
    await until(
      'both selections',
      () => shortTab.nexts('ticketUpdated').length + longTab.nexts('ticketUpdated').length >= 2,
    );
    await settle();
    expect(shortTab.nexts('ticketUpdated').map(({ data }) => data)).toEqual([{ id: first.id, priority: 'HIGH' }]);
    expect(longTab.nexts('ticketUpdated').map(({ data }) => data)).toEqual([
      { id: first.id, priority: 'HIGH', status: 'OPEN' },
    ]);
    expect(otherTicketTab.nexts('ticketUpdated')).toEqual([]);
    expect(await executions(server)).toBe(before + 2);

    await server.ok('mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: LOW) { id } }', { t: second.id });
    await until('the other ticket', () => otherTicketTab.nexts('ticketUpdated').length === 1);
    expect(otherTicketTab.nexts('ticketUpdated')[0]!.data).toEqual({ id: second.id, priority: 'LOW' });
    expect(shortTab.nexts('ticketUpdated')).toHaveLength(1);
  });

  it('what only its author may edit is told to each viewer as theirs', async () => {
    const author = await server.createAgent('Sf Author');
    const reader = await server.createAgent('Sf Reader');
    const query = 'subscription { cannedResponseChanged { id cannedResponse { title viewerCanEdit } } }';
    const tabs = [author.token, reader.token, server.adminToken].map((token) => connect(server, token));
    for (const tab of tabs) await listen(tab, query);

    const shortcode = `sf-${randomBytes(3).toString('hex')}`;
    await server.ok(
      'mutation($input: CreateCannedResponseInput!) { createCannedResponse(input: $input) { id } }',
      { input: { shortcode, title: 'Shared frames', body: 'Hello {{name}}' } },
      author.token,
    );
    await until('every viewer has the change', () => tabs.every((tab) => tab.nexts('cannedResponseChanged').length));
    expect(tabs.map((tab) => tab.nexts('cannedResponseChanged')[0]!.data.cannedResponse.viewerCanEdit)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('an error for one subscriber reaches them alone, and the shared frames go on', async () => {
    const agent = await server.createAgent('Sf Errors');
    const query = 'subscription { ticketCreated { id } }';
    const [busy, calm] = [connect(server, agent.token), connect(server, agent.token)];
    // WS_MAX_OPERATIONS is 3 here: the fourth operation at once on a socket is refused with its own error.
    for (let i = 0; i < 2; i++) expect([...(await listen(busy, query))]).toEqual([]);
    const third: unknown[] = [];
    busy.client.subscribe(
      { query },
      { next: () => undefined, error: (error) => third.push(error), complete: () => undefined },
    );
    const refused = await new Promise<any>((resolve) =>
      busy.client.subscribe({ query }, { next: () => undefined, error: resolve, complete: () => resolve(null) }),
    );
    await settle();
    expect(third).toEqual([]);
    expect(refused[0].extensions.code).toBe('RATE_LIMITED');
    await listen(calm, query);

    const ticket = await createTicket(server);
    await until('both sockets', () =>
      [busy, calm].every((tab) => tab.nexts('ticketCreated').some(({ data }) => data.id === ticket.id)),
    );
    await settle();
    expect(busy.nexts('ticketCreated')).toHaveLength(3);
    expect(calm.nexts('ticketCreated')).toHaveLength(1);
    expect(calm.frames.filter((frame) => JSON.parse(frame.text).type === 'error')).toEqual([]);
    for (const frame of busy.nexts('ticketCreated'))
      expect(withoutId(frame.text)).toBe(withoutId(calm.nexts('ticketCreated')[0]!.text));
  });
});

describe.runIf(databases.includes('mariadb') && redisAvailable)('shared frames on two instances with Redis', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const env = {
      METRICS_TOKEN,
      REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
      REDIS_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
    };
    a = await startServer('mariadb', env);
    b = await startServer('mariadb', env, { database: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a ticket opened on one instance reaches identical subscribers on both, executed once on each', async () => {
    const query = 'subscription { ticketCreated { id senderName status } }';
    const tabs = [a, a, a, b, b, b].map((server) => connect(server, a.adminToken));
    for (const tab of tabs) await listen(tab, query);
    const before = [await executions(a), await executions(b)];

    const ticket = await createTicket(b);
    await until('every tab on both instances', () =>
      tabs.every((tab) => tab.nexts('ticketCreated').some(({ data }) => data.id === ticket.id)),
    );
    await settle();
    const texts = tabs.map((tab) =>
      withoutId(tab.nexts('ticketCreated').find(({ data }) => data.id === ticket.id)!.text),
    );
    expect(new Set(texts).size).toBe(1);
    expect(JSON.parse(texts[0]!.slice(',"type":"next","payload":'.length, -1)).data.ticketCreated.id).toBe(ticket.id);
    expect([await executions(a), await executions(b)]).toEqual([before[0]! + 1, before[1]! + 1]);
  });
});
