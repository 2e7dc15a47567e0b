// The delivery log is kept for WEBHOOKS_LOG_DAYS: finished deliveries older than that are deleted by the dispatcher,
// while a delivery still waiting to go is kept however old it is (deleting it would lose an event).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDelivery } from '../../src/webhooks/webhook-delivery.entity.js';
import { createTicket, databases, eventually, startServer, type TestServer } from '../helpers/harness.js';
import {
  deliveriesOf,
  FAST_WEBHOOKS,
  register,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../helpers/webhook-receiver.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe.each(databases)('the webhook delivery log on %s', (kind) => {
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('loses finished deliveries older than WEBHOOKS_LOG_DAYS and keeps recent ones and pending ones', async () => {
    const env = { ...FAST_WEBHOOKS, WEBHOOKS_LOG_DAYS: '1' };
    const first = await startServer(kind, env);
    let second: TestServer | undefined;
    try {
      const endpoint = await register(first, receiver.url, ['TICKET_CREATED']);
      const old = await createTicket(first);
      const recent = await createTicket(first);
      const delivered = await eventually(async () => {
        const rows = await deliveriesOf(first, endpoint.id, 'DELIVERED');
        return rows.length === 2 ? rows : undefined;
      });
      receiver.answerWith(() => 503);
      const waiting = await createTicket(first);
      const pending = await eventually(async () => {
        const rows = await deliveriesOf(first, endpoint.id, 'PENDING');
        return rows.find((row) => row.ticketId === waiting.id && row.attempts > 0);
      });

      // Two days pass for the old ticket's delivery and for the one still waiting.
      const aged = [delivered.find((row) => row.ticketId === old.id)!.id, pending.id];
      await first.server.services.orm.em
        .fork()
        .nativeUpdate(
          WebhookDelivery,
          { id: { $in: aged.map(Number) } },
          { createdAt: new Date(Date.now() - 2 * DAY_MS) },
        );

      // The first instance pruned when it started; a second one prunes on its first round.
      second = await startServer(kind, env, { database: first.database });
      const left = await eventually(async () => {
        const rows = await deliveriesOf(second!, endpoint.id);
        return rows.length === 2 ? rows : undefined;
      }, 10_000);
      expect(left.map((row) => row.ticketId).sort()).toEqual([recent.id, waiting.id].sort());
      expect(left.find((row) => row.ticketId === waiting.id)).toMatchObject({ status: 'PENDING' });
    } finally {
      receiver.answerWith(() => 200);
      await second?.close();
      await first.close();
    }
  });
});
