// Outgoing webhooks as a receiver sees them: each event once, signed, in order per ticket, retried with backoff
// after failures, given up after WEBHOOKS_GIVE_UP_MS, redelivered or pinged on an admin's request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, eventually, startServer, type TestServer } from '../helpers/harness.js';
import {
  deliveriesOf,
  FAST_WEBHOOKS,
  register,
  startWebhookReceiver,
  verifySignature,
  type WebhookReceiver,
} from '../helpers/webhook-receiver.js';

describe.each(databases)('outgoing webhooks on %s', (kind) => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let endpoint: { id: string; secret: string };
  beforeAll(async () => {
    server = await startServer(kind, FAST_WEBHOOKS);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  const forTicket = (ticketId: string) => receiver.accepted().filter((entry) => entry.body.ticket?.id === ticketId);

  it('a new ticket is delivered once as ticket.created, signed with the endpoint’s secret', async () => {
    endpoint = await register(server, receiver.url);
    const ticket = await createTicket(server, { senderName: 'Ann Lee' });
    await receiver.waitFor(() => forTicket(ticket.id).length === 1, 15_000, 'ticket.created');
    const [created] = forTicket(ticket.id);
    expect(created!.body).toMatchObject({
      type: 'ticket.created',
      ticket: { id: ticket.id, status: 'OPEN', priority: 'MEDIUM', phoneNumber: ticket.phoneNumber, assignee: null },
    });
    expect(created!.body.id).toMatch(/^evt_[0-9A-Z]{26}$/);
    expect(created!.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'whatsapp-support-desk-webhooks/1',
      'x-desk-event': 'ticket.created',
      'x-desk-event-id': created!.body.id,
    });
    expect(verifySignature(endpoint.secret, created!.headers['x-desk-signature'] as string, created!.raw)).toBe(true);
    expect(verifySignature('whsec_wrong', created!.headers['x-desk-signature'] as string, created!.raw)).toBe(false);
    const log = await eventually(async () => {
      const rows = await deliveriesOf(server, endpoint.id);
      const row = rows.find((r) => r.ticketId === ticket.id);
      return row?.status === 'DELIVERED' ? row : undefined;
    });
    expect(log).toMatchObject({ eventType: 'TICKET_CREATED', attempts: 1, lastStatusCode: 200, lastError: null });
    expect(log.payload).toBe(created!.raw);
    expect(created!.headers['x-desk-delivery']).toBe(log.id);
  });

  it('a reply, an assignment and a resolution follow in order, each once', async () => {
    const agent = await server.createAgent('Bea', 'AGENT');
    const ticket = await createTicket(server);
    await server.ok('mutation($t: ID!, $b: String!) { sendMessage(ticketId: $t, body: $b) { id } }', {
      t: ticket.id,
      b: 'Hello, looking into it',
    });
    await server.ok('mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, adminId: $a) { id } }', {
      t: ticket.id,
      a: agent.id,
    });
    await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: ticket.id });
    await receiver.waitFor(
      () => forTicket(ticket.id).some((entry) => entry.body.type === 'ticket.resolved'),
      15_000,
      'ticket.resolved',
    );
    const seen = forTicket(ticket.id);
    const types = seen.map((entry) => entry.body.type);
    expect(types[0]).toBe('ticket.created');
    const reply = seen.find(
      (entry) => entry.body.type === 'message.added' && entry.body.message.body === 'Hello, looking into it',
    );
    expect(reply!.body.message).toMatchObject({ senderType: 'ADMIN', internal: false });
    const assigned = seen.filter((entry) => entry.body.type === 'assignment.changed').at(-1)!;
    expect(assigned.body.assignment.to).toEqual({ id: agent.id, name: 'Bea' });
    expect(assigned.body.ticket.assignee).toEqual({ id: agent.id, name: 'Bea' });
    const order = (type: string) => types.indexOf(type);
    expect(order('ticket.created')).toBeLessThan(order('message.added'));
    expect(types.lastIndexOf('assignment.changed')).toBeLessThan(order('ticket.resolved'));
    expect(seen.find((entry) => entry.body.type === 'ticket.resolved')!.body.ticket.status).toBe('RESOLVED');
    const ids = seen.map((entry) => entry.body.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('failures are retried with backoff until accepted, and later events for the ticket wait their turn', async () => {
    let refusals = 0;
    receiver.answerWith((request) => (request.body.type === 'ticket.created' && refusals++ < 3 ? 500 : 200));
    const ticket = await createTicket(server);
    await server.ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', {
      t: ticket.id,
      b: 'a note while the receiver is down',
    });
    await receiver.waitFor(
      () => forTicket(ticket.id).some((entry) => entry.body.type === 'message.added'),
      15_000,
      'the note',
    );
    receiver.answerWith(() => 200);
    const all = receiver.received.filter((entry) => entry.body.ticket?.id === ticket.id);
    // Three refusals, then the created event accepted, and only then the note.
    expect(all.map((entry) => `${entry.body.type}:${entry.answer}`)).toEqual([
      'ticket.created:500',
      'ticket.created:500',
      'ticket.created:500',
      'ticket.created:200',
      'message.added:200',
    ]);
    expect(new Set(all.slice(0, 4).map((entry) => entry.body.id)).size).toBe(1);
    const row = (await deliveriesOf(server, endpoint.id)).find(
      (r) => r.ticketId === ticket.id && r.eventType === 'TICKET_CREATED',
    );
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 4, lastStatusCode: 200, lastError: null });
  });

  it('a timeout and a refused connection are recorded as the last error, then retried', async () => {
    let calls = 0;
    receiver.answerWith(() => (calls++ === 0 ? 'hang' : 200));
    const ticket = await createTicket(server);
    await receiver.waitFor(() => forTicket(ticket.id).length === 1, 15_000, 'the retry after a timeout');
    receiver.answerWith(() => 200);
    const row = await eventually(async () => {
      const found = (await deliveriesOf(server, endpoint.id)).find((r) => r.ticketId === ticket.id);
      return found?.status === 'DELIVERED' ? found : undefined;
    });
    expect(row).toMatchObject({ attempts: 2, lastStatusCode: 200 });

    const closed = await startWebhookReceiver();
    await closed.close();
    const dead = await register(server, closed.url, ['TICKET_CREATED']);
    await createTicket(server);
    const failed = await eventually(async () => {
      const [first] = await deliveriesOf(server, dead.id);
      return first?.lastError ? first : undefined;
    });
    expect(failed).toMatchObject({ status: 'PENDING', lastStatusCode: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    await server.ok('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: dead.id });
  });

  it('redelivery sends the same event again as a new delivery; a ping reaches the endpoint', async () => {
    const ticket = await createTicket(server);
    await receiver.waitFor(() => forTicket(ticket.id).length === 1, 15_000, 'ticket.created');
    const original = (await deliveriesOf(server, endpoint.id)).find((r) => r.ticketId === ticket.id)!;
    const again = await server.ok(
      'mutation($id: ID!) { redeliverWebhookDelivery(id: $id) { id eventId status attempts } }',
      { id: original.id },
    );
    expect(again.redeliverWebhookDelivery).toMatchObject({ eventId: original.eventId, status: 'PENDING', attempts: 0 });
    expect(again.redeliverWebhookDelivery.id).not.toBe(original.id);
    await receiver.waitFor(() => forTicket(ticket.id).length === 2, 15_000, 'the redelivery');
    const [first, second] = forTicket(ticket.id);
    expect(second!.raw).toBe(first!.raw);
    expect(second!.headers['x-desk-delivery']).toBe(again.redeliverWebhookDelivery.id);

    const ping = await server.ok('mutation($id: ID!) { pingWebhookEndpoint(id: $id) { id eventType ticketId } }', {
      id: endpoint.id,
    });
    expect(ping.pingWebhookEndpoint).toMatchObject({ eventType: 'PING', ticketId: null });
    await receiver.waitFor((received) => received.some((entry) => entry.body.type === 'ping'), 15_000, 'the ping');
    const pinged = receiver.received.find((entry) => entry.body.type === 'ping')!;
    expect(pinged.body.endpoint).toEqual({ id: endpoint.id, url: receiver.url });
    expect(verifySignature(endpoint.secret, pinged.headers['x-desk-signature'] as string, pinged.raw)).toBe(true);
    const missing = await server.gql(
      'mutation { redeliverWebhookDelivery(id: "999999") { id } }',
      {},
      server.adminToken,
    );
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('an endpoint only hears the events it subscribed to', async () => {
    const narrow = await startWebhookReceiver();
    try {
      const only = await register(server, narrow.url, ['TICKET_RESOLVED']);
      const ticket = await createTicket(server);
      await server.ok('mutation($t: ID!) { closeTicket(ticketId: $t) { id } }', { t: ticket.id });
      await narrow.waitFor((received) => received.length >= 1, 15_000, 'ticket.resolved');
      await receiver.waitFor(
        () => forTicket(ticket.id).some((entry) => entry.body.type === 'ticket.resolved'),
        15_000,
        'the wide endpoint’s ticket.resolved',
      );
      expect(narrow.received.map((entry) => entry.body.type)).toEqual(['ticket.resolved']);
      await server.ok('mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }', { id: only.id });
    } finally {
      await narrow.close();
    }
  });
});
