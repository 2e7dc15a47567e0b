// Automatic assignment: new tickets go at once to an available agent with room (in turn, or the least
// loaded); the rest wait and go oldest first as room appears; across instances no agent goes over capacity.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTicket,
  databases,
  inboundText,
  postWebhook,
  startServer,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';

const ROUTING =
  '{ routing { mode defaultCapacity maxCapacity waitingTickets agents { agent { id name } available capacity capacityOverride activeTickets } } }';
const UPDATE =
  'mutation($input: RoutingSettingsInput!) { updateRouting(input: $input) { mode defaultCapacity waitingTickets } }';
const CAPACITY =
  'mutation($a: ID!, $c: Int) { setAgentCapacity(adminId: $a, capacity: $c) { agent { id } capacity capacityOverride activeTickets } }';
const AVAILABILITY = 'mutation($v: Boolean!) { setAvailability(available: $v) { id available } }';
const TICKET = 'query($t: ID!) { ticket(id: $t) { id status assignee { id } } }';
const ACTIVE = '{ tickets(first: 100, filter: { status: [OPEN, IN_PROGRESS] }) { edges { node { id } } } }';
const AUDIT = 'query($t: ID) { auditLog(ticketId: $t) { action actorId actorLabel before after } }';

type Agent = { id: string; token: string; email: string };

function desk(server: () => TestServer) {
  const assigneeOf = async (ticketId: string) =>
    (await server().ok(TICKET, { t: ticketId })).ticket.assignee?.id ?? null;
  return {
    assigneeOf,
    route: (input: Record<string, unknown>) => server().ok(UPDATE, { input }),
    setAvailable: (agent: Agent, available: boolean) => server().ok(AVAILABILITY, { v: available }, agent.token),
    capacity: (agent: Agent, capacity: number | null) => server().ok(CAPACITY, { a: agent.id, c: capacity }),
    close: (ticketId: string, token?: string) =>
      server().ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: ticketId }, token),
    load: async (agent: Agent) =>
      (await server().ok(ROUTING)).routing.agents.find((row: any) => row.agent.id === agent.id),
    /** Routing off, everyone away, and no active ticket: each test starts from an empty desk. */
    async reset(agents: Agent[]) {
      await server().ok(UPDATE, { input: { mode: 'OFF', defaultCapacity: 5 } });
      for (const agent of agents) await server().ok(AVAILABILITY, { v: false }, agent.token);
      for (const agent of agents) await server().ok(CAPACITY, { a: agent.id, c: null });
      const active = (await server().ok(ACTIVE)).tickets.edges as { node: { id: string } }[];
      for (const { node } of active)
        await server().ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: CLOSED) { id } }', { t: node.id });
    },
  };
}

