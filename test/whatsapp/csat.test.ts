// The satisfaction survey: resolving a ticket sends three reply buttons after the closing message; a tap rates
// that ticket once, the next text is its comment; nothing reopens or opens a ticket; counts come from the database.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  databases,
  eventually,
  fixture,
  inboundMessage,
  inboundText,
  postWebhook,
  startServer,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import { startCloudApiStandIn, type CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import { parseDelivery } from '../../src/whatsapp/webhook.parse.js';
import { subscribe } from '../helpers/subscriptions.js';
import { openTicketOnWhatsapp, surveyTap as tap } from '../helpers/whatsapp-person.js';

const CLOSE = 'mutation($id: ID!) { closeTicket(ticketId: $id) { status } }';
const STATUS =
  'mutation($id: ID!, $status: TicketStatus!) { setTicketStatus(ticketId: $id, status: $status) { status } }';
const TICKET = 'query($id: ID!) { ticket(id: $id) { status messageCount satisfaction { rating comment ratedAt } } }';
const TICKETS_OF =
  'query($phone: String!) { tickets(first: 10, filter: { phoneNumber: $phone, status: [OPEN, IN_PROGRESS, RESOLVED, CLOSED] }) { totalCount edges { node { id status } } } }';
const SUMMARY =
  'query($from: DateTime!, $to: DateTime!) { satisfactionSummary(from: $from, to: $to) { good okay bad responses } }';

const surveyTo = (phone: string, ticketId: string) => ({
  messaging_product: 'whatsapp',
  recipient_type: 'individual',
  to: phone,
  type: 'interactive',
  interactive: {
    type: 'button',
    body: { text: `How did we do with your support ticket #${ticketId}? Tap one to let us know.` },
    action: {
      buttons: [
        { type: 'reply', reply: { id: `csat:${ticketId}:good`, title: '😊 Good' } },
        { type: 'reply', reply: { id: `csat:${ticketId}:okay`, title: '😐 Okay' } },
        { type: 'reply', reply: { id: `csat:${ticketId}:bad`, title: '😞 Bad' } },
      ],
    },
  },
});

/** A ticket opened through the bot and closed by an agent, once its survey went out (the bot's three, the closing message, the buttons). */
async function closedWithSurvey(server: TestServer, standIn: CloudApiStandIn): Promise<{ phone: string; id: string }> {
  const phone = uniquePhone();
  const { id } = await openTicketOnWhatsapp(server, standIn, phone);
  await server.ok(CLOSE, { id });
  await standIn.waitFor(() => standIn.messagesTo(phone).length === 5);
  return { phone, id };
}

const textsTo = (standIn: CloudApiStandIn, phone: string) =>
  standIn.messagesTo(phone).map((request) => request.body.text?.body ?? request.body.interactive?.type);

describe.each(databases)('the satisfaction survey on %s', (kind) => {
  // These follow the survey with the bot's menu after a resolution: reopening on a message (REOPEN_WITHIN_HOURS) is
  // off here; test/whatsapp/after-ticket.test.ts has the survey with reopening on.
  const world = useServerWithCloudApi(kind, { CSAT_SURVEY: 'on', REOPEN_WITHIN_HOURS: '0' });

  it('closing sends the closing message, then the three-button survey; a tap rates, the next text is the comment, and the ticket stays resolved', async () => {
    const { server, standIn } = world;
    const { phone, id } = await closedWithSurvey(server, standIn);
    const sent = standIn.messagesTo(phone);
    expect(sent[3]!.body.text.body).toBe('✅ Your support ticket has been resolved!');
    expect(sent[4]!.body).toEqual(surveyTo(phone, id));

    const feed = await subscribe(
      server,
      server.adminToken,
      'subscription($id: ID) { ticketUpdated(id: $id) { id status satisfaction { rating comment } } }',
      { id },
    );
    expect((await postWebhook(server, tap(phone, `csat:${id}:good`, '😊 Good'))).status).toBe(200);
    expect(await feed.next()).toEqual({ id, status: 'RESOLVED', satisfaction: { rating: 'GOOD', comment: null } });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 6);
    expect(standIn.messagesTo(phone)[5]!.body.text.body).toBe(
      'Thank you! Anything you would like to add? Write it here (optional).',
    );

    expect((await postWebhook(server, inboundText(phone, 'Quick and kind, thanks').body)).status).toBe(200);
    expect(await feed.next()).toEqual({
      id,
      status: 'RESOLVED',
      satisfaction: { rating: 'GOOD', comment: 'Quick and kind, thanks' },
    });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 7);
    expect(standIn.messagesTo(phone)[6]!.body.text.body).toBe('Thank you for your feedback! 🙏');
    feed.stop();

    const ticket = (await server.ok(TICKET, { id })).ticket;
    expect(ticket).toMatchObject({
      status: 'RESOLVED',
      messageCount: 3,
      satisfaction: { rating: 'GOOD', comment: 'Quick and kind, thanks' },
    });
    expect(Date.parse(ticket.satisfaction.ratedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await server.ok(TICKETS_OF, { phone })).tickets.totalCount).toBe(1);

    // The survey is over: writing again gets the bot's menu as usual.
    expect((await postWebhook(server, inboundText(phone, 'hi again').body)).status).toBe(200);
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 8);
    expect(standIn.messagesTo(phone)[7]!.body.interactive.type).toBe('list');
    expect((await server.ok(TICKET, { id })).ticket.satisfaction.comment).toBe('Quick and kind, thanks');
  });

  it('a rating is stored once: a duplicate delivery and a second tap change nothing and send nothing', async () => {
    const { server, standIn } = world;
    const { phone, id } = await closedWithSurvey(server, standIn);
    const first = tap(phone, `csat:${id}:bad`, '😞 Bad', `wamid.CSATDUP${Date.now()}`);
    expect((await postWebhook(server, first)).status).toBe(200);
    expect((await postWebhook(server, first)).status).toBe(200);
    expect((await postWebhook(server, tap(phone, `csat:${id}:good`))).status).toBe(200);
    await sleep(400);
    expect(standIn.messagesTo(phone)).toHaveLength(6);
    expect((await server.ok(TICKET, { id })).ticket).toMatchObject({
      status: 'RESOLVED',
      messageCount: 3,
      satisfaction: { rating: 'BAD', comment: null },
    });
  });

  it('a tap on an old ticket’s buttons rates that ticket, even with a new one open, and adds nothing to the new one', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    const { id: old } = await openTicketOnWhatsapp(server, standIn, phone);
    await server.ok(STATUS, { id: old, status: 'RESOLVED' });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 4);
    expect(standIn.messagesTo(phone)[3]!.body).toEqual(surveyTo(phone, old));

    const current = (await openTicketOnWhatsapp(server, standIn, phone, { issue: 'another problem' })).id;
    expect(current).not.toBe(old);
    const countBefore = (await server.ok(TICKET, { id: current })).ticket.messageCount;
    expect((await postWebhook(server, tap(phone, `csat:${old}:okay`, '😐 Okay'))).status).toBe(200);
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 8);
    expect((await server.ok(TICKET, { id: old })).ticket).toMatchObject({
      status: 'RESOLVED',
      satisfaction: { rating: 'OKAY' },
    });
    expect((await server.ok(TICKET, { id: current })).ticket).toMatchObject({
      status: 'OPEN',
      messageCount: countBefore,
      satisfaction: null,
    });
    // With a ticket open, the next text joins that ticket rather than becoming the comment.
    expect((await postWebhook(server, inboundText(phone, 'any news?').body)).status).toBe(200);
    await sleep(200);
    expect((await server.ok(TICKET, { id: current })).ticket.messageCount).toBe(countBefore + 1);
    expect((await server.ok(TICKET, { id: old })).ticket.satisfaction.comment).toBeNull();
  });

  it('a tap on another person’s ticket, an open ticket, or a made-up id rates nothing', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(server, standIn, phone);
    const stranger = uniquePhone();
    for (const choice of [`csat:${id}:good`, 'csat:999999:good', `csat:${id}:great`]) {
      expect((await postWebhook(server, tap(stranger, choice))).status).toBe(200);
    }
    expect((await postWebhook(server, tap(phone, `csat:${id}:good`))).status).toBe(200); // still open
    await sleep(300);
    expect((await server.ok(TICKET, { id })).ticket).toMatchObject({ status: 'OPEN', satisfaction: null });
    expect((await server.ok(TICKETS_OF, { phone: stranger })).tickets.totalCount).toBe(0);
  });

  it('after a tap, something other than text ends the survey, and the bot answers as usual', async () => {
    const { server, standIn } = world;
    const { phone, id } = await closedWithSurvey(server, standIn);
    expect((await postWebhook(server, tap(phone, `csat:${id}:good`))).status).toBe(200);
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 6);
    const sticker = inboundMessage(phone, { type: 'sticker', sticker: { id: 'media-1', mime_type: 'image/webp' } });
    expect((await postWebhook(server, sticker.body)).status).toBe(200);
    expect((await postWebhook(server, inboundText(phone, 'too late for a comment').body)).status).toBe(200);
    await standIn.waitFor(() => standIn.messagesTo(phone).length >= 8);
    expect(textsTo(standIn, phone).slice(6)).toEqual(['list', 'list']);
    expect((await server.ok(TICKET, { id })).ticket.satisfaction).toMatchObject({ rating: 'GOOD', comment: null });
  });

  it('satisfactionSummary counts the ratings of a period; a period that ends before it starts is BAD_USER_INPUT', async () => {
    const { server } = world;
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const summary = (await server.ok(SUMMARY, { from, to })).satisfactionSummary;
    // The tests above on this server: GOOD, BAD, OKAY, GOOD.
    expect(summary).toEqual({ good: 2, okay: 1, bad: 1, responses: 4 });
    expect(
      (await server.ok(SUMMARY, { from: to, to: new Date(Date.now() + 7200_000).toISOString() })).satisfactionSummary
        .responses,
    ).toBe(0);
    const refused = await server.gql(SUMMARY, { from: to, to: from }, server.adminToken);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const agent = await server.createAgent('Dee');
    expect((await server.ok(SUMMARY, { from, to }, agent.token)).satisfactionSummary.responses).toBe(4);
  });
});

