// When an endpoint keeps failing: a delivery is given up after WEBHOOKS_GIVE_UP_MS and the ticket's next one goes;
// an endpoint failing for WEBHOOKS_DISABLE_AFTER_MS is disabled and admins are told; an address that turns
// non-public is refused at send time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, eventually, startServer } from '../helpers/harness.js';
import { subscribe } from '../helpers/subscriptions.js';
import {
  deliveriesOf,
  FAST_WEBHOOKS,
  register,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../helpers/webhook-receiver.js';

const NOTE = 'mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }';
const ENDPOINT =
  'query($id: ID!) { webhookEndpoint(id: $id) { enabled disabledAt disabledReason failingSince lastDeliveryAt } }';
const COUNT = '{ notifications { disabledWebhookEndpoints } }';

describe.each(databases)('failing webhook endpoints on %s', (kind) => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('a delivery failing past WEBHOOKS_GIVE_UP_MS is given up, and the ticket’s next event goes', async () => {
    const server = await startServer(kind, { ...FAST_WEBHOOKS, WEBHOOKS_GIVE_UP_MS: '400' });
    try {
      receiver.answerWith((request) => (request.body.type === 'ticket.created' ? 500 : 200));
      const endpoint = await register(server, receiver.url, ['TICKET_CREATED', 'MESSAGE_ADDED']);
      const ticket = await createTicket(server);
      await server.ok(NOTE, { t: ticket.id, b: 'waits for the created event' });
      await receiver.waitFor(
        (received) => received.some((entry) => entry.body.ticket?.id === ticket.id && entry.answer === 200),
        15_000,
        'the note after the give-up',
      );
      const rows = await eventually(async () => {
        const found = await deliveriesOf(server, endpoint.id);
        return found.every((row) => row.status !== 'PENDING') ? found : undefined;
      });
      const created = rows.find((row) => row.eventType === 'TICKET_CREATED')!;
      expect(created).toMatchObject({ status: 'FAILED', lastStatusCode: 500, nextAttemptAt: null });
      expect(created.attempts).toBeGreaterThan(1);
      expect(created.lastError).toBe('HTTP 500: answered 500');
      expect(rows.find((row) => row.eventType === 'MESSAGE_ADDED')).toMatchObject({ status: 'DELIVERED' });
      const sent = receiver.received.filter((entry) => entry.body.ticket?.id === ticket.id);
      expect(sent.at(-1)!.body.type).toBe('message.added');
      expect(sent.slice(0, -1).every((entry) => entry.body.type === 'ticket.created')).toBe(true);
      // The success after the failures ended the run of failures.
      expect((await server.ok(ENDPOINT, { id: endpoint.id })).webhookEndpoint).toMatchObject({
        enabled: true,
        failingSince: null,
      });
    } finally {
      receiver.answerWith(() => 200);
      await server.close();
    }
  });

  it('an endpoint failing for WEBHOOKS_DISABLE_AFTER_MS is disabled, admins are told, and enabling clears it', async () => {
    const server = await startServer(kind, { ...FAST_WEBHOOKS, WEBHOOKS_DISABLE_AFTER_MS: '300' });
    try {
      receiver.answerWith(() => 503);
      const agent = await server.createAgent('Cy', 'AGENT');
      const endpoint = await register(server, receiver.url, ['TICKET_CREATED', 'MESSAGE_ADDED']);
      const feed = await subscribe(
        server,
        server.adminToken,
        'subscription { notificationsChanged { disabledWebhookEndpoints } }',
      );
      const ticket = await createTicket(server);
      await server.ok(NOTE, { t: ticket.id, b: 'never sent' });
      const disabled = await eventually(async () => {
        const found = (await server.ok(ENDPOINT, { id: endpoint.id })).webhookEndpoint;
        return found.enabled ? undefined : found;
      });
      expect(disabled.disabledReason).toMatch(/^Failing since \d{4}-\d\d-\d\dT[\d:.]+Z \(0 h\)$/);
      expect(disabled.disabledAt).not.toBeNull();
      for (;;) if ((await feed.next()).disabledWebhookEndpoints === 1) break;
      expect((await server.ok(COUNT)).notifications.disabledWebhookEndpoints).toBe(1);
      expect((await server.ok(COUNT, {}, agent.token)).notifications.disabledWebhookEndpoints).toBe(0);
      const rows = await deliveriesOf(server, endpoint.id);
      expect(rows.map((row) => row.status)).toEqual(['FAILED', 'FAILED']);
      const trail = await server.ok('{ auditLog(first: 20) { action actorLabel after } }');
      expect(trail.auditLog.find((entry: any) => entry.action === 'webhook.disabled')).toMatchObject({
        actorLabel: 'system',
        after: { id: Number(endpoint.id), enabled: false, reason: disabled.disabledReason },
      });
      const ping = await server.gql(
        'mutation($id: ID!) { pingWebhookEndpoint(id: $id) { id } }',
        { id: endpoint.id },
        server.adminToken,
      );
      expect(ping.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

      receiver.answerWith(() => 200);
      const enabled = await server.ok(
        'mutation($id: ID!) { updateWebhookEndpoint(id: $id, input: { enabled: true }) { enabled failingSince disabledReason } }',
        { id: endpoint.id },
      );
      expect(enabled.updateWebhookEndpoint).toEqual({ enabled: true, failingSince: null, disabledReason: null });
      for (;;) if ((await feed.next()).disabledWebhookEndpoints === 0) break;
      expect((await server.ok(COUNT)).notifications.disabledWebhookEndpoints).toBe(0);
      const later = await createTicket(server);
      await receiver.waitFor(
        (received) => received.some((entry) => entry.body.ticket?.id === later.id && entry.answer === 200),
        15_000,
        'a delivery after enabling',
      );
      feed.stop();
    } finally {
      receiver.answerWith(() => 200);
      await server.close();
    }
  });

  it('an endpoint registered while private addresses were allowed is refused at send time once they are not', async () => {
    const strict = await startServer(kind, { ...FAST_WEBHOOKS, WEBHOOKS_ALLOW_PRIVATE: '0' });
    // Registered through an instance that allows private addresses, on the same database.
    const lenient = await startServer(kind, FAST_WEBHOOKS, { database: strict.database });
    const endpoint = await register(lenient, receiver.url, ['TICKET_CREATED']);
    await lenient.close();
    try {
      const before = receiver.received.length;
      const ticket = await createTicket(strict);
      const row = await eventually(async () => {
        const [found] = await deliveriesOf(strict, endpoint.id);
        return found?.ticketId === ticket.id && found.attempts > 0 ? found : undefined;
      });
      expect(row).toMatchObject({ status: 'PENDING', lastStatusCode: null });
      expect(row.lastError).toMatch(/^refused: 127\.0\.0\.1 is a non-public address/);
      expect(receiver.received.length).toBe(before);
    } finally {
      await strict.close();
    }
  });
});
