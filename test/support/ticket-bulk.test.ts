// Bulk actions on tickets: each ticket changed on its own, as its single-ticket mutation would change it (closing
// messages on WhatsApp, subscriptions, audit, SLA), one that cannot be changed reported without stopping the others,
// and a call that is wrong as a whole (too many ids, an unknown agent, a past snooze) changing nothing.
import { describe, expect, it } from 'vitest';
import { createTicket, databases, uniquePhone, useServerWithCloudApi, type TestServer } from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';

const OUTCOMES = `succeededCount failedCount outcomes { ticketId succeeded error { code message }
  ticket { id status priority snoozed assignee { id name } sla { firstResponseDueAt } } }`;
const CLOSE = `mutation($ids: [ID!]!, $m: String) { closeTickets(ticketIds: $ids, message: $m) { ${OUTCOMES} } }`;
const ASSIGN = `mutation($ids: [ID!]!, $a: ID) { assignTickets(ticketIds: $ids, adminId: $a) { ${OUTCOMES} } }`;
const PRIORITY = `mutation($ids: [ID!]!, $p: TicketPriority!) { setTicketsPriority(ticketIds: $ids, priority: $p) { ${OUTCOMES} } }`;
const SNOOZE = `mutation($ids: [ID!]!, $u: DateTime, $r: Boolean) { snoozeTickets(ticketIds: $ids, until: $u, untilReply: $r) { ${OUTCOMES} } }`;
const STATE = 'query($t: ID!) { ticket(id: $t) { status priority snoozed assignee { id } } }';
const AUDIT = 'query($t: ID) { auditLog(ticketId: $t) { action actorLabel } }';

interface Outcome {
  ticketId: string;
  succeeded: boolean;
  error: { code: string; message: string } | null;
  ticket: { id: string; status: string; priority: string; snoozed: boolean; assignee: { id: string } | null } | null;
}

async function opened(server: TestServer, count: number): Promise<{ id: string; phoneNumber: string }[]> {
  const tickets = [];
  for (let i = 0; i < count; i++) tickets.push(await createTicket(server, { phoneNumber: uniquePhone() }));
  return tickets;
}

const stateOf = async (server: TestServer, id: string) => (await server.ok(STATE, { t: id })).ticket;

