// Reports: first-response and resolution times (median, p90) per agent and for the desk, opened, resolved and
// backlog per local day, calendar or business hours, live over graphql-ws, and CSV, on SQLite and MariaDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';
import { createTicket, databases, openFromWhatsapp, startServer, type TestServer } from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';

const MINUTE = 60_000;
const DURATIONS = 'count medianSeconds p90Seconds averageSeconds';
const REPORT_FIELDS = `from to timeZone hours opened resolved backlogAtStart backlogAtEnd
  firstResponse { ${DURATIONS} } resolution { ${DURATIONS} } satisfaction { good okay bad responses }
  days { date opened resolved backlog }
  agents { agent { id name } opened resolved backlog firstResponse { ${DURATIONS} } resolution { ${DURATIONS} } }`;
const REPORT = `query($input: ReportInput!) { deskReport(input: $input) { ${REPORT_FIELDS} } }`;
const REPLY = 'mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }';
const CLOSE = 'mutation($t: ID!) { closeTicket(ticketId: $t) { id } }';
const SET_HOURS = 'mutation($input: BusinessHoursInput!) { setBusinessHours(input: $input) { openNow } }';

/** The local date of an instant in a zone, as the report names days. */
const localDate = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const shiftDate = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** Seconds, give or take the time the test itself takes. */
const about = (seconds: number) =>
  expect.toSatisfy((value: number) => Math.abs(value - seconds) <= 90, `about ${seconds} s`);

