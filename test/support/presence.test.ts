// Collision detection: agents see who else views a ticket and who is typing, live over graphql-ws; a reply is
// held back when another agent answered meanwhile; the person on WhatsApp sees "typing…". On SQLite and
// MariaDB, and across two instances sharing MariaDB and Redis.
import { randomBytes } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudApiStandIn, type CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import {
  createTicket,
  REDIS_PORT,
  redisAnswers,
  databases,
  inboundText,
  postWebhook,
  startServer,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import { PresenceBoard } from '../../src/support/presence.board.js';
import type { PresenceEvent } from '../../src/pubsub/pubsub.js';

interface Viewer {
  agent: { id: string; name: string };
  since: string;
  typing: boolean;
  typingSince: string | null;
}
interface Presence {
  ticketId: string;
  viewers: Viewer[];
}

const TTL_MS = 3000;
const FIELDS = 'ticketId viewers { agent { id name } since typing typingSince }';
const REPORT = `mutation($t: ID!, $typing: Boolean, $viewing: Boolean) { reportPresence(ticketId: $t, typing: $typing, viewing: $viewing) { ${FIELDS} } }`;
const SUBSCRIBE = `subscription($t: ID!) { ticketPresence(ticketId: $t) { ${FIELDS} } }`;

const viewerOf = (presence: Presence | undefined, agentId: string) =>
  presence?.viewers.find((viewer) => viewer.agent.id === agentId);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A live view of one ticket's presence: every event, and a wait for the latest to match. */
function watch(client: Client, ticketId: string) {
  const events: Presence[] = [];
  let failure: unknown = null;
  const stop = client.subscribe<{ ticketPresence: Presence }>(
    { query: SUBSCRIBE, variables: { t: ticketId } },
    {
      next: (result) => {
        if (result.errors) failure = result.errors;
        else events.push(result.data!.ticketPresence);
      },
      error: (error) => {
        failure = error;
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    get failure() {
      return failure;
    },
    /** Resolves with the latest presence once it matches, and how long that took. */
    async until(
      predicate: (presence: Presence) => boolean,
      ms = 5000,
      what = 'the expected presence',
    ): Promise<{ presence: Presence; afterMs: number }> {
      const started = Date.now();
      for (;;) {
        const latest = events.at(-1);
        if (latest && predicate(latest)) return { presence: latest, afterMs: Date.now() - started };
        if (failure) throw new Error(`presence subscription failed: ${JSON.stringify(failure)}`);
        if (Date.now() - started > ms)
          throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events)}`);
        await sleep(20);
      }
    },
    stop,
  };
}

/** reportPresence over the agent's socket, as the admin UI sends it. */
function reportOver(
  client: Client,
  ticketId: string,
  report: { typing?: boolean; viewing?: boolean } = {},
): Promise<Presence> {
  return new Promise((resolve, reject) => {
    let answer: Presence | undefined;
    client.subscribe<{ reportPresence: Presence }>(
      { query: REPORT, variables: { t: ticketId, ...report } },
      {
        next: (result) => {
          if (result.errors) reject(new Error(JSON.stringify(result.errors)));
          else answer = result.data!.reportPresence;
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(answer!),
      },
    );
  });
}

/**
 * An agent's browser tab on a ticket: one socket carrying the presence subscription and the reports, as the
 * admin UI does. (A socket with nothing open is closed by the lazy client, and its viewer leaves with it.)
 */
async function openTab(server: TestServer, token: string, ticketId: string) {
  const socket = server.ws(token);
  const sees = watch(socket, ticketId);
  await sees.until(() => true, 5000, 'the first presence');
  return {
    socket,
    sees,
    report: (report: { typing?: boolean; viewing?: boolean } = {}) => reportOver(socket, ticketId, report),
    close: () => socket.dispose(),
  };
}

const reportOverHttp = (
  server: TestServer,
  token: string,
  ticketId: string,
  report: { typing?: boolean; viewing?: boolean } = {},
) => server.gql<{ reportPresence: Presence }>(REPORT, { t: ticketId, ...report }, token);

const SEND =
  'mutation($t: ID!, $b: String!, $since: DateTime) { sendMessage(ticketId: $t, body: $b, typingSince: $since) { id createdAt } }';

/** A ticket opened by a person on WhatsApp (menu, Chat Support, the issue); returns its id and the issue's WhatsApp id. */
async function whatsappTicket(
  server: TestServer,
  sentAt = new Date(),
): Promise<{ id: string; phone: string; issueId: string }> {
  const phone = uniquePhone();
  let issueId = '';
  for (const text of ['hello', '1', 'My certificate never arrived']) {
    const message = inboundText(phone, text, { sentAt });
    issueId = message.id;
    expect((await postWebhook(server, message.body)).status).toBe(200);
  }
  const { tickets } = await server.ok(
    'query($p: String!) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { id } } } }',
    { p: phone },
  );
  return { id: tickets.edges[0].node.id, phone, issueId };
}

const typingIndicators = (standIn: CloudApiStandIn) =>
  standIn.requests.filter((request) => request.body.typing_indicator);

describe.each(databases)('presence on %s', (kind) => {
  const world = useServerWithCloudApi(kind, {
    PRESENCE_TTL_MS: String(TTL_MS),
    RATE_LIMIT_MUTATIONS_PER_MINUTE: '200',
  });

  it('two agents on one ticket see each other viewing, with their names and since when', async () => {
    const { server } = world;
    const ann = await server.createAgent('Ann Viewer');
    const bea = await server.createAgent('Bea Viewer');
    const ticket = await createTicket(server);
    const annTab = await openTab(server, ann.token, ticket.id);
    const beaTab = await openTab(server, bea.token, ticket.id);
    expect(annTab.sees.events[0]).toEqual({ ticketId: ticket.id, viewers: [] });
    const before = Date.now();
    const answer = await annTab.report();
    expect(viewerOf(answer, ann.id)).toMatchObject({ agent: { name: 'Ann Viewer' }, typing: false, typingSince: null });
    await beaTab.report();
    for (const feed of [annTab.sees, beaTab.sees]) {
      const { presence } = await feed.until((p) => p.viewers.length === 2, 5000, 'both viewers');
      expect(presence.viewers.map((viewer) => viewer.agent.name)).toEqual(['Ann Viewer', 'Bea Viewer']);
      expect(Date.parse(presence.viewers[0]!.since)).toBeGreaterThanOrEqual(before - 1000);
    }
    // Anyone may ask over HTTP too.
    const { ticketPresence } = await server.ok(
      'query($t: ID!) { ticketPresence(ticketId: $t) { viewers { agent { name } } } }',
      { t: ticket.id },
    );
    expect(ticketPresence.viewers.map((viewer: Viewer) => viewer.agent.name)).toEqual(['Ann Viewer', 'Bea Viewer']);
    await Promise.all([annTab.close(), beaTab.close()]);
  });

  it('typing shows with when it began, and clears when the agent stops', async () => {
    const { server } = world;
    const ann = await server.createAgent('Ann Watcher');
    const bea = await server.createAgent('Bea Typist');
    const ticket = await createTicket(server);
    const annSees = watch(server.ws(ann.token), ticket.id);
    const beaTab = await openTab(server, bea.token, ticket.id);
    await beaTab.report();
    await annSees.until((p) => viewerOf(p, bea.id)?.typing === false, 5000, 'Bea viewing');
    const startedTyping = Date.now();
    await beaTab.report({ typing: true });
    const { presence } = await annSees.until((p) => viewerOf(p, bea.id)?.typing === true, 5000, 'Bea typing');
    expect(Date.parse(viewerOf(presence, bea.id)!.typingSince!)).toBeGreaterThanOrEqual(startedTyping - 1000);
    await beaTab.report({ typing: false });
    const cleared = await annSees.until((p) => viewerOf(p, bea.id)?.typing === false, 5000, 'Bea no longer typing');
    expect(viewerOf(cleared.presence, bea.id)).toMatchObject({ typing: false, typingSince: null });
    annSees.stop();
  });

  it('a viewer whose socket closes is gone at once, long before the heartbeat would expire', async () => {
    const { server } = world;
    const ann = await server.createAgent('Ann Stays');
    const bea = await server.createAgent('Bea Closes Tab');
    const ticket = await createTicket(server);
    const annSees = watch(server.ws(ann.token), ticket.id);
    const beaTab = await openTab(server, bea.token, ticket.id);
    await beaTab.report({ typing: true });
    await annSees.until((p) => viewerOf(p, bea.id)?.typing === true, 5000, 'Bea typing');
    await beaTab.close();
    const { afterMs } = await annSees.until((p) => !viewerOf(p, bea.id), 5000, 'Bea gone');
    expect(afterMs).toBeLessThan(TTL_MS / 2);
    annSees.stop();
  });

  it('a viewer who stops sending heartbeats expires within seconds, and one who leaves is gone at once', async () => {
    const { server } = world;
    const ann = await server.createAgent('Ann Waits');
    const tool = await server.createAgent('Bea Http');
    const ticket = await createTicket(server);
    const annSees = watch(server.ws(ann.token), ticket.id);
    // Over HTTP there is no socket to close: only the heartbeat's expiry ends the visit.
    expect((await reportOverHttp(server, tool.token, ticket.id)).errors).toBeUndefined();
    await annSees.until((p) => Boolean(viewerOf(p, tool.id)), 5000, 'the HTTP viewer');
    const reportedAt = Date.now();
    await sleep(TTL_MS / 2);
    expect(viewerOf(annSees.events.at(-1), tool.id)).toBeDefined();
    await annSees.until((p) => !viewerOf(p, tool.id), TTL_MS + 3000, 'the HTTP viewer to expire');
    const goneAfter = Date.now() - reportedAt;
    expect(goneAfter).toBeGreaterThanOrEqual(TTL_MS - 500);
    expect(goneAfter).toBeLessThan(TTL_MS + 2000);

    await reportOverHttp(server, tool.token, ticket.id);
    await annSees.until((p) => Boolean(viewerOf(p, tool.id)), 5000, 'the HTTP viewer back');
    await reportOverHttp(server, tool.token, ticket.id, { viewing: false });
    const { afterMs } = await annSees.until((p) => !viewerOf(p, tool.id), 5000, 'the HTTP viewer to leave');
    expect(afterMs).toBeLessThan(1000);
    annSees.stop();
  });

  it('one agent in two tabs is one viewer, typing if either tab types, and stays while a tab is open', async () => {
    const { server } = world;
    const ann = await server.createAgent('Ann Observer');
    const bea = await server.createAgent('Bea Two Tabs');
    const ticket = await createTicket(server);
    const annSees = watch(server.ws(ann.token), ticket.id);
    const [tab1, tab2] = await Promise.all([
      openTab(server, bea.token, ticket.id),
      openTab(server, bea.token, ticket.id),
    ]);
    await tab1.report();
    await tab2.report({ typing: true });
    const { presence } = await annSees.until(
      (p) => viewerOf(p, bea.id)?.typing === true,
      5000,
      'Bea typing in one tab',
    );
    expect(presence.viewers.filter((viewer) => viewer.agent.id === bea.id)).toHaveLength(1);
    await tab2.close();
    await annSees.until((p) => viewerOf(p, bea.id)?.typing === false, 5000, 'Bea still viewing in the other tab');
    annSees.stop();
  });

  it('a flood of heartbeats is coalesced into a few events, and past the mutation budget it is refused', async () => {
    const { server } = world;
    const ann = await server.createAgent('Ann Flooded');
    const flooder = await server.createAgent('Fl Flooder');
    const ticket = await createTicket(server);
    const annSees = watch(server.ws(ann.token), ticket.id);
    await annSees.until(() => true);
    const before = annSees.events.length;
    const answers = [];
    for (let batch = 0; batch < 10; batch++) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            reportOverHttp(server, flooder.token, ticket.id, { typing: (batch * 25 + i) % 2 === 0 }),
          ),
        )),
      );
    }
    const refused = answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(refused.length).toBeGreaterThanOrEqual(40);
    await sleep(800);
    // 200 reports went through, flipping typing every time: subscribers saw a handful of changes, not 200.
    const seen = annSees.events.length - before;
    expect(seen).toBeGreaterThanOrEqual(1);
    expect(seen).toBeLessThanOrEqual(12);
    expect(viewerOf(annSees.events.at(-1), flooder.id)).toBeDefined();
    annSees.stop();
  });

  it('a reply written since another agent replied is held back with OTHER_AGENT_REPLIED, and goes out when confirmed', async () => {
    const { server } = world;
    const ann = await server.createAgent('Ann Drafter');
    const bea = await server.createAgent('Bea Quick');
    const ticket = await createTicket(server);
    // Ann starts her draft: the server's clock, from her own typing report.
    const annTab = await openTab(server, ann.token, ticket.id);
    const typingSince = viewerOf(await annTab.report({ typing: true }), ann.id)!.typingSince!;
    await sleep(5);
    // Bea's internal note does not count; her reply to the person does.
    await server.ok(
      'mutation($t: ID!) { addNote(ticketId: $t, body: "I will take it") { id } }',
      { t: ticket.id },
      bea.token,
    );
    expect(
      (await server.gql(SEND, { t: ticket.id, b: 'Ann: no collision yet', since: typingSince }, ann.token)).errors,
    ).toBeUndefined();
    const beaReply = (await server.ok(SEND, { t: ticket.id, b: 'Bea: fixed it for you' }, bea.token)).sendMessage;

    const held = await server.gql(
      SEND,
      { t: ticket.id, b: 'Ann: here is how to fix it', since: typingSince },
      ann.token,
    );
    expect(held.errors?.[0]?.extensions?.code).toBe('OTHER_AGENT_REPLIED');
    expect(held.errors?.[0]?.message).toMatch(/Bea Quick replied/);
    const thread = async () =>
      (
        await server.ok('query($t: ID!) { ticket(id: $t) { messages { edges { node { body } } } } }', { t: ticket.id })
      ).ticket.messages.edges.map((edge: { node: { body: string } }) => edge.node.body);
    expect(await thread()).not.toContain('Ann: here is how to fix it');

    // A draft begun after Bea's reply is not held; nor is Ann's own reply a collision for her; without typingSince it always goes.
    expect(
      (await server.gql(SEND, { t: ticket.id, b: 'Ann: after reading Bea', since: beaReply.createdAt }, ann.token))
        .errors,
    ).toBeUndefined();
    expect(
      (await server.gql(SEND, { t: ticket.id, b: 'Bea: more', since: beaReply.createdAt }, bea.token)).errors?.[0]
        ?.extensions?.code,
    ).toBe('OTHER_AGENT_REPLIED');
    expect(
      (await server.gql(SEND, { t: ticket.id, b: 'Ann: here is how to fix it' }, ann.token)).errors,
    ).toBeUndefined();
    expect(await thread()).toContain('Ann: here is how to fix it');
  });

  it('typing shows the person a typing indicator on their last WhatsApp message, once per 20 s however many agents type', async () => {
    const { server, standIn } = world;
    const ann = await server.createAgent('Ann Typing');
    const bea = await server.createAgent('Bea Typing');
    const ticket = await whatsappTicket(server);
    const annTab = await openTab(server, ann.token, ticket.id);
    await annTab.report();
    await sleep(300);
    expect(typingIndicators(standIn).filter((request) => request.body.message_id === ticket.issueId)).toHaveLength(0);
    await annTab.report({ typing: true });
    await annTab.report({ typing: true });
    await reportOverHttp(server, bea.token, ticket.id, { typing: true });
    await standIn.waitFor(
      () => typingIndicators(standIn).some((request) => request.body.message_id === ticket.issueId),
      5000,
    );
    await sleep(500);
    const sent = typingIndicators(standIn).filter((request) => request.body.message_id === ticket.issueId);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: ticket.issueId,
      typing_indicator: { type: 'text' },
    });
    expect(sent[0]!.path).toMatch(/^\/v[\d.]+\/106540352242922\/messages$/);
  });

  it('no typing indicator outside the 24-hour window, for a ticket opened through the API, or for a resolved ticket', async () => {
    const { server, standIn } = world;
    const agent = await server.createAgent('Ann Quiet');
    const stale = await whatsappTicket(server, new Date(Date.now() - 25 * 3600 * 1000));
    const fromApi = await createTicket(server);
    const resolved = await whatsappTicket(server);
    await server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', { t: resolved.id });
    const before = typingIndicators(standIn).length;
    for (const id of [stale.id, fromApi.id, resolved.id])
      expect((await reportOverHttp(server, agent.token, id, { typing: true })).errors).toBeUndefined();
    await sleep(500);
    expect(typingIndicators(standIn)).toHaveLength(before);
  });

  it('refuses an unknown ticket, a missing token, and a token without the WRITE scope', async () => {
    const { server } = world;
    for (const id of ['999999', 'abc']) {
      expect((await reportOverHttp(server, server.adminToken, id)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(
        (await server.gql('query($t: ID!) { ticketPresence(ticketId: $t) { ticketId } }', { t: id }, server.adminToken))
          .errors?.[0]?.extensions?.code,
      ).toBe('NOT_FOUND');
    }
    const unknown = watch(server.ws(server.adminToken), '999999');
    await expect.poll(() => JSON.stringify(unknown.failure), { timeout: 5000 }).toContain('NOT_FOUND');
    expect(unknown.events).toHaveLength(0);

    const ticket = await createTicket(server);
    const anonymous = await reportOverHttp(server, '', ticket.id);
    expect(anonymous.status).toBe(401);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const refusedSocket = watch(server.ws(null), ticket.id);
    await expect.poll(() => (refusedSocket.failure as { code?: number } | null)?.code, { timeout: 5000 }).toBe(4403);

    const reader = (await server.ok('mutation { createApiToken(name: "presence reader", scopes: [READ]) { token } }'))
      .createApiToken.token;
    expect((await reportOverHttp(server, reader, ticket.id)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const readerSees = watch(server.ws(reader), ticket.id);
    expect((await readerSees.until(() => true)).presence.ticketId).toBe(ticket.id);
    readerSees.stop();
  });
});

describe('presence memory', () => {
  const event = (ticketId: number, agentId: number, clientKey = 'tab'): PresenceEvent => ({
    origin: 'elsewhere',
    ticketId,
    clientKey,
    agent: { id: agentId, name: `Agent ${agentId}`, email: `a${agentId}@example.test`, role: 'AGENT' },
    state: { typing: false, since: Date.now(), typingSince: null, ttlMs: 60_000 },
  });

  it('keeps at most its bound of viewers, in all and per ticket, and shows at most 50 a ticket', () => {
    const board = new PresenceBoard({ maxEntries: 500, maxEntriesPerTicket: 120, sweepMs: 1000 });
    for (let agent = 1; agent <= 200; agent++) board.apply(event(1, agent));
    expect(board.entryCount).toBe(120);
    expect(board.snapshot(1).viewers).toHaveLength(50);
    for (let ticket = 2; ticket <= 1000; ticket++) board.apply(event(ticket, 1));
    expect(board.entryCount).toBe(500);
    // A viewer already there is still refreshed, and one who leaves makes room.
    expect(board.apply(event(2, 1))).toBe(true);
    board.apply({ ...event(2, 1), state: null });
    expect(board.apply(event(5000, 7))).toBe(true);
    board.close();
  });
});

const redisAvailable = await redisAnswers('the multi-instance presence tests');

describe.runIf(databases.includes('mariadb') && redisAvailable)(
  'presence across instances sharing MariaDB and Redis',
  () => {
    let standIn: CloudApiStandIn;
    let a: TestServer;
    let b: TestServer;
    let env: Record<string, string>;
    beforeAll(async () => {
      standIn = await startCloudApiStandIn();
      env = standIn.env({
        REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`,
        REDIS_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
        PRESENCE_TTL_MS: String(TTL_MS),
      });
      a = await startServer('mariadb', env);
      b = await startServer('mariadb', env, { database: a.database });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
      await standIn?.close();
    });

    it('an agent viewing and typing through one instance is seen through the other, and leaves it at once when the socket closes', async () => {
      const ann = await a.createAgent('Ann On A');
      const bea = await a.createAgent('Bea On B');
      const ticket = await createTicket(a);
      const beaTab = await openTab(b, bea.token, ticket.id);
      await beaTab.report();
      const annTab = await openTab(a, ann.token, ticket.id);
      await annTab.report({ typing: true });
      await beaTab.sees.until(
        (p) => viewerOf(p, ann.id)?.typing === true && Boolean(viewerOf(p, bea.id)),
        5000,
        'Ann typing, seen on B',
      );
      await annTab.sees.until((p) => Boolean(viewerOf(p, bea.id)), 5000, 'Bea, seen on A');
      await annTab.close();
      const { afterMs } = await beaTab.sees.until((p) => !viewerOf(p, ann.id), 5000, 'Ann gone on B');
      expect(afterMs).toBeLessThan(TTL_MS / 2);
      await beaTab.close();
    });

    it('a viewer reported through an instance that then stops is still expired by the other', async () => {
      const c = await startServer('mariadb', env, { database: a.database });
      const tool = await c.createAgent('Cy On C');
      const ticket = await createTicket(a);
      const seenOnB = watch(b.ws(b.adminToken), ticket.id);
      expect((await reportOverHttp(c, tool.token, ticket.id)).errors).toBeUndefined();
      await seenOnB.until((p) => Boolean(viewerOf(p, tool.id)), 5000, 'Cy seen on B');
      await c.close();
      const stoppedAt = Date.now();
      await seenOnB.until((p) => !viewerOf(p, tool.id), TTL_MS + 3000, 'Cy expired on B');
      expect(Date.now() - stoppedAt).toBeLessThan(TTL_MS + 2000);
      seenOnB.stop();
    });

    it('agents typing on both instances show the person one typing indicator', async () => {
      const ann = await a.createAgent('Ann Types On A');
      const bea = await b.createAgent('Bea Types On B');
      const ticket = await whatsappTicket(a);
      await Promise.all([
        reportOverHttp(a, ann.token, ticket.id, { typing: true }),
        reportOverHttp(b, bea.token, ticket.id, { typing: true }),
      ]);
      await reportOverHttp(b, bea.token, ticket.id, { typing: true });
      await standIn.waitFor(
        () => typingIndicators(standIn).some((request) => request.body.message_id === ticket.issueId),
        5000,
      );
      await sleep(500);
      expect(typingIndicators(standIn).filter((request) => request.body.message_id === ticket.issueId)).toHaveLength(1);
    });
  },
);