describe.each(databases)('automatic assignment on %s', (kind) => {
  let server: TestServer;
  let ann: Agent;
  let bob: Agent;
  let cat: Agent;
  const d = desk(() => server);
  beforeAll(async () => {
    server = await startServer(kind);
    ann = await server.createAgent('Ann Agent');
    bob = await server.createAgent('Bob Agent');
    cat = await server.createAgent('Cat Agent');
  });
  afterAll(() => server.close());
  beforeEach(() => d.reset([ann, bob, cat]));

  it('with routing off, a new ticket waits unassigned (as before)', async () => {
    await d.setAvailable(ann, true);
    const ticket = await createTicket(server);
    expect(ticket.assignee).toBeNull();
    expect((await server.ok(ROUTING)).routing).toMatchObject({ mode: 'OFF', waitingTickets: 1 });
  });

  it('round-robin gives new tickets to the available agents in turn, and skips those away', async () => {
    for (const agent of [ann, bob, cat]) await d.setAvailable(agent, true);
    await d.setAvailable(bob, false);
    await d.route({ mode: 'ROUND_ROBIN', defaultCapacity: 10 });
    const order: string[] = [];
    for (let i = 0; i < 4; i++) order.push((await createTicket(server)).assignee.id);
    expect(order).toEqual([ann.id, cat.id, ann.id, cat.id]);
    await d.setAvailable(bob, true);
    const next = [(await createTicket(server)).assignee.id, (await createTicket(server)).assignee.id];
    // The turn continues after Cat, the last one chosen: Ann, then Bob.
    expect(next).toEqual([ann.id, bob.id]);
  });

  it('least-loaded picks the available agent with the fewest active tickets; ties go to the next in turn', async () => {
    for (const agent of [ann, bob]) await d.setAvailable(agent, true);
    const held = await Promise.all([createTicket(server), createTicket(server)]);
    for (const ticket of held)
      await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
        t: ticket.id,
        a: ann.id,
      });
    await d.route({ mode: 'LEAST_LOADED' });
    const first = await createTicket(server);
    const second = await createTicket(server);
    expect([first.assignee.id, second.assignee.id]).toEqual([bob.id, bob.id]);
    // Ann 2, Bob 2: a tie, and the turn after Bob is Ann's.
    expect((await createTicket(server)).assignee.id).toBe(ann.id);
    expect((await d.load(ann)).activeTickets).toBe(3);
    expect((await d.load(bob)).activeTickets).toBe(2);
  });

  it('when everyone is full, tickets wait; room drains the queue oldest first, live', async () => {
    await d.setAvailable(ann, true);
    await d.route({ mode: 'ROUND_ROBIN', defaultCapacity: 1 });
    const held = await createTicket(server);
    expect(held.assignee.id).toBe(ann.id);
    const older = await createTicket(server);
    const newer = await createTicket(server);
    expect([older.assignee, newer.assignee]).toEqual([null, null]);
    expect((await server.ok(ROUTING)).routing.waitingTickets).toBe(2);

    const updates = await subscribe(server, ann.token, 'subscription { ticketUpdated { id assignee { id } } }');
    const counts = await subscribe(server, ann.token, 'subscription { notificationsChanged { unassigned } }');
    await d.close(held.id, ann.token);
    // The close, then the assignment of the oldest waiting ticket to Ann.
    const events = [await updates.next(), await updates.next()];
    expect(events).toContainEqual({ id: older.id, assignee: { id: ann.id } });
    expect(await d.assigneeOf(newer.id)).toBeNull();
    expect((await counts.next()).unassigned).toBeGreaterThanOrEqual(1);

    // Raising the capacity makes room too.
    await d.capacity(ann, 2);
    expect(await d.assigneeOf(newer.id)).toBe(ann.id);
    const entries = (await server.ok(AUDIT, { t: older.id })).auditLog;
    expect(entries[0]).toMatchObject({
      action: 'ticket.assigned',
      actorId: null,
      actorLabel: 'system',
      before: { assignee: null },
      after: { assignee: Number(ann.id), rule: 'round-robin' },
    });
  });

  it('an agent becoming available takes the oldest waiting ticket at once; unassigning one makes room', async () => {
    await d.route({ mode: 'ROUND_ROBIN', defaultCapacity: 1 });
    const first = await createTicket(server);
    const second = await createTicket(server);
    expect(first.assignee).toBeNull();
    const me = await d.setAvailable(bob, true);
    expect(me.setAvailability).toEqual({ id: bob.id, available: true });
    expect(await d.assigneeOf(first.id)).toBe(bob.id);
    expect(await d.assigneeOf(second.id)).toBeNull();
    // Manual assignment wins, over capacity too; taking one from Bob makes room, so the queue drains to him.
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: second.id,
      a: bob.id,
    });
    expect((await d.load(bob)).activeTickets).toBe(2);
    const third = await createTicket(server);
    expect(third.assignee).toBeNull();
    await server.ok('mutation($t: ID!) { assignTicket(ticketId: $t, adminId: null) { id } }', { t: second.id });
    await server.ok('mutation($t: ID!) { assignTicket(ticketId: $t, adminId: null) { id } }', { t: first.id });
    // Bob is down to none: the oldest waiting ticket (first) is his again; second and third wait.
    expect(await d.assigneeOf(first.id)).toBe(bob.id);
    expect(await d.assigneeOf(third.id)).toBeNull();
  });

  it('an agent sees their own availability; admins see everyone’s, other agents see null', async () => {
    await d.setAvailable(ann, true);
    expect((await server.ok('{ me { available } }', {}, ann.token)).me.available).toBe(true);
    const seen = async (token: string) =>
      (await server.ok('{ admins { id available } }', {}, token)).admins.find((row: any) => row.id === ann.id)
        .available;
    expect(await seen(server.adminToken)).toBe(true);
    expect(await seen(bob.token)).toBeNull();
  });

  it('only admins may see or change routing, and every change is audited', async () => {
    const refused = [
      await server.gql(ROUTING, {}, ann.token),
      await server.gql(UPDATE, { input: { mode: 'ROUND_ROBIN' } }, ann.token),
      await server.gql(CAPACITY, { a: ann.id, c: 3 }, ann.token),
    ];
    for (const result of refused) expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tool = (await server.ok('mutation { createApiToken(name: "router", scopes: [READ, WRITE]) { token } }'))
      .createApiToken.token;
    expect((await server.gql(UPDATE, { input: { mode: 'ROUND_ROBIN' } }, tool)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await server.ok(ROUTING)).routing.mode).toBe('OFF');
    await d.route({ mode: 'LEAST_LOADED', defaultCapacity: 3 });
    await d.capacity(bob, 7);
    const log = (await server.ok('{ auditLog(first: 5) { action actorLabel before after } }')).auditLog;
    expect(log.slice(0, 2)).toMatchObject([
      { action: 'agent.capacity', before: { capacity: null }, after: { id: Number(bob.id), capacity: 7 } },
      {
        action: 'routing.changed',
        before: { mode: 'OFF', defaultCapacity: 5 },
        after: { mode: 'LEAST_LOADED', defaultCapacity: 3 },
      },
    ]);
  });

  it('bad input is BAD_USER_INPUT with a clear message and changes nothing', async () => {
    const cases = [
      await server.gql(UPDATE, { input: { defaultCapacity: 0 } }, server.adminToken),
      await server.gql(UPDATE, { input: { defaultCapacity: 100_000 } }, server.adminToken),
      await server.gql(UPDATE, { input: { mode: 'RANDOM' } }, server.adminToken),
      await server.gql(UPDATE, { input: {} }, server.adminToken),
      await server.gql(CAPACITY, { a: ann.id, c: -1 }, server.adminToken),
      await server.gql(CAPACITY, { a: ann.id, c: 101 }, server.adminToken),
    ];
    for (const result of cases)
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
    expect(cases[0]!.errors![0]!.message).toBe('The default capacity must be a whole number from 1 to 100; 0 is not');
    expect((await server.gql(CAPACITY, { a: '999999', c: 2 }, server.adminToken)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect((await server.ok(ROUTING)).routing).toMatchObject({ mode: 'OFF', defaultCapacity: 5 });
    expect((await d.load(ann)).capacityOverride).toBeNull();
  });

  it('routingChanged tells admins live when an agent becomes available', async () => {
    const feed = await subscribe(
      server,
      server.adminToken,
      'subscription { routingChanged { mode agents { agent { id } available } } }',
    );
    await d.setAvailable(cat, true);
    expect((await feed.next()).agents.find((row: any) => row.agent.id === cat.id).available).toBe(true);
    // Every change is a new answer, not the first one again.
    await d.setAvailable(cat, false);
    expect((await feed.next()).agents.find((row: any) => row.agent.id === cat.id).available).toBe(false);
  });
});

