// The examples in docs/api/ are what tool authors copy: each is run here, as its README line says, against a
// real server, so that a change to the API that breaks one fails the build instead of a stranger's tool.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, eventually, startServer, type TestServer } from '../helpers/harness.js';

/** Retries `check` (which throws while its expectations fail) until it passes, or fails with its last error. */
async function until(check: () => void | Promise<void>, ms = 10_000): Promise<void> {
  let last: unknown;
  await eventually(async () => {
    try {
      await check();
      return true;
    } catch (error) {
      last = error;
      return undefined;
    }
  }, ms).catch(() => {
    throw last;
  });
}

const EXAMPLES = resolve(import.meta.dirname, '../../docs/api');

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/**
 * A time zone where it is around noon now, so that "today" in the examples cannot end between a test's
 * setup and its run (a test running at 23:59:59.9 UTC would otherwise lose its tickets to tomorrow).
 */
function middayZone(): string {
  const offset = 12 - new Date().getUTCHours(); // -11 … 12 hours from UTC
  return offset >= 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`; // the Etc zones' signs are inverted
}

function runExample(file: string, env: Record<string, string>): Run {
  const child = spawn(process.execPath, [resolve(EXAMPLES, file)], {
    env: { PATH: process.env.PATH ?? '', TZ: middayZone(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

/** A TCP port nothing listens on at the moment. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
    probe.once('error', fail);
  });
}

async function readToken(server: TestServer, scopes = '[READ]'): Promise<string> {
  const data = await server.ok(`mutation { createApiToken(name: "example", scopes: ${scopes}) { token } }`);
  return data.createApiToken.token;
}

describe.each(databases)('docs/api examples (%s)', (kind) => {
  let server: TestServer;
  const running: Run[] = [];
  beforeAll(async () => {
    // The receiver example listens on 127.0.0.1, which the desk refuses to post to unless told otherwise (SSRF).
    server = await startServer(kind, { WEBHOOKS_ALLOW_PRIVATE: '1', WEBHOOKS_POLL_MS: '50' });
  });
  afterAll(async () => {
    for (const run of running) run.child.kill('SIGKILL');
    await server?.close();
  });

  it("urgent-unassigned.mjs lists today's urgent unassigned open tickets, every page, and nothing else", async () => {
    const wanted = [
      await createTicket(server, { priority: 'URGENT', issueDescription: 'Fees portal\ndown   since 8' }),
      await createTicket(server, { priority: 'URGENT', senderName: 'Zoë 👩🏽‍🎓' }),
    ];
    const taken = await createTicket(server, { priority: 'URGENT' });
    const me = await server.ok('{ me { id } }');
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: taken.id,
      a: me.me.id,
    });
    const resolved = await createTicket(server, { priority: 'URGENT' });
    await server.ok('mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { id } }', {
      t: resolved.id,
    });
    await createTicket(server, { priority: 'HIGH' });

    // One ticket a page: the script must follow the cursor to find the second.
    const run = runExample('urgent-unassigned.mjs', {
      DESK_URL: server.url,
      DESK_TOKEN: await readToken(server),
      PAGE_SIZE: '1',
    });
    running.push(run);
    expect(await run.exited, run.stderr()).toBe(0);
    const lines = run.stdout().trim().split('\n');
    expect(lines.map((line) => line.split('\t')[0])).toEqual(wanted.map((ticket) => ticket.id));
    expect(lines[0]).toContain('Fees portal down since 8');
    expect(lines[1]).toContain('Zoë 👩🏽‍🎓');
    expect(run.stderr()).toMatch(/^2 urgent unassigned ticket\(s\) since /m);
  });

  it('urgent-unassigned.mjs says why when the token is refused, and exits non-zero', async () => {
    const run = runExample('urgent-unassigned.mjs', { DESK_URL: server.url, DESK_TOKEN: 'not-a-token' });
    running.push(run);
    expect(await run.exited).not.toBe(0);
    expect(run.stderr()).toMatch(/UNAUTHENTICATED/);
    expect(run.stdout()).toBe('');
  });

  it('listen.mjs prints each new ticket and each new message as a line of JSON', async () => {
    const run = runExample('listen.mjs', { DESK_URL: server.url, DESK_TOKEN: await readToken(server) });
    running.push(run);
    await until(() => expect(run.stderr()).toMatch(/^connected to /m));
    // The server takes each subscription on in its own time after the connection is acknowledged: warm up with
    // a ticket and a reply until both kinds of event have come through once, then check a fresh pair.
    await until(async () => {
      if (!/"ticketCreated"/.test(run.stdout()) || !/"messageAdded"/.test(run.stdout())) {
        const probe = await createTicket(server, { issueDescription: 'warm-up' });
        await server.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "warm-up") { id } }', { t: probe.id });
        await new Promise((done) => setTimeout(done, 200));
      }
      expect(run.stdout()).toContain('"ticketCreated"');
      expect(run.stdout()).toContain('"messageAdded"');
    });
    const ticket = await createTicket(server, { issueDescription: 'Where is my ID card? 🪪' });
    await server.ok('mutation($t: ID!) { sendMessage(ticketId: $t, body: "It is at the front desk") { id } }', {
      t: ticket.id,
    });
    await until(() => {
      const events = run
        .stdout()
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      expect(events).toContainEqual(
        expect.objectContaining({
          event: 'ticketCreated',
          ticket: expect.objectContaining({ id: ticket.id, issueDescription: 'Where is my ID card? 🪪' }),
        }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({
          event: 'messageAdded',
          message: expect.objectContaining({ body: 'It is at the front desk', ticket: { id: ticket.id } }),
        }),
      );
    });
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('webhook-receiver.mjs prints each signed delivery once and refuses a forged one', async () => {
    const port = await freePort();
    const run = runExample('webhook-receiver.mjs', { WEBHOOK_SECRET: 'placeholder', PORT: String(port) });
    running.push(run);
    // The secret is only known once the endpoint exists; restart the receiver with it.
    await until(() => expect(run.stderr()).toMatch(/^listening on /m));
    run.child.kill('SIGTERM');
    await run.exited;
    const created = await server.ok(
      `mutation($url: String!) { createWebhookEndpoint(input: { url: $url, events: [TICKET_CREATED, MESSAGE_ADDED] }) {
        endpoint { id } secret } }`,
      { url: `http://127.0.0.1:${port}/desk-events` },
    );
    const receiver = runExample('webhook-receiver.mjs', {
      WEBHOOK_SECRET: created.createWebhookEndpoint.secret,
      PORT: String(port),
    });
    running.push(receiver);
    await until(() => expect(receiver.stderr()).toMatch(/^listening on /m));

    const ticket = await createTicket(server, { issueDescription: 'Webhook example 🧾' });
    const events = () =>
      receiver
        .stdout()
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    await until(() =>
      expect(events()).toContainEqual({
        id: expect.stringMatching(/^evt_/),
        type: 'ticket.created',
        ticket: ticket.id,
      }),
    );

    // Redelivering the same event (same id) is acknowledged but not printed twice.
    const log = await server.ok(
      'query($id: ID!) { webhookEndpoint(id: $id) { deliveries(first: 5) { edges { node { id eventType status } } } } }',
      { id: created.createWebhookEndpoint.endpoint.id },
    );
    const first = log.webhookEndpoint.deliveries.edges.find((edge: any) => edge.node.eventType === 'TICKET_CREATED');
    await server.ok('mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { id } }', { id: first.node.id });
    // Both attempts of that event reached the receiver and were answered 2xx (DELIVERED), the second only acknowledged.
    await until(async () => {
      const again = await server.ok(
        `query($id: ID!) { webhookEndpoint(id: $id) {
          deliveries(first: 10, status: DELIVERED) { edges { node { eventId eventType } } } } }`,
        { id: created.createWebhookEndpoint.endpoint.id },
      );
      const attempts = again.webhookEndpoint.deliveries.edges.filter(
        (edge: any) => edge.node.eventType === 'TICKET_CREATED',
      );
      expect(attempts).toHaveLength(2);
      expect(attempts[0].node.eventId).toBe(attempts[1].node.eventId);
    });
    expect(events().filter((event) => event.type === 'ticket.created' && event.ticket === ticket.id)).toHaveLength(1);

    // Anyone else posting to it is refused, and prints nothing.
    const forged = JSON.stringify({ id: 'evt_forged', type: 'ticket.created', ticket: { id: '1' } });
    const now = Math.floor(Date.now() / 1000);
    const refused = await fetch(`http://127.0.0.1:${port}/desk-events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-signature': `t=${now},v1=${'0'.repeat(64)}` },
      body: forged,
    });
    expect(refused.status).toBe(400);
    const unsigned = await fetch(`http://127.0.0.1:${port}/desk-events`, { method: 'POST', body: forged });
    expect(unsigned.status).toBe(400);
    expect(receiver.stdout()).not.toContain('evt_forged');

    receiver.child.kill('SIGTERM');
    expect(await receiver.exited).toBe(0);
  });
});
