// Snoozing a ticket: it leaves the open list and the badge, and comes back by itself when its time passes
// or the person writes on WhatsApp, with every dashboard told at once and the audit log keeping track.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { subscribe } from '../helpers/subscriptions.js';

const SNOOZE = `mutation($t: ID!, $until: DateTime, $reply: Boolean) {
  snoozeTicket(ticketId: $t, until: $until, untilReply: $reply) { id status snoozed snoozedAt snoozedUntil snoozedBy { name } } }`;
const UNSNOOZE =
  'mutation($t: ID!) { unsnoozeTicket(ticketId: $t) { id snoozed snoozedAt snoozedUntil snoozedBy { name } } }';
const TICKET =
  'query($t: ID!) { ticket(id: $t) { id status snoozed snoozedAt snoozedUntil snoozedBy { name } messageCount } }';
const LIST = `query($p: String, $snoozed: Boolean) {
  tickets(first: 50, filter: { status: [OPEN, IN_PROGRESS], phoneNumber: $p, snoozed: $snoozed }) { totalCount edges { node { id snoozed } } } }`;
const BADGE = '{ notifications { openTickets inProgress unassigned unreadTickets snoozed } }';
const AUDIT = 'query($t: ID) { auditLog(ticketId: $t) { action actorId actorLabel before after } }';
const TICKET_UPDATED = 'subscription($id: ID) { ticketUpdated(id: $id) { id snoozed snoozedUntil } }';
const NOTIFICATIONS = 'subscription { notificationsChanged { openTickets unassigned snoozed } }';

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const HOUR = 3600_000;

function desk(server: () => TestServer) {
  return {
    snooze: (ticketId: string, until: string | null, untilReply?: boolean, token?: string) =>
      server().gql(SNOOZE, { t: ticketId, until, reply: untilReply ?? null }, token ?? server().adminToken),
    ticket: async (ticketId: string) => (await server().ok(TICKET, { t: ticketId })).ticket,
    openList: async (phone: string) => (await server().ok(LIST, { p: phone })).tickets,
    snoozedList: async (phone: string) => (await server().ok(LIST, { p: phone, snoozed: true })).tickets,
    badge: async (token?: string) => (await server().ok(BADGE, {}, token)).notifications,
    actions: async (ticketId: string) =>
      (await server().ok(AUDIT, { t: ticketId })).auditLog as {
        action: string;
        actorId: string | null;
        actorLabel: string;
        before: any;
        after: any;
      }[],
  };
}