describe.each(databases)('a ticket opened from WhatsApp on %s', (kind) => {
  const world = useServerWithCloudApi(kind);

  it('is assigned at once to an available agent, and ticketCreated subscribers see the ticket', async () => {
    const agent = await world.server.createAgent('Wendy WhatsApp');
    await world.server.ok(AVAILABILITY, { v: true }, agent.token);
    await world.server.ok(UPDATE, { input: { mode: 'ROUND_ROBIN' } });
    const updates = await subscribe(
      world.server,
      agent.token,
      'subscription { ticketUpdated { id assignee { name } } }',
    );
    const phone = uniquePhone();
    for (const text of ['hi', '1', 'My exam results are missing']) {
      expect((await postWebhook(world.server, inboundText(phone, text).body)).status).toBe(200);
    }
    const event = await updates.next();
    expect(event.assignee).toEqual({ name: 'Wendy WhatsApp' });
    const ticket = (
      await world.server.ok(
        'query($p: String) { tickets(filter: { phoneNumber: $p }) { edges { node { id assignee { id } } } } }',
        { p: phone },
      )
    ).tickets.edges[0].node;
    expect(ticket).toEqual({ id: event.id, assignee: { id: agent.id } });
  });
});

describe.runIf(databases.includes('mariadb'))('two instances sharing MariaDB', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const env = { RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000', RATE_LIMIT_TICKETS_PER_PHONE_PER_HOUR: '1000' };
    a = await startServer('mariadb', env);
    b = await startServer('mariadb', env, { database: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('tickets arriving at once on both never push an agent over capacity, nor get assigned twice; the rest drain in order', async () => {
    const agents = [await a.createAgent('Par One'), await a.createAgent('Par Two')];
    for (const agent of agents) await b.ok(AVAILABILITY, { v: true }, agent.token);
    await a.ok(UPDATE, { input: { mode: 'LEAST_LOADED', defaultCapacity: 3 } });
    const tickets = await Promise.all(
      Array.from({ length: 16 }, (_, index) => createTicket(index % 2 ? a : b, { phoneNumber: uniquePhone() })),
    );
    const routing = (await b.ok(ROUTING)).routing;
    const loads = routing.agents
      .filter((row: any) => agents.some((agent) => agent.id === row.agent.id))
      .map((row: any) => row.activeTickets);
    expect(loads).toEqual([3, 3]);
    expect(routing.waitingTickets).toBe(10);
    const assignments = (await a.ok('{ auditLog(first: 100) { action actorLabel ticketId } }')).auditLog.filter(
      (entry: any) => entry.action === 'ticket.assigned',
    );
    expect(assignments).toHaveLength(6);
    expect(new Set(assignments.map((entry: any) => entry.ticketId)).size).toBe(6);
    expect(assignments.every((entry: any) => entry.actorLabel === 'system')).toBe(true);

    // Closing three on both instances at once frees three places: the three oldest waiting tickets take them.
    const held: string[] = [];
    for (const ticket of tickets) if ((await a.ok(TICKET, { t: ticket.id })).ticket.assignee) held.push(ticket.id);
    const waiting = tickets.filter((ticket) => !held.includes(ticket.id)).sort((x, y) => Number(x.id) - Number(y.id));
    await Promise.all(
      held
        .slice(0, 3)
        .map((id, index) =>
          (index % 2 ? a : b).ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: id }),
        ),
    );
    const after = await Promise.all(
      waiting.map(async (ticket) => (await b.ok(TICKET, { t: ticket.id })).ticket.assignee),
    );
    expect(after.map((assignee) => assignee !== null)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    const final = (await a.ok(ROUTING)).routing.agents
      .filter((row: any) => agents.some((agent) => agent.id === row.agent.id))
      .map((row: any) => row.activeTickets);
    expect(final).toEqual([3, 3]);
  }, 60_000);
});

describe.each(databases)('the sweep as a safety net on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { SNOOZE_SWEEP_MS: '100' });
  });
  afterAll(() => server.close());

  it('a ticket left waiting with room free (its assignment after commit was lost) is assigned by the next sweep', async () => {
    const agent = await server.createAgent('Sid Sweep');
    await server.ok(UPDATE, { input: { mode: 'ROUND_ROBIN' } });
    const ticket = await createTicket(server);
    expect(ticket.assignee).toBeNull();
    // Room appears without the drain that normally follows (as if the instance crashed right after the commit).
    await server.server.services.orm.em
      .fork()
      .getConnection()
      .execute('update admins set available = ? where id = ?', [true, Number(agent.id)]);
    await expect
      .poll(async () => (await server.ok(TICKET, { t: ticket.id })).ticket.assignee?.id ?? null, { timeout: 5000 })
      .toBe(agent.id);
  });
});