describe.each(databases)('reports on %s', (kind) => {
  let server: TestServer;
  let ann: { id: string; token: string };
  let bob: { id: string; token: string };
  const today = () => localDate(new Date(), 'UTC');
  const report = async (input: Record<string, unknown>, token?: string) =>
    (await server.ok(REPORT, { input: { from: today(), to: today(), ...input } }, token)).deskReport;

  beforeAll(async () => {
    server = await startServer(kind, { WHATSAPP_APP_SECRET: WEBHOOK_SECRET, REPORT_UPDATE_MS: '100' });
    ann = await server.createAgent('Ann Agent');
    bob = await server.createAgent('Bob Agent');
    // Ann answers people who wrote 10 and 20 minutes ago, Bob one who wrote 40 minutes ago; two are resolved.
    const tickets = await Promise.all([10, 20, 40].map((minutes) => openFromWhatsapp(server, minutes * MINUTE)));
    await server.ok(REPLY, { t: tickets[0]!.id, b: 'Looking into it' }, ann.token);
    await server.ok(REPLY, { t: tickets[1]!.id, b: 'Looking into it' }, ann.token);
    await server.ok(REPLY, { t: tickets[2]!.id, b: 'On it' }, bob.token);
    await server.ok(CLOSE, { t: tickets[0]!.id }, ann.token);
    await server.ok(CLOSE, { t: tickets[2]!.id }, bob.token);
  });
  afterAll(async () => server?.close());

  it('first response and resolution times: median, p90 and average for the desk and per agent', async () => {
    const desk = await report({});
    expect(desk.firstResponse).toEqual({
      count: 3,
      medianSeconds: about(1200),
      p90Seconds: about(2400),
      averageSeconds: about(1400),
    });
    expect(desk.resolution).toEqual({
      count: 2,
      medianSeconds: about(600),
      p90Seconds: about(2400),
      averageSeconds: about(1500),
    });
    const row = (id: string) => desk.agents.find((agent: { agent: { id: string } | null }) => agent.agent?.id === id);
    expect(row(ann.id)).toMatchObject({
      opened: 2,
      resolved: 1,
      backlog: 1,
      firstResponse: { count: 2, medianSeconds: about(600), p90Seconds: about(1200) },
      resolution: { count: 1, medianSeconds: about(600) },
    });
    expect(row(bob.id)).toMatchObject({
      opened: 1,
      resolved: 1,
      backlog: 0,
      firstResponse: { count: 1, medianSeconds: about(2400), p90Seconds: about(2400) },
    });
    expect(desk.agents.map((agent: { agent: { name: string } | null }) => agent.agent?.name ?? null)).toEqual([
      'Ann Agent',
      'Bob Agent',
    ]);
  });

  it('opened, resolved and backlog per local day, with days nothing happened on', async () => {
    const desk = await report({ from: shiftDate(today(), -2) });
    expect(desk).toMatchObject({ opened: 3, resolved: 2, backlogAtStart: 0, backlogAtEnd: 1 });
    expect(desk.days).toEqual([
      { date: shiftDate(today(), -2), opened: 0, resolved: 0, backlog: 0 },
      { date: shiftDate(today(), -1), opened: 0, resolved: 0, backlog: 0 },
      { date: today(), opened: 3, resolved: 2, backlog: 1 },
    ]);
    // A range that ends before today sees nothing of it; one starting tomorrow begins with today's backlog.
    expect((await report({ from: shiftDate(today(), -3), to: shiftDate(today(), -1) })).opened).toBe(0);
    expect(await report({ from: shiftDate(today(), 1), to: shiftDate(today(), 1) })).toMatchObject({
      opened: 0,
      backlogAtStart: 1,
      backlogAtEnd: 1,
    });
  });

  it('days are local days of the time zone asked for', async () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Kathmandu']) {
      const local = localDate(new Date(), timeZone);
      const desk = await report({ from: shiftDate(local, -1), to: shiftDate(local, 1), timeZone });
      expect(desk.timeZone).toBe(timeZone);
      expect(desk.days.map((day: { opened: number }) => day.opened)).toEqual([0, 3, 0]);
      expect(desk.days[1].date).toBe(local);
    }
    // Across DST changes (two in a year of New York's days), each day still starts at its own midnight.
    const local = localDate(new Date(), 'America/New_York');
    const year = await report({ from: shiftDate(local, -365), to: local, timeZone: 'America/New_York' });
    expect(year.days.filter((day: { opened: number }) => day.opened > 0)).toEqual([
      { date: local, opened: 3, resolved: 2, backlog: 1 },
    ]);
  });

  it('bad ranges and zones are refused with BAD_USER_INPUT', async () => {
    const refuse = async (input: Record<string, unknown>, message: RegExp) => {
      const result = await server.gql(REPORT, { input: { hours: 'CALENDAR', ...input } }, server.adminToken);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(message);
    };
    await refuse({ from: '2026-02-30', to: '2026-03-01' }, /from must be a date/);
    await refuse({ from: '2026-03-01', to: 'yesterday' }, /to must be a date/);
    await refuse({ from: '2026-03-02', to: '2026-03-01' }, /on or after from/);
    await refuse({ from: '2000-01-01', to: '2026-03-01' }, /at most 3660 days/);
    await refuse({ from: '2026-03-01', to: '2026-03-01', timeZone: 'Mars/Olympus' }, /not an IANA time zone/);
  });

  it('ten years of days come back in one answer, counted by the database', async () => {
    server.queries.length = 0;
    const desk = await report({ from: shiftDate(today(), -3659) });
    expect(desk.days).toHaveLength(3660);
    expect(desk.days.at(-1)).toEqual({ date: today(), opened: 3, resolved: 2, backlog: 1 });
    const statements = server.queries.length;
    // More tickets change the figures, not the number of statements.
    await Promise.all([1, 2, 3, 4, 5].map(() => createTicket(server)));
    server.queries.length = 0;
    expect((await report({ from: shiftDate(today(), -3659) })).opened).toBe(8);
    expect(server.queries.length).toBe(statements);
  });

  it('a graphql-ws subscriber gets the report at once and again after tickets change', async () => {
    const feed = await subscribe(
      server,
      ann.token,
      `subscription($input: ReportInput!) { deskReport(input: $input) { opened resolved backlogAtEnd } }`,
      {
        input: { from: today(), to: today() },
      },
    );
    const first = await feed.next();
    const created = await createTicket(server);
    expect(await feed.next()).toEqual({ ...first, opened: first.opened + 1, backlogAtEnd: first.backlogAtEnd + 1 });
    await server.ok(CLOSE, { t: created.id }, ann.token);
    expect(await feed.next()).toEqual({ ...first, opened: first.opened + 1, resolved: first.resolved + 1 });
    const refused = await subscribe(
      server,
      ann.token,
      'subscription($input: ReportInput!) { deskReport(input: $input) { opened } }',
      { input: { from: 'soon', to: today() } },
    );
    await expect(refused.next()).rejects.toThrow(/from must be a date/);
  });

  it('CSV: days and agents for a token with READ; no token is 401, a bad range 400', async () => {
    const csv = (table: string, query: string, token: string | null = server.adminToken) =>
      fetch(`${server.url}/reports/${table}?${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const range = `from=${shiftDate(today(), -1)}&to=${today()}`;
    const days = await csv('days.csv', range);
    expect(days.status).toBe(200);
    expect(days.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(days.headers.get('content-disposition')).toMatch(/attachment; filename="desk-days-/);
    const lines = (await days.text()).trim().split('\r\n');
    expect(lines[0]).toBe('date,opened,resolved,backlog');
    expect(lines[1]).toBe(`${shiftDate(today(), -1)},0,0,0`);
    expect(lines[2]).toMatch(new RegExp(`^${today()},\\d+,\\d+,\\d+$`));
    const agents = (await (await csv('agents.csv', `${range}&hours=BUSINESS`)).text()).trim().split('\r\n');
    expect(agents[0]).toMatch(
      /^agent,email,opened,resolved,backlog,first_response_count,first_response_median_seconds/,
    );
    expect(agents[1]).toMatch(/^All agents,,\d+,/);
    expect(agents.some((line) => line.startsWith('Ann Agent,'))).toBe(true);
    expect((await csv('days.csv', range, null)).status).toBe(401);
    const bad = await csv('days.csv', `from=${today()}&to=2001-01-01`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/on or after from/);
    expect((await csv('days.csv', `${range}&hours=SOMETIMES`)).status).toBe(400);
    expect((await csv('tickets.csv', range)).status).toBe(404);
  });

  it('in business hours only the time the desk was open counts', async () => {
    // A zone where it is about noon now, open since 15 minutes ago: a person who wrote 40 minutes ago
    // waited 40 minutes of calendar time and 15 of business time.
    const offsetHours = 12 - new Date().getUTCHours();
    const timeZone = offsetHours === 0 ? 'UTC' : `Etc/GMT${offsetHours > 0 ? '-' : '+'}${Math.abs(offsetHours)}`;
    const opened = new Date(Date.now() + offsetHours * 3_600_000 - 15 * MINUTE);
    const start = `${String(opened.getUTCHours()).padStart(2, '0')}:${String(opened.getUTCMinutes()).padStart(2, '0')}`;
    const weekday = ((opened.getUTCDay() + 6) % 7) + 1;
    await server.ok(SET_HOURS, { input: { timeZone, intervals: [{ weekday, start, end: '24:00' }] } });
    const cara = await server.createAgent('Cara Agent');
    const { id } = await openFromWhatsapp(server, 40 * MINUTE);
    await server.ok(REPLY, { t: id, b: 'Hello' }, cara.token);
    await server.ok(CLOSE, { t: id }, cara.token);
    const row = async (hours: string) =>
      (await report({ hours })).agents.find((agent: { agent: { id: string } | null }) => agent.agent?.id === cara.id);
    expect((await row('CALENDAR')).firstResponse.medianSeconds).toEqual(about(2400));
    expect((await row('BUSINESS')).firstResponse.medianSeconds).toEqual(about(900));
    expect((await row('BUSINESS')).resolution.medianSeconds).toEqual(about(900));
    // Without a time zone the report reads days in the desk's own.
    expect(
      (await report({ from: localDate(new Date(), timeZone), to: localDate(new Date(), timeZone), timeZone: null }))
        .timeZone,
    ).toBe(timeZone);
    await server.ok(SET_HOURS, { input: { timeZone: 'UTC', intervals: [] } });
  });
});
