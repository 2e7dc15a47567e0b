// What one caller may hold open over the WebSocket: a bounded number of operations per socket, a bounded number
// of distinct live reports per token, and nothing at all once its token has expired.
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';

type Outcome =
  | { data: unknown }
  | { errors: { message: string; extensions?: { code?: string } }[] }
  | { closed: number }
  | { completed: true };

/** Subscribes and resolves with the first thing that happens: a result, an error, the end, or the socket closing. */
function firstOutcome(client: Client, query: string, variables: Record<string, unknown> = {}) {
  let unsubscribe = () => {};
  const outcome = new Promise<Outcome>((resolve) => {
    unsubscribe = client.subscribe(
      { query, variables },
      {
        next: (result) => resolve(result.errors ? { errors: result.errors as never } : { data: result.data }),
        error: (error) =>
          resolve(Array.isArray(error) ? { errors: error } : { closed: (error as { code?: number }).code ?? -1 }),
        complete: () => resolve({ completed: true }),
      },
    );
  });
  return { outcome, unsubscribe: () => unsubscribe() };
}

const codeOf = (outcome: Outcome) => ('errors' in outcome ? outcome.errors[0]?.extensions?.code : undefined);
const REPORT = 'subscription($i: ReportInput!) { deskReport(input: $i) { opened } }';
const range = (day: number) => ({ i: { from: `2026-01-${String(day).padStart(2, '0')}`, to: '2026-02-28' } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(databases)('subscription limits, on a production server on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, {
      NODE_ENV: 'production',
      WS_MAX_OPERATIONS: '4',
      REPORT_SUBSCRIPTIONS_PER_TOKEN: '3',
    });
  });
  afterAll(() => server?.close());

  it('refuses an operation past WS_MAX_OPERATIONS on one socket (RATE_LIMITED), and takes one again once another ends', async () => {
    const client = server.ws(server.adminToken);
    const open = Array.from({ length: 4 }, () => firstOutcome(client, 'subscription { ticketCreated { id } }'));
    await sleep(200);
    const refused = await firstOutcome(client, 'subscription { ticketCreated { id } }').outcome;
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect((refused as { errors: { message: string }[] }).errors[0]!.message).toMatch(/WS_MAX_OPERATIONS/);
    // Another socket has its own allowance.
    const other = firstOutcome(server.ws(server.adminToken), 'subscription { ticketCreated { id } }');
    open[0]!.unsubscribe();
    await sleep(100);
    const again = firstOutcome(client, 'subscription { ticketCreated { id } }');
    await sleep(200);
    const ticket = await createTicket(server);
    expect(await again.outcome).toEqual({ data: { ticketCreated: { id: ticket.id } } });
    expect(await other.outcome).toEqual({ data: { ticketCreated: { id: ticket.id } } });
    for (const subscription of open) subscription.unsubscribe();
  });

  it('refuses a distinct live report past REPORT_SUBSCRIPTIONS_PER_TOKEN, across the token’s sockets; the same report again is free', async () => {
    const agent = await server.createAgent('Report Watcher');
    const first = server.ws(agent.token);
    const second = server.ws(agent.token);
    const held = [
      firstOutcome(first, REPORT, range(1)),
      firstOutcome(first, REPORT, range(2)),
      firstOutcome(second, REPORT, range(3)),
    ];
    for (const subscription of held)
      expect(await subscription.outcome).toEqual({ data: { deskReport: { opened: expect.any(Number) } } });
    const refused = await firstOutcome(second, REPORT, range(4)).outcome;
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect((refused as { errors: { message: string }[] }).errors[0]!.message).toMatch(/REPORT_SUBSCRIPTIONS_PER_TOKEN/);
    // A report it follows already costs nothing more; another caller has its own allowance.
    expect(await firstOutcome(second, REPORT, range(1)).outcome).toEqual({
      data: { deskReport: { opened: expect.any(Number) } },
    });
    expect(await firstOutcome(server.ws(server.adminToken), REPORT, range(4)).outcome).toEqual({
      data: { deskReport: { opened: expect.any(Number) } },
    });
    // Ending one makes room.
    held[1]!.unsubscribe();
    await sleep(100);
    expect(await firstOutcome(second, REPORT, range(4)).outcome).toEqual({
      data: { deskReport: { opened: expect.any(Number) } },
    });
  });

  it('closes the socket (4403) when its API token expires, and sends nothing after', async () => {
    const expiresAt = new Date(Date.now() + 2000).toISOString();
    const { createApiToken } = await server.ok(
      'mutation($x: DateTime) { createApiToken(name: "short-lived", scopes: [READ], expiresAt: $x) { token } }',
      { x: expiresAt },
    );
    const client = server.ws(createApiToken.token);
    const seen: unknown[] = [];
    const closed = new Promise<number>((resolve) => {
      client.subscribe(
        { query: 'subscription { ticketCreated { id } }' },
        {
          next: (result) => void seen.push(result.data),
          error: (error) => resolve((error as { code?: number }).code ?? -1),
          complete: () => resolve(0),
        },
      );
    });
    await sleep(300);
    await createTicket(server);
    const code = await Promise.race([closed, sleep(6000).then(() => 'still open')]);
    expect(code).toBe(4403);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(expiresAt));
    expect(seen).toHaveLength(1);
    await createTicket(server);
    await sleep(200);
    expect(seen).toHaveLength(1);
  });
});
