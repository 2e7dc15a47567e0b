// Two server instances on one MariaDB database: each event is delivered once, whichever instance made the change
// and whichever claims the delivery, even while the receiver fails some attempts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket, databases, startServer, type TestServer } from '../helpers/harness.js';
import { FAST_WEBHOOKS, register, startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';

describe.runIf(databases.includes('mariadb'))('webhooks from two instances on one MariaDB database', () => {
  let first: TestServer;
  let second: TestServer;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    first = await startServer('mariadb', FAST_WEBHOOKS);
    second = await startServer('mariadb', FAST_WEBHOOKS, { database: first.database });
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await receiver?.close();
  });

  it('each event is delivered exactly once, in order per ticket', async () => {
    await register(first, receiver.url, ['TICKET_CREATED', 'MESSAGE_ADDED']);
    let calls = 0;
    // Every third attempt fails, so retries are claimed by either instance.
    receiver.answerWith(() => (++calls % 3 === 0 ? 500 : 200));
    const tickets = await Promise.all(
      Array.from({ length: 12 }, (_, index) => createTicket(index % 2 ? first : second)),
    );
    await Promise.all(
      tickets.map((ticket, index) =>
        (index % 2 ? second : first).ok('mutation($t: ID!, $b: String!) { addNote(ticketId: $t, body: $b) { id } }', {
          t: ticket.id,
          b: `note ${index}`,
        }),
      ),
    );
    await receiver.waitFor(() => receiver.accepted().length >= 24, 30_000, '24 deliveries');
    const accepted = receiver.accepted();
    expect(accepted).toHaveLength(24);
    expect(new Set(accepted.map((entry) => entry.body.id)).size).toBe(24);
    for (const ticket of tickets) {
      const types = accepted.filter((entry) => entry.body.ticket.id === ticket.id).map((entry) => entry.body.type);
      expect(types).toEqual(['ticket.created', 'message.added']);
    }
  });
});
