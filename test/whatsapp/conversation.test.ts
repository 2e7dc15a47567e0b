// The original design's checklist, end to end: a person on WhatsApp asks for chat support, agents see the
// ticket at once, answer, and close it; the person receives exactly what the Cloud API is asked to send.
import { describe, expect, it } from 'vitest';
import { STAND_IN_PHONE_ID, STAND_IN_TOKEN } from '../helpers/cloud-api-stand-in.js';
import {
  databases,
  eventually,
  inboundMessage,
  inboundText,
  postWebhook,
  useServerWithCloudApi,
} from '../helpers/harness.js';

const PROMPT = '📞 Live Chat Support. You can now chat with our support team. Please describe your issue';
const THREAD = `query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { totalCount edges { node {
  id status senderName issueDescription messageCount
  messages(last: 50) { edges { node { body senderType deliveryStatus } } } } } } }`;

describe.each(databases)('a person asks for chat support on %s', (kind) => {
  const world = useServerWithCloudApi(kind);

  const say = async (from: string, text: string, name = 'Amaka Obi') => {
    const delivery = inboundText(from, text, { name });
    const response = await postWebhook(world.server, delivery.body);
    expect(response.status).toBe(200);
    return delivery.id;
  };
  const ticketsOf = async (phone: string) => (await world.server.ok(THREAD, { phone })).tickets;
  const textsTo = (phone: string) =>
    world.standIn.messagesTo(phone).map((request) => request.body.text?.body ?? request.body.interactive?.body?.text);

  it('walks the whole conversation: menu, Chat Support, ticket, reply, answer, close, and writing again reopens it', async () => {
    const phone = '2348100000001';
    const agentFeed = world.server
      .ws(world.server.adminToken)
      .iterate<{ ticketCreated: { id: string; issueDescription: string; senderName: string } }>({
        query: 'subscription { ticketCreated { id issueDescription senderName } }',
      });
    const firstEvent = agentFeed.next();

    await say(phone, 'Hello');
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 1);
    const menu = world.standIn.messagesTo(phone)[0]!;
    expect(menu.path).toBe(`/v21.0/${STAND_IN_PHONE_ID}/messages`);
    expect(menu.authorization).toBe(`Bearer ${STAND_IN_TOKEN}`);
    expect(menu.body).toMatchObject({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: phone,
      type: 'interactive',
    });
    expect(menu.body.interactive.type).toBe('list');
    expect(menu.body.interactive.action.button).toBe('Menu');
    const rows = menu.body.interactive.action.sections[0].rows;
    expect(rows[0]).toMatchObject({ id: 'chat_support', title: '💬 Chat Support' });
    for (const row of rows) expect([...row.title].length).toBeLessThanOrEqual(24);
    expect((await ticketsOf(phone)).totalCount).toBe(0);

    const choice = inboundMessage(phone, {
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: 'chat_support', title: '💬 Chat Support' } },
    });
    expect((await postWebhook(world.server, choice.body)).status).toBe(200);
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 2);
    expect(world.standIn.messagesTo(phone)[1]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: phone,
      type: 'text',
      text: { preview_url: false, body: PROMPT },
    });

    await say(phone, 'I paid my fees but the portal still says I owe ₦20,000');
    const created = await firstEvent;
    expect(created.value?.data?.ticketCreated).toMatchObject({
      issueDescription: 'I paid my fees but the portal still says I owe ₦20,000',
      senderName: 'Amaka Obi',
    });
    const ticketId = created.value!.data!.ticketCreated.id;
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 3);
    expect(textsTo(phone)[2]).toBe(
      `✅ Thank you! Your support ticket #${ticketId} is open. An agent will answer you here as soon as possible.`,
    );

    await world.server.ok(
      'mutation($id: ID!) { sendMessage(ticketId: $id, body: "Hi Amaka, let me check with the bursary.") { id } }',
      { id: ticketId },
    );
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 4);
    expect(world.standIn.messagesTo(phone)[3]!.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: phone,
      type: 'text',
      text: { preview_url: false, body: 'Hi Amaka, let me check with the bursary.' },
    });

    await say(phone, 'Thank you 🙏');
    const afterAnswer = await eventually(async () => {
      const [edge] = (await ticketsOf(phone)).edges;
      return edge?.node.messageCount === 4 ? edge.node : undefined;
    });
    expect(afterAnswer.messages.edges.map((e: any) => [e.node.senderType, e.node.body])).toEqual([
      ['USER', 'I paid my fees but the portal still says I owe ₦20,000'],
      [
        'BOT',
        `✅ Thank you! Your support ticket #${ticketId} is open. An agent will answer you here as soon as possible.`,
      ],
      ['ADMIN', 'Hi Amaka, let me check with the bursary.'],
      ['USER', 'Thank you 🙏'],
    ]);

    await world.server.ok('mutation($id: ID!) { closeTicket(ticketId: $id) { status } }', { id: ticketId });
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 5);
    expect(textsTo(phone)[4]).toBe('✅ Your support ticket has been resolved!');
    const open = await world.server.ok(
      'query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone, status: [OPEN, IN_PROGRESS] }) { totalCount } }',
      { phone },
    );
    expect(open.tickets.totalCount).toBe(0);

    // Writing again soon after the resolution reopens the ticket (REOPEN_WITHIN_HOURS): a notice and the message join it.
    await say(phone, 'Hi again');
    expect((await ticketsOf(phone)).edges[0].node).toMatchObject({ status: 'OPEN', messageCount: 7 });
    expect(world.standIn.messagesTo(phone)).toHaveLength(5);
    await agentFeed.return?.();
  });

  it('typing the number or the name of Chat Support works like tapping it', async () => {
    const byNumber = '2348100000002';
    await say(byNumber, 'hi');
    await say(byNumber, '1');
    await world.standIn.waitFor(() => world.standIn.messagesTo(byNumber).length === 2);
    expect(textsTo(byNumber)[1]).toBe(PROMPT);
    const byName = '2348100000003';
    await say(byName, 'CHAT SUPPORT');
    await world.standIn.waitFor(() => world.standIn.messagesTo(byName).length === 1);
    expect(textsTo(byName)[0]).toBe(PROMPT);
  });

  it('another menu item gets its answer and opens no ticket', async () => {
    const phone = '2348100000004';
    await say(phone, '2');
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 1);
    expect(textsTo(phone)[0]).toBe('Our office is open Monday to Friday, 9:00 to 17:00.');
    expect((await ticketsOf(phone)).totalCount).toBe(0);
  });

  it('two people at once get two tickets, each with their own thread', async () => {
    const people = ['2348100000005', '2348100000006'];
    await Promise.all(people.map((phone) => say(phone, 'chat support')));
    await Promise.all(people.map((phone, index) => say(phone, `Problem number ${index + 1}`, `Person ${index + 1}`)));
    const [first, second] = await Promise.all(people.map(ticketsOf));
    expect(first.totalCount).toBe(1);
    expect(second.totalCount).toBe(1);
    expect(first.edges[0].node).toMatchObject({
      issueDescription: 'Problem number 1',
      senderName: 'Person 1',
      status: 'OPEN',
    });
    expect(second.edges[0].node).toMatchObject({
      issueDescription: 'Problem number 2',
      senderName: 'Person 2',
      status: 'OPEN',
    });
  });

  it('an agent opening the ticket marks the person’s latest message read on WhatsApp, once', async () => {
    const phone = '2348100000007';
    await say(phone, 'chat support');
    const issueId = await say(phone, 'My exam slip is missing');
    const { id } = (await ticketsOf(phone)).edges[0].node;
    await world.server.ok('mutation($id: ID!) { markTicketRead(ticketId: $id) { id } }', { id });
    await world.server.ok('mutation($id: ID!) { markTicketRead(ticketId: $id) { id } }', { id });
    await world.standIn.waitFor((requests) =>
      requests.some((request) => request.body.status === 'read' && request.body.message_id === issueId),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const readReceipts = world.standIn.requests.filter((request) => request.body.message_id === issueId);
    expect(readReceipts).toHaveLength(1);
    expect(readReceipts[0]!.body).toEqual({ messaging_product: 'whatsapp', status: 'read', message_id: issueId });
  });

  it('after 24 hours without a word from the person, a reply is refused with REPLY_WINDOW_CLOSED and nothing is sent', async () => {
    const phone = '2348100000008';
    const dayAndAnHourAgo = new Date(Date.now() - 25 * 3600 * 1000);
    for (const text of ['hello', '1', 'My certificate never arrived']) {
      expect((await postWebhook(world.server, inboundText(phone, text, { sentAt: dayAndAnHourAgo }).body)).status).toBe(
        200,
      );
    }
    const { id, replyWindowClosesAt } = (
      await world.server.ok(
        'query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { edges { node { id replyWindowClosesAt } } } }',
        { phone },
      )
    ).tickets.edges[0].node;
    expect(Date.parse(replyWindowClosesAt)).toBeLessThan(Date.now());
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 3);
    const refused = await world.server.gql(
      'mutation($id: ID!) { sendMessage(ticketId: $id, body: "Sorry for the wait") { id } }',
      { id },
      world.server.adminToken,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('REPLY_WINDOW_CLOSED');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textsTo(phone)).not.toContain('Sorry for the wait');
    expect((await ticketsOf(phone)).edges[0].node.messageCount).toBe(2);

    // When the person writes again, the window opens again.
    await say(phone, 'Hello? Anyone there?');
    await world.server.ok('mutation($id: ID!) { sendMessage(ticketId: $id, body: "Sorry for the wait") { id } }', {
      id,
    });
    await world.standIn.waitFor(() => textsTo(phone).includes('Sorry for the wait'));
  });
});
