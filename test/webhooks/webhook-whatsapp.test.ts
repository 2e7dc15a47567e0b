// Webhooks for what happens on WhatsApp: a ticket the person opens through the bot, their messages, and the
// rating they give in the satisfaction survey.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, postWebhook, uniquePhone, useServerWithCloudApi } from '../helpers/harness.js';
import { FAST_WEBHOOKS, register, startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js';
import { openTicketOnWhatsapp, surveyTap } from '../helpers/whatsapp-person.js';

describe.each(databases)('webhooks for WhatsApp events on %s', (kind) => {
  const world = useServerWithCloudApi(kind, { ...FAST_WEBHOOKS, CSAT_SURVEY: 'on', REOPEN_WITHIN_HOURS: '0' });
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
  });

  it('a ticket opened on WhatsApp, resolved and rated is told as created, resolved and rating.received', async () => {
    const { server, standIn } = world;
    await register(server, receiver.url, ['TICKET_CREATED', 'TICKET_RESOLVED', 'RATING_RECEIVED']);
    const phone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(server, standIn, phone, { issue: 'my certificate is wrong' });
    await server.ok('mutation($id: ID!) { closeTicket(ticketId: $id) { id } }', { id });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 5);
    expect((await postWebhook(server, surveyTap(phone, `csat:${id}:good`, '😊 Good'))).status).toBe(200);
    const forTicket = () => receiver.accepted().filter((entry) => entry.body.ticket?.id === id);
    await receiver.waitFor(() => forTicket().length === 3, 15_000, 'three events');
    const [created, resolved, rated] = forTicket();
    expect(created!.body).toMatchObject({
      type: 'ticket.created',
      ticket: { id, phoneNumber: phone, issueDescription: 'my certificate is wrong', status: 'OPEN' },
      message: { senderType: 'USER' },
    });
    expect(resolved!.body).toMatchObject({ type: 'ticket.resolved', ticket: { status: 'RESOLVED' } });
    expect(rated!.body).toMatchObject({ type: 'rating.received', rating: { rating: 'GOOD' }, ticket: { id } });
    expect(Date.parse(rated!.body.rating.ratedAt)).toBeGreaterThan(Date.now() - 60_000);
    // A repeated tap rates nothing and tells nothing.
    expect((await postWebhook(server, surveyTap(phone, `csat:${id}:bad`, '😞 Bad'))).status).toBe(200);
    await server.ok('mutation($id: ID!) { pingWebhookEndpoint(id: $id) { id } }', {
      id: (await server.ok('{ webhookEndpoints { id } }')).webhookEndpoints[0].id,
    });
    await receiver.waitFor((received) => received.some((entry) => entry.body.type === 'ping'), 15_000, 'the ping');
    expect(forTicket()).toHaveLength(3);
  });
});