describe.each(databases)('snoozing tickets on %s', (kind) => {
  const world = useServerWithCloudApi(kind, { SNOOZE_SWEEP_MS: '100' });
  const { snooze, ticket, openList, snoozedList, badge, actions } = desk(() => world.server);

  it('a snoozed ticket leaves the open list and the badge; the snoozed filter shows it', async () => {
    const agent = await world.server.createAgent('Sam Snoozer');
    const phone = uniquePhone();
    const { id } = await createTicket(world.server, { phoneNumber: phone });
    const before = await badge(agent.token);
    const until = inMs(2 * HOUR);
    const snoozed = await snooze(id, until, false, agent.token);
    expect(snoozed.errors).toBeUndefined();
    expect(snoozed.data!.snoozeTicket).toMatchObject({
      id,
      status: 'OPEN',
      snoozed: true,
      snoozedUntil: until,
      snoozedBy: { name: 'Sam Snoozer' },
    });
    expect((await openList(phone)).totalCount).toBe(0);
    expect((await snoozedList(phone)).edges).toEqual([{ node: { id, snoozed: true } }]);
    // Without a status filter (all tickets of a number), snoozed ones are included.
    expect(
      (await world.server.ok('query($p: String) { tickets(filter: { phoneNumber: $p }) { totalCount } }', { p: phone }))
        .tickets.totalCount,
    ).toBe(1);
    const after = await badge(agent.token);
    expect(after).toMatchObject({
      openTickets: before.openTickets - 1,
      unassigned: before.unassigned - 1,
      unreadTickets: before.unreadTickets - 1,
      snoozed: before.snoozed + 1,
    });
    const [entry] = await actions(id);
    expect(entry).toMatchObject({
      action: 'ticket.snoozed',
      actorId: agent.id,
      before: { snoozedAt: null, snoozedUntil: null },
      after: { snoozedUntil: until, snoozedBy: Number(agent.id) },
    });
  });

  it('comes back by itself when its time passes, and every dashboard hears of it at once', async () => {
    const phone = uniquePhone();
    const { id } = await createTicket(world.server, { phoneNumber: phone });
    const updates = await subscribe(world.server, world.server.adminToken, TICKET_UPDATED, { id });
    const counts = await subscribe(world.server, world.server.adminToken, NOTIFICATIONS);
    const until = inMs(1200);
    await snooze(id, until);
    expect(await updates.next()).toEqual({ id, snoozed: true, snoozedUntil: until });
    const whileSnoozed = await counts.next();
    expect((await openList(phone)).totalCount).toBe(0);

    expect(await updates.next(5000)).toEqual({ id, snoozed: false, snoozedUntil: null });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(until));
    expect(await counts.next()).toMatchObject({
      openTickets: whileSnoozed.openTickets + 1,
      snoozed: whileSnoozed.snoozed - 1,
    });
    expect((await openList(phone)).edges).toEqual([{ node: { id, snoozed: false } }]);
    const [woken] = await actions(id);
    expect(woken).toMatchObject({
      action: 'ticket.woken',
      actorId: null,
      actorLabel: 'system',
      before: { snoozedUntil: until },
      after: { snoozedAt: null, reason: 'time' },
    });
    updates.stop();
    counts.stop();
  });

  it('comes back when the person writes on WhatsApp, and their message is in the thread', async () => {
    const phone = uniquePhone();
    const { id } = await createTicket(world.server, { phoneNumber: phone });
    const snoozed = await snooze(id, null, true);
    expect(snoozed.data!.snoozeTicket).toMatchObject({ snoozed: true, snoozedUntil: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await ticket(id)).toMatchObject({ snoozed: true, messageCount: 1 });
    const updates = await subscribe(world.server, world.server.adminToken, TICKET_UPDATED, { id });
    const counts = await subscribe(world.server, world.server.adminToken, NOTIFICATIONS);
    const before = await badge();

    expect((await postWebhook(world.server, inboundText(phone, 'Any news about my results?').body)).status).toBe(200);
    expect(await updates.next()).toEqual({ id, snoozed: false, snoozedUntil: null });
    expect(await counts.next()).toMatchObject({ openTickets: before.openTickets + 1, snoozed: before.snoozed - 1 });
    expect(await ticket(id)).toMatchObject({ snoozed: false, snoozedAt: null, snoozedBy: null, messageCount: 2 });
    expect((await openList(phone)).totalCount).toBe(1);
    const [woken] = await actions(id);
    expect(woken).toMatchObject({ action: 'ticket.woken', actorLabel: 'system', after: { reason: 'reply' } });
    updates.stop();
    counts.stop();
  });

  it('a timed snooze also ends when the person writes first', async () => {
    const phone = uniquePhone();
    const { id } = await createTicket(world.server, { phoneNumber: phone });
    await snooze(id, inMs(24 * HOUR));
    expect((await postWebhook(world.server, inboundText(phone, 'Hello again').body)).status).toBe(200);
    expect(await ticket(id)).toMatchObject({ snoozed: false, snoozedUntil: null });
  });

  it('an agent wakes a ticket early; snoozing again moves its time', async () => {
    const { id } = await createTicket(world.server);
    await snooze(id, inMs(HOUR));
    const later = inMs(3 * HOUR);
    expect((await snooze(id, later)).data!.snoozeTicket.snoozedUntil).toBe(later);
    const woken = await world.server.ok(UNSNOOZE, { t: id });
    expect(woken.unsnoozeTicket).toEqual({ id, snoozed: false, snoozedAt: null, snoozedUntil: null, snoozedBy: null });
    expect((await actions(id)).map((entry) => entry.action).slice(0, 3)).toEqual([
      'ticket.unsnoozed',
      'ticket.snoozed',
      'ticket.snoozed',
    ]);
  });

  it('closing a snoozed ticket ends its snooze, and a reopened ticket is in the open list', async () => {
    const phone = uniquePhone();
    const { id } = await createTicket(world.server, { phoneNumber: phone });
    await snooze(id, null, true);
    await world.server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: id });
    expect(await ticket(id)).toMatchObject({ status: 'RESOLVED', snoozed: false, snoozedAt: null });
    await world.server.ok('mutation($t: ID!) { reopenTicket(ticketId: $t) { id } }', { t: id });
    expect((await openList(phone)).totalCount).toBe(1);
  });

  it('refuses a time in the past, too far ahead, or missing, a closed ticket, and waking one not snoozed, changing nothing', async () => {
    const { id } = await createTicket(world.server);
    const closed = await createTicket(world.server);
    await world.server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: closed.id });
    const refusals: [Promise<{ errors?: { message: string; extensions?: { code?: string } }[] }>, RegExp][] = [
      [snooze(id, inMs(-60_000)), /must end in the future/],
      [snooze(id, inMs(91 * 24 * HOUR)), /at most 90 days/],
      [snooze(id, null, false), /until when/],
      [snooze(id, inMs(HOUR), true), /not both/],
      [snooze(closed.id, inMs(HOUR)), /RESOLVED: only open and in-progress tickets can be snoozed/],
      [world.server.gql(UNSNOOZE, { t: id }, world.server.adminToken), /is not snoozed/],
    ];
    for (const [attempt, message] of refusals) {
      const { errors } = await attempt;
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toMatch(message);
    }
    expect((await snooze('999999', inMs(HOUR))).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await world.server.gql(SNOOZE, { t: id, until: 'tomorrow' }, world.server.adminToken)).errors?.[0]?.extensions
        ?.code,
    ).toBe('BAD_USER_INPUT');
    expect(await ticket(id)).toMatchObject({ status: 'OPEN', snoozed: false, snoozedAt: null });
    expect(await ticket(closed.id)).toMatchObject({ status: 'RESOLVED', snoozed: false });
    expect((await actions(id)).map((entry) => entry.action)).toEqual(['ticket.opened']);
  });

  it('a READ-only token may see snoozes but not snooze; without a token nothing', async () => {
    const { id } = await createTicket(world.server);
    const { createApiToken } = await world.server.ok(
      'mutation { createApiToken(name: "wallboard", scopes: [READ]) { token } }',
    );
    const refused = await snooze(id, inMs(HOUR), false, createApiToken.token);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await world.server.gql(SNOOZE, { t: id, until: inMs(HOUR) }, null)).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await world.server.ok(TICKET, { t: id }, createApiToken.token)).ticket.snoozed).toBe(false);
  });
});

describe.each(databases)('two instances sweeping one %s database', (kind) => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startServer(kind, { SNOOZE_SWEEP_MS: '50' });
    b = await startServer(kind, { SNOOZE_SWEEP_MS: '50' }, { database: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('wake each due ticket once: one audit entry, not one per instance', async () => {
    const tickets = await Promise.all(Array.from({ length: 6 }, () => createTicket(a)));
    const until = inMs(700);
    for (const { id } of tickets) await a.ok(SNOOZE, { t: id, until });
    for (const { id } of tickets) {
      await eventually(
        async () => ((await b.ok(TICKET, { t: id })).ticket.snoozed ? undefined : true),
        10_000,
        `ticket ${id} to wake`,
      );
    }
    // Both instances keep sweeping for a while after: still one wake each.
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const { id } of tickets) {
      const woken = (await a.ok(AUDIT, { t: id })).auditLog.filter(
        (entry: { action: string }) => entry.action === 'ticket.woken',
      );
      expect(woken).toHaveLength(1);
    }
  });
});