describe.each(databases)('with CSAT_SURVEY=off on %s', (kind) => {
  it('resolving a ticket sends the closing message only', async () => {
    const standIn = await startCloudApiStandIn();
    const server = await startServer(kind, standIn.env({ CSAT_SURVEY: 'off' }));
    try {
      const phone = uniquePhone();
      const { id } = await openTicketOnWhatsapp(server, standIn, phone);
      await server.ok(CLOSE, { id });
      await standIn.waitFor(() => standIn.messagesTo(phone).length === 4);
      await sleep(400);
      expect(standIn.messagesTo(phone).map((request) => request.body.type)).toEqual([
        'interactive',
        'text',
        'text',
        'text',
      ]);
    } finally {
      await server.close();
      await standIn.close();
    }
  });
});

describe('the survey’s pieces', () => {
  it('the webhook parser reads a button_reply as a choice made with a reply button', () => {
    const [event] = parseDelivery(JSON.parse(fixture('interactive-button-reply').toString('utf8'))).events;
    expect(event).toMatchObject({
      kind: 'message',
      content: { type: 'choice', via: 'button_reply', choiceId: 'chat_support', title: 'Chat Support' },
    });
  });

  it('on the built-in simulator the survey shows its three buttons, and a tap rates the ticket', async () => {
    const server = await startServer('sqlite', { WHATSAPP_SIMULATOR: 'on', OUTBOX_POLL_MS: '20', CSAT_SURVEY: 'on' });
    try {
      const SEND =
        'mutation($p: String!, $t: String, $c: String, $ct: String) { simulatorSend(phoneNumber: $p, name: "Sim Sam", text: $t, choiceId: $c, choiceTitle: $ct) { id } }';
      const phone = '447700900778';
      const phoneView = () =>
        server.ok('query($p: String!) { simulatorPhone(phoneNumber: $p) { messages { text choices { id title } } } }', {
          p: phone,
        });
      const messagesOnPhone = (count: number) =>
        eventually(
          async () => {
            const { simulatorPhone } = await phoneView();
            return simulatorPhone && simulatorPhone.messages.length >= count ? simulatorPhone.messages : undefined;
          },
          10_000,
          `${count} messages on the simulated phone`,
        );
      for (const [index, variables] of [
        { t: 'Hi' },
        { c: 'chat_support', ct: '💬 Chat Support' },
        { t: 'My card does not work' },
      ].entries()) {
        await server.ok(SEND, { p: phone, ...variables });
        await messagesOnPhone(2 * (index + 1));
      }
      const { tickets } = await server.ok(
        'query($p: String!) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { id } } } }',
        { p: phone },
      );
      const id = tickets.edges[0].node.id;
      await server.ok(CLOSE, { id });
      const messages = await messagesOnPhone(8);
      expect(messages[7].choices.map((choice: { id: string }) => choice.id)).toEqual([
        `csat:${id}:good`,
        `csat:${id}:okay`,
        `csat:${id}:bad`,
      ]);
      await server.ok(SEND, { p: phone, c: `csat:${id}:okay`, ct: '😐 Okay' });
      await eventually(
        async () => ((await server.ok(TICKET, { id })).ticket.satisfaction?.rating === 'OKAY' ? true : undefined),
        10_000,
        'the rating',
      );
    } finally {
      await server.close();
    }
  });
});
