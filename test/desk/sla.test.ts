// SLA targets per priority: due times and states on tickets, the list filtered by state, and the breach sweep
// escalating each late ticket once across two instances, live to every dashboard and in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';
import {
  createTicket,
  databases,
  eventually,
  openFromWhatsapp,
  startServer,
  type TestServer,
} from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';

const SET_SLA =
  'mutation($input: SlaPolicyInput!) { setSlaPolicy(input: $input) { targets { priority firstResponseMinutes resolutionMinutes } atRiskPercent } }';
const SET_HOURS = 'mutation($input: BusinessHoursInput!) { setBusinessHours(input: $input) { openNow nextOpeningAt } }';
const SLA_FIELDS = 'id priority createdAt sla { firstResponseDueAt resolutionDueAt state breachedAt }';
const TICKET = `query($t: ID!) { ticket(id: $t) { ${SLA_FIELDS} } }`;
const BY_STATE = `query($p: String, $s: [SlaState!]) { tickets(first: 20, filter: { phoneNumber: $p, slaState: $s }) { totalCount edges { node { id sla { state } } } } }`;
const AUDIT = 'query($t: ID) { auditLog(ticketId: $t) { action actorId actorLabel before after } }';
const MINUTE = 60_000;
const env = { WHATSAPP_APP_SECRET: WEBHOOK_SECRET };