describe.each(databases)('bulk ticket actions on %s', (kind) => {
  const world = useServerWithCloudApi(kind, { OUTBOX_POLL_MS: '20' });

  it('closeTickets resolves each ticket and sends each person the closing message; an already resolved one and a gone one are reported, the rest go on', async () => {
    const { server, standIn } = world;
    const tickets = await opened(server, 4);
    const [first, second, alreadyClosed, last] = tickets as [(typeof tickets)[0], ...typeof tickets];
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: alreadyClosed!.id });
    await standIn.waitFor(() => standIn.messagesTo(alreadyClosed!.phoneNumber).length === 1);
    const feed = await subscribe(server, server.adminToken, 'subscription { ticketUpdated { id status } }');

    const ids = [first.id, second!.id, alreadyClosed!.id, '999999', last!.id, first.id];
    const result = (await server.ok(CLOSE, { ids, m: null })).closeTickets;

    expect(result.succeededCount).toBe(3);
    expect(result.failedCount).toBe(2);
    expect(
      result.outcomes.map((outcome: Outcome) => [outcome.ticketId, outcome.succeeded, outcome.error?.code ?? null]),
    ).toEqual([
      [first.id, true, null],
      [second!.id, true, null],
      [alreadyClosed!.id, false, 'BAD_USER_INPUT'],
      ['999999', false, 'NOT_FOUND'],
      [last!.id, true, null],
    ]);
    const failed = result.outcomes.filter((outcome: Outcome) => !outcome.succeeded);
    expect(failed[0].ticket).toMatchObject({ id: alreadyClosed!.id, status: 'RESOLVED' });
    expect(failed[0].error.message).toBe(`Ticket ${alreadyClosed!.id} is already RESOLVED`);
    expect(failed[1].ticket).toBeNull();
    for (const ticket of [first, second!, last!]) expect((await stateOf(server, ticket.id)).status).toBe('RESOLVED');

    // Each person gets the closing message, once; the one closed before gets nothing more.
    const resolved = [first, second!, last!];
    await standIn.waitFor(() => resolved.every((ticket) => standIn.messagesTo(ticket.phoneNumber).length === 1));
    for (const ticket of resolved)
      expect(standIn.messagesTo(ticket.phoneNumber).map((request) => request.body.text?.body)).toEqual([
        '✅ Your support ticket has been resolved!',
      ]);
    expect(standIn.messagesTo(alreadyClosed!.phoneNumber)).toHaveLength(1);

    // Every agent's list hears of each change, as after a single close.
    const heard = new Map<string, string>();
    while (resolved.some((ticket) => heard.get(ticket.id) !== 'RESOLVED')) {
      const event = await feed.next();
      heard.set(event.id, event.status);
    }
    feed.stop();
    // The trail has one closing per ticket, by the admin.
    for (const ticket of resolved) {
      const actions = (await server.ok(AUDIT, { t: ticket.id })).auditLog.map(
        (entry: { action: string }) => entry.action,
      );
      expect(actions.filter((action: string) => action === 'ticket.closed')).toHaveLength(1);
    }
  });

  it('closeTickets with a message sends that message to each person', async () => {
    const { server, standIn } = world;
    const tickets = await opened(server, 2);
    const result = (await server.ok(CLOSE, { ids: tickets.map((t) => t.id), m: 'All sorted now, thanks for waiting' }))
      .closeTickets;
    expect(result.succeededCount).toBe(2);
    await standIn.waitFor(() => tickets.every((ticket) => standIn.messagesTo(ticket.phoneNumber).length === 1));
    for (const ticket of tickets)
      expect(standIn.messagesTo(ticket.phoneNumber)[0]!.body.text.body).toBe('All sorted now, thanks for waiting');
  });

  it('more than 100 ids, none, or a closing message that is too long is BAD_USER_INPUT and changes nothing', async () => {
    const { server } = world;
    const [ticket] = await opened(server, 1);
    const many = [ticket!.id, ...Array.from({ length: 100 }, (_, i) => String(900_000 + i))];
    for (const [query, variables] of [
      [CLOSE, { ids: many, m: null }],
      [ASSIGN, { ids: many, a: null }],
      [PRIORITY, { ids: many, p: 'URGENT' }],
      [SNOOZE, { ids: many, r: true }],
      [CLOSE, { ids: [], m: null }],
      [CLOSE, { ids: [ticket!.id], m: 'x'.repeat(5000) }],
    ] as const) {
      const answer = await server.gql(query, variables, server.adminToken);
      expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(answer.errors)).toBe('BAD_USER_INPUT');
      expect(answer.data ?? null).toBeNull();
    }
    expect((await server.gql(CLOSE, { ids: many, m: null }, server.adminToken)).errors?.[0]?.message).toBe(
      'At most 100 tickets at once, got 101',
    );
    expect(await stateOf(server, ticket!.id)).toEqual({
      status: 'OPEN',
      priority: 'MEDIUM',
      snoozed: false,
      assignee: null,
    });
    // Exactly 100 is allowed: the unknown ones are outcomes, the real one is changed.
    const hundred = (await server.ok(PRIORITY, { ids: many.slice(0, 100), p: 'HIGH' })).setTicketsPriority;
    expect([hundred.succeededCount, hundred.failedCount]).toEqual([1, 99]);
  });

  it('assignTickets gives the tickets to another agent, or takes them back; an unknown agent changes nothing', async () => {
    const { server } = world;
    const agent = await server.createAgent('Bulk Taker');
    const tickets = await opened(server, 3);
    const ids = tickets.map((ticket) => ticket.id);

    const unknown = await server.gql(ASSIGN, { ids, a: '987654' }, server.adminToken);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await stateOf(server, ids[0]!)).assignee).toBeNull();

    const feed = await subscribe(server, agent.token, 'subscription { ticketUpdated { id assignee { id } } }');
    const result = (await server.ok(ASSIGN, { ids, a: agent.id })).assignTickets;
    expect(result.succeededCount).toBe(3);
    expect(result.outcomes.map((outcome: Outcome) => outcome.ticket?.assignee?.id)).toEqual([
      agent.id,
      agent.id,
      agent.id,
    ]);
    const heard = new Set<string>();
    while (heard.size < 3) {
      const event = await feed.next();
      if (event.assignee?.id === agent.id && ids.includes(event.id)) heard.add(event.id);
    }
    feed.stop();
    const audit = (await server.ok(AUDIT, { t: ids[1] })).auditLog;
    expect(audit[0]).toMatchObject({ action: 'ticket.assigned' });

    const released = (await server.ok(ASSIGN, { ids, a: null })).assignTickets;
    expect(released.outcomes.map((outcome: Outcome) => outcome.ticket?.assignee)).toEqual([null, null, null]);
  });

  it('setTicketsPriority changes each priority and its SLA targets, as setTicketPriority does', async () => {
    const { server } = world;
    await server.ok(
      'mutation { setSlaPolicy(input: { targets: [{ priority: URGENT, firstResponseMinutes: 15 }] }) { __typename } }',
    );
    try {
      const tickets = await opened(server, 2);
      const result = (await server.ok(PRIORITY, { ids: tickets.map((t) => t.id), p: 'URGENT' })).setTicketsPriority;
      expect(result.succeededCount).toBe(2);
      for (const outcome of result.outcomes) {
        expect(outcome.ticket.priority).toBe('URGENT');
        expect(outcome.ticket.sla.firstResponseDueAt).not.toBeNull();
      }
      const actions = (await server.ok(AUDIT, { t: tickets[0]!.id })).auditLog.map(
        (entry: { action: string }) => entry.action,
      );
      expect(actions).toContain('ticket.priority');
    } finally {
      await server.ok('mutation { setSlaPolicy(input: { targets: [] }) { __typename } }');
    }
  });

  it('snoozeTickets snoozes the open ones and reports the resolved one; a snooze in the past changes nothing', async () => {
    const { server } = world;
    const tickets = await opened(server, 3);
    const ids = tickets.map((ticket) => ticket.id);
    await server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', { t: ids[2] });

    const past = await server.gql(SNOOZE, { ids, u: new Date(Date.now() - 60_000).toISOString() }, server.adminToken);
    expect(past.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await stateOf(server, ids[0]!)).snoozed).toBe(false);

    const until = new Date(Date.now() + 3600_000).toISOString();
    const result = (await server.ok(SNOOZE, { ids, u: until })).snoozeTickets;
    expect(result.outcomes.map((outcome: Outcome) => [outcome.succeeded, outcome.ticket?.snoozed])).toEqual([
      [true, true],
      [true, true],
      [false, false],
    ]);
    expect(result.outcomes[2].error.message).toMatch(/only open and in-progress tickets can be snoozed/);
  });
});