describe.each(databases)('SLA targets on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, env);
  });
  afterAll(async () => server?.close());
  const ticket = async (id: string) => (await server.ok(TICKET, { t: id })).ticket;

  it('bad targets are refused with BAD_USER_INPUT and change nothing; only admins set them', async () => {
    const refuse = async (input: Record<string, unknown>, message: RegExp) => {
      const result = await server.gql(SET_SLA, { input }, server.adminToken);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    };
    await refuse({ targets: [{ priority: 'URGENT', firstResponseMinutes: -5 }] }, /above 0/);
    await refuse({ targets: [{ priority: 'URGENT', resolutionMinutes: 0 }] }, /above 0/);
    await refuse(
      {
        targets: [
          { priority: 'HIGH', firstResponseMinutes: 5 },
          { priority: 'HIGH', firstResponseMinutes: 6 },
        ],
      },
      /listed twice/,
    );
    await refuse({ targets: [], atRiskPercent: 100 }, /atRiskPercent is 1 to 99/);
    const agent = await server.createAgent('Ann Agent');
    expect((await server.gql(SET_SLA, { input: { targets: [] } }, agent.token)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await server.ok('{ slaPolicy { targets { priority } atRiskPercent } }', {}, agent.token)).slaPolicy,
    ).toEqual({ targets: [], atRiskPercent: 80 });
  });

  it('without targets a ticket has no SLA', async () => {
    const { id } = await createTicket(server);
    expect((await ticket(id)).sla).toBeNull();
  });

  it('an admin sets targets per priority; they are audited and new tickets get due times from them', async () => {
    const input = {
      targets: [
        { priority: 'URGENT', firstResponseMinutes: 15, resolutionMinutes: 240 },
        { priority: 'MEDIUM', firstResponseMinutes: 10, resolutionMinutes: 60 },
      ],
      atRiskPercent: 80,
    };
    const policy = (await server.ok(SET_SLA, { input })).setSlaPolicy;
    expect(policy.targets.map((target: { priority: string }) => target.priority)).toEqual(['MEDIUM', 'URGENT']);
    const entry = (await server.ok(AUDIT, { t: null })).auditLog.find(
      (candidate: { action: string }) => candidate.action === 'desk.sla-policy',
    );
    expect(entry).toMatchObject({ before: { targets: [] }, after: { atRiskPercent: 80 } });

    const created = await createTicket(server, { priority: 'URGENT' });
    const { sla } = await ticket(created.id);
    expect(sla).toMatchObject({ state: 'OK', breachedAt: null });
    expect(Date.parse(sla.firstResponseDueAt) - Date.parse(created.createdAt)).toBe(15 * MINUTE);
    expect(Date.parse(sla.resolutionDueAt) - Date.parse(created.createdAt)).toBe(240 * MINUTE);
    // A priority without a target has no SLA; raising it to one with targets gives it due times.
    const low = await createTicket(server, { priority: 'LOW' });
    expect((await ticket(low.id)).sla).toBeNull();
    const raised = await server.ok(
      `mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: MEDIUM) { ${SLA_FIELDS} } }`,
      { t: low.id },
    );
    expect(Date.parse(raised.setTicketPriority.sla.firstResponseDueAt) - Date.parse(low.createdAt)).toBe(10 * MINUTE);
  });

  it('the clock starts when the person wrote: AT_RISK in the last 20 %, BREACHED once due; the list filters by state', async () => {
    const fresh = await openFromWhatsapp(server, 1 * MINUTE);
    const atRisk = await openFromWhatsapp(server, 9 * MINUTE);
    const late = await openFromWhatsapp(server, 11 * MINUTE);
    expect((await ticket(fresh.id)).sla.state).toBe('OK');
    expect((await ticket(atRisk.id)).sla.state).toBe('AT_RISK');
    expect((await ticket(late.id)).sla.state).toBe('BREACHED');
    for (const [{ phone, id }, state] of [
      [fresh, 'OK'],
      [atRisk, 'AT_RISK'],
      [late, 'BREACHED'],
    ] as const) {
      expect((await server.ok(BY_STATE, { p: phone, s: [state] })).tickets.edges).toEqual([
        { node: { id, sla: { state } } },
      ]);
      const others = ['OK', 'AT_RISK', 'BREACHED'].filter((other) => other !== state);
      expect((await server.ok(BY_STATE, { p: phone, s: others })).tickets.totalCount).toBe(0);
    }
    // Sorted by SLA due, the soonest first, page by page; a ticket with no pending target is not in that order.
    const SORTED = `query($after: String) { tickets(first: 1, after: $after, orderBy: { field: SLA_DUE, direction: ASC }, filter: { status: [OPEN, IN_PROGRESS] }) {
      totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const order: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = (await server.ok(SORTED, { after })).tickets;
      order.push(...page.edges.map((edge: any) => edge.node.id));
      total = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(order).toHaveLength(total);
    const mine = order.filter((id) => [fresh.id, atRisk.id, late.id].includes(id));
    expect(mine).toEqual([late.id, atRisk.id, fresh.id]);
    // An agent's first reply ends the first-response clock: the ticket is back to OK (resolution is due in an hour).
    await server.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "Looking into it") { id } }', {
      t: atRisk.id,
    });
    expect((await ticket(atRisk.id)).sla.state).toBe('OK');
    // Its next due time is now the resolution, an hour from when the person wrote: it sorts after the fresh one's first response.
    const resorted: string[] = [];
    for (let cursor: string | null = null, more = true; more; ) {
      const page: any = (await server.ok(SORTED, { after: cursor })).tickets;
      resorted.push(...page.edges.map((edge: any) => edge.node.id));
      more = page.pageInfo.hasNextPage;
      cursor = page.pageInfo.endCursor;
    }
    expect(resorted.filter((id) => [fresh.id, atRisk.id, late.id].includes(id))).toEqual([
      late.id,
      fresh.id,
      atRisk.id,
    ]);
  });

  it('with business hours set, the SLA clock waits for the desk to open', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const weekday = ((tomorrow.getUTCDay() + 6) % 7) + 1;
    const hours = (
      await server.ok(SET_HOURS, { input: { timeZone: 'UTC', intervals: [{ weekday, start: '09:00', end: '17:00' }] } })
    ).setBusinessHours;
    const created = await createTicket(server);
    const { sla } = await ticket(created.id);
    expect(Date.parse(sla.firstResponseDueAt)).toBe(Date.parse(hours.nextOpeningAt) + 10 * MINUTE);
    expect(Date.parse(sla.resolutionDueAt)).toBe(Date.parse(hours.nextOpeningAt) + 60 * MINUTE);
    await server.ok(SET_HOURS, { input: { timeZone: 'UTC', intervals: [] } });
  });

  it('the list with SLA due times and states, filtered by state, costs the same statements for 3 tickets as for 12', async () => {
    await server.ok(SET_SLA, {
      input: { targets: [{ priority: 'HIGH', firstResponseMinutes: 30, resolutionMinutes: 120 }] },
    });
    for (let index = 0; index < 12; index++) await createTicket(server, { priority: 'HIGH' });
    const LIST = `query($first: Int) { tickets(first: $first, filter: { slaState: [OK, AT_RISK] }, orderBy: { field: PRIORITY }) {
      edges { node { id sla { state firstResponseDueAt resolutionDueAt } } } } }`;
    const statementsFor = async (first: number) => {
      server.queries.length = 0;
      const data = await server.ok(LIST, { first });
      expect(data.tickets.edges).toHaveLength(first);
      return server.queries.filter((line) => /\b(select|insert|update|delete)\b/i.test(line)).length;
    };
    expect(await statementsFor(12)).toBe(await statementsFor(3));
  });
});

describe.each(databases)('the SLA breach sweep on two instances of one %s database', (kind) => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    a = await startServer(kind, { ...env, SLA_SWEEP_MS: '50' });
    b = await startServer(kind, { ...env, SLA_SWEEP_MS: '50' }, { database: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('escalates each late ticket once, one step (not past URGENT), live and audited as the system', async () => {
    // Without Redis each instance tells its own subscribers: listen on both, and count every escalation once overall.
    const breaches = [a, b].map((server) =>
      subscribe(server, server.adminToken, 'subscription { slaBreached { id priority sla { state breachedAt } } }'),
    );
    const [feedA, feedB] = await Promise.all(breaches);
    const badge = await subscribe(a, a.adminToken, 'subscription { notificationsChanged { slaBreached hasAlerts } }');
    expect((await a.ok('{ notifications { slaBreached } }')).notifications.slaBreached).toBe(0);
    // An URGENT ticket first, while MEDIUM has no target: raised to URGENT, its first-response target has passed.
    await a.ok(SET_SLA, { input: { targets: [{ priority: 'URGENT', firstResponseMinutes: 1 }] } });
    const urgent = await openFromWhatsapp(a, 2 * MINUTE);
    await a.ok('mutation($t: ID!) { setTicketPriority(ticketId: $t, priority: URGENT) { id } }', { t: urgent.id });
    await a.ok(SET_SLA, {
      input: {
        targets: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'].map((priority) => ({ priority, firstResponseMinutes: 1 })),
      },
    });
    const late = await Promise.all(Array.from({ length: 4 }, () => openFromWhatsapp(a, 2 * MINUTE)));

    const seen: { id: string; priority: string; sla: { state: string } }[] = [];
    const collect = async (feed: typeof feedA) => {
      for (;;) {
        try {
          seen.push(await feed!.next(1500));
        } catch {
          return;
        }
      }
    };
    await eventually(async () =>
      (await a.ok('{ notifications { slaBreached } }')).notifications.slaBreached === 5 ? true : undefined,
    );
    await Promise.all([collect(feedA), collect(feedB)]);
    expect(seen.map((event) => event.id).sort()).toEqual([...late, urgent].map(({ id }) => id).sort());
    for (const { id } of late)
      expect(seen.find((event) => event.id === id)).toMatchObject({ priority: 'HIGH', sla: { state: 'BREACHED' } });
    expect(seen.find((event) => event.id === urgent.id)).toMatchObject({
      priority: 'URGENT',
      sla: { state: 'BREACHED' },
    });
    expect(await badge.next()).toHaveProperty('hasAlerts', true);
    for (const { id } of [...late, urgent]) {
      const entries = (await a.ok(AUDIT, { t: id })).auditLog.filter(
        (entry: { action: string }) => entry.action === 'ticket.sla-breached',
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actorId: null, actorLabel: 'system' });
    }
    expect((await b.ok(TICKET, { t: late[0]!.id })).ticket.priority).toBe('HIGH');
    feedA!.stop();
    feedB!.stop();
    badge.stop();
  });
});

describe.each(databases)('a reopened ticket on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { ...env, SLA_SWEEP_MS: '50' });
  });
  afterAll(async () => server?.close());

  it('starts a new SLA round: the old breach is forgotten, the targets run from the reopening, and its next resolution is timed from there', async () => {
    const targets = ['MEDIUM', 'HIGH', 'URGENT'].map((priority) => ({
      priority,
      firstResponseMinutes: 10,
      resolutionMinutes: 60,
    }));
    await server.ok(SET_SLA, { input: { targets } });
    const late = await openFromWhatsapp(server, 70 * MINUTE);
    const escalated = await eventually(async () => {
      const found = await ticket(late.id);
      return found.sla.breachedAt ? found : undefined;
    });
    expect(escalated).toMatchObject({ priority: 'HIGH', sla: { state: 'BREACHED' } });
    await server.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "Sorry for the wait") { id } }', {
      t: late.id,
    });
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: late.id });

    const reopenedAt = Date.now();
    await server.ok('mutation($t: ID!) { reopenTicket(ticketId: $t) { id } }', { t: late.id });
    const reopened = await ticket(late.id);
    expect(reopened.sla).toMatchObject({ state: 'OK', breachedAt: null });
    expect(Math.abs(Date.parse(reopened.sla.resolutionDueAt) - (reopenedAt + 60 * MINUTE))).toBeLessThan(MINUTE);
    // The sweep leaves it alone now: still HIGH, not escalated again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await ticket(late.id)).priority).toBe('HIGH');

    // Resolved again moments later: the report times this round (seconds), not the 70 minutes before.
    await server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', { t: late.id });
    const today = new Date().toISOString().slice(0, 10);
    const report = (
      await server.ok(
        'query($i: ReportInput!) { deskReport(input: $i) { resolution { count medianSeconds } firstResponse { count medianSeconds } } }',
        { i: { from: today, to: today } },
      )
    ).deskReport;
    expect(report.resolution.count).toBe(1);
    expect(report.resolution.medianSeconds).toBeLessThan(60);
    expect(report.firstResponse.medianSeconds).toBeGreaterThanOrEqual(70 * 60);

    // setTicketStatus back to OPEN is a reopening too.
    await server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: OPEN) { id } }', { t: late.id });
    expect((await ticket(late.id)).sla.state).toBe('OK');
  });

  const ticket = async (id: string) => (await server.ok(TICKET, { t: id })).ticket;
});
