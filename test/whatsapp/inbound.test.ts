// The webhook as WhatsApp meets it: the handshake, signatures, every shape of delivery in the fixtures,
// duplicates, receipts in any order, and bad bodies.
import { describe, expect, it } from 'vitest';
import { VERIFY_TOKEN, WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';
import {
  databases,
  delivery,
  eventually,
  fixture,
  inboundText,
  postWebhook,
  receipt,
  sign,
  useServerWithCloudApi,
} from '../helpers/harness.js';

const FIXTURE_PHONE = '2348123456789';
const THREAD = `query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { totalCount edges { node {
  id senderName messageCount messages(last: 100) { edges { node { body senderType deliveryStatus deliveryError } } } } } } }`;

describe.each(databases)('the WhatsApp webhook on %s', (kind) => {
  const world = useServerWithCloudApi(kind);

  const thread = async (phone: string) => (await world.server.ok(THREAD, { phone })).tickets;
  const bodies = async (phone: string): Promise<string[]> =>
    (await thread(phone)).edges[0]?.node.messages.edges.map((edge: any) => edge.node.body) ?? [];
  const openTicketFor = (phoneNumber: string) =>
    world.server.ok('mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }', {
      i: { phoneNumber, issueDescription: 'Opened by an agent' },
    });

  it('a new message from the person makes a ticket the agent had read unread again, in the badge and on the ticket', async () => {
    const phone = '2348100000199';
    const agent = await world.server.createAgent('Ur Unread Again');
    const { createTicket: ticket } = await openTicketFor(phone);
    const badge = async () =>
      (await world.server.ok('{ notifications { unreadTickets } }', {}, agent.token)).notifications.unreadTickets;
    const unreadCount = async () =>
      (await world.server.ok('query($id: ID!) { ticket(id: $id) { unreadCount } }', { id: ticket.id }, agent.token))
        .ticket.unreadCount;
    await world.server.ok('mutation($t: ID!) { markTicketRead(ticketId: $t) { id } }', { t: ticket.id }, agent.token);
    const readBadge = await badge();
    expect(await unreadCount()).toBe(0);
    expect((await postWebhook(world.server, inboundText(phone, 'Any news?').body)).status).toBe(200);
    expect(await badge()).toBe(readBadge + 1);
    expect(await unreadCount()).toBe(1);
    await world.server.ok('mutation($t: ID!) { markTicketRead(ticketId: $t) { id } }', { t: ticket.id }, agent.token);
    expect(await badge()).toBe(readBadge);
  });

  it('answers the verification handshake only with the right verify token', async () => {
    const ask = (token: string) =>
      fetch(
        `${world.server.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`,
      );
    const good = await ask(VERIFY_TOKEN);
    expect(good.status).toBe(200);
    expect(await good.text()).toBe('1158201444');
    expect((await ask('wrong-token')).status).toBe(403);
  });

  it('refuses a missing or forged signature with 401 and writes nothing', async () => {
    const phone = '2348100000101';
    const { body } = inboundText(phone, 'chat support');
    expect((await postWebhook(world.server, body, { signature: null })).status).toBe(401);
    expect((await postWebhook(world.server, body, { secret: 'not-the-app-secret' })).status).toBe(401);
    expect((await postWebhook(world.server, body, { signature: 'sha256=deadbeef' })).status).toBe(401);
    const tampered = body.replace('chat support', 'chat suppory');
    expect((await postWebhook(world.server, tampered, { signature: sign(WEBHOOK_SECRET, body) })).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(world.standIn.messagesTo(phone)).toHaveLength(0);
  });

  it('answers 400 to a body that is not JSON or not a WhatsApp payload, and 413 above 3 MiB', async () => {
    expect((await postWebhook(world.server, 'not json at all')).status).toBe(400);
    expect((await postWebhook(world.server, JSON.stringify({ object: 'page', entry: [] }))).status).toBe(400);
    expect((await postWebhook(world.server, JSON.stringify([1, 2, 3]))).status).toBe(400);
    const huge = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [],
      padding: 'x'.repeat(3 * 1024 * 1024),
    });
    expect((await postWebhook(world.server, huge)).status).toBe(413);
  });

  it('stores every fixture shape readably in the person’s open ticket, and a repeated delivery adds nothing', async () => {
    await openTicketFor(FIXTURE_PHONE);
    const shapes = [
      'text',
      'interactive-list-reply',
      'interactive-button-reply',
      'template-button',
      'image',
      'document',
      'audio',
      'video',
      'sticker',
      'location',
      'contacts',
      'reaction',
      'unsupported',
    ];
    for (const name of shapes) {
      const response = await postWebhook(world.server, fixture(name));
      expect(response.status, name).toBe(200);
    }
    const stored = await bodies(FIXTURE_PHONE);
    expect(stored).toHaveLength(1 + shapes.length);
    const expectations = [
      'Hi',
      '💬 Chat Support',
      'Chat Support',
      'Yes, I still need help',
      '📷 Photo — This is the error I get',
      '📄 Document: homework.pdf — My homework',
      '🎤 Voice message',
      '🎬 Video — screen recording',
      '🏷️ Sticker',
      '📍 Location: Lagos Campus, 12 Broad St, Lagos (6.5244, 3.3792)',
      '👤 Contact card: Mary Teacher (+234 803 555 0199)',
      'Reacted 👍',
      '⚠️ Unsupported message (unsupported: Message type unknown)',
    ];
    for (const [index, expected] of expectations.entries()) expect(stored[index + 1]).toContain(expected);
    expect(stored.filter((body: string) => body.includes('media id'))).toEqual([]);
    expect((await thread(FIXTURE_PHONE)).edges[0].node.senderName).toBe('John Doe');

    for (const name of ['text', 'image', 'reaction'])
      expect((await postWebhook(world.server, fixture(name))).status).toBe(200);
    expect(await bodies(FIXTURE_PHONE)).toHaveLength(1 + shapes.length);
  });

  it('handles every message of a batch across entries: both people are answered', async () => {
    await openTicketFor('447700900123');
    expect((await postWebhook(world.server, fixture('batch-multiple'))).status).toBe(200);
    expect(await bodies(FIXTURE_PHONE)).toContain('Still waiting');
    expect(await bodies('447700900123')).toContain('Hello');
  });

  it('moves a reply’s delivery status forward only, whatever order receipts come in', async () => {
    const phone = '2348100000102';
    const { id } = (await openTicketFor(phone)).createTicket;
    await world.server.ok('mutation($id: ID!) { sendMessage(ticketId: $id, body: "Ticks please") { id } }', { id });
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 1);
    const wamid = world.standIn.messagesTo(phone)[0]!.answeredId!;
    const statusNow = async () => (await thread(phone)).edges[0].node.messages.edges.at(-1).node;
    await eventually(async () => ((await statusNow()).deliveryStatus === 'SENT' ? true : undefined));
    expect((await postWebhook(world.server, receipt(wamid, 'read', phone))).status).toBe(200);
    expect((await statusNow()).deliveryStatus).toBe('READ');
    expect((await postWebhook(world.server, receipt(wamid, 'delivered', phone))).status).toBe(200);
    expect((await postWebhook(world.server, receipt(wamid, 'sent', phone))).status).toBe(200);
    expect((await statusNow()).deliveryStatus).toBe('READ');
  });

  it('a failed receipt with 131047 marks the reply FAILED with the reason', async () => {
    const phone = '2348100000103';
    const { id } = (await openTicketFor(phone)).createTicket;
    await world.server.ok('mutation($id: ID!) { sendMessage(ticketId: $id, body: "Will fail later") { id } }', { id });
    await world.standIn.waitFor(() => world.standIn.messagesTo(phone).length === 1);
    const wamid = world.standIn.messagesTo(phone)[0]!.answeredId!;
    await postWebhook(world.server, receipt(wamid, 'failed', phone, { code: 131047, title: 'Re-engagement message' }));
    const last = (await thread(phone)).edges[0].node.messages.edges.at(-1).node;
    expect(last).toMatchObject({ deliveryStatus: 'FAILED', deliveryError: '131047 Re-engagement message' });
  });

  it('accepts receipts for messages it never sent (the fixtures’ ids) without a 500', async () => {
    for (const name of ['status-sent', 'status-delivered', 'status-read', 'status-failed-window']) {
      expect((await postWebhook(world.server, fixture(name))).status, name).toBe(200);
    }
  });

  it('stores emoji, right-to-left text, markup and SQL-looking text exactly as sent', async () => {
    const phone = '2348100000104';
    await openTicketFor(phone);
    const tricky = [
      'مرحبا، لا أستطيع الدخول 🙏',
      '<script>alert("x")</script> **bold**',
      "'; DROP TABLE support_tickets; --",
      '👩🏽‍💻 e\u0301 שלום',
    ];
    for (const text of tricky)
      expect((await postWebhook(world.server, inboundText(phone, text).body)).status).toBe(200);
    expect((await bodies(phone)).slice(1)).toEqual(tricky);
  });

  it('keeps the good messages of a delivery when one element is malformed', async () => {
    const phone = '2348100000105';
    await openTicketFor(phone);
    const body = delivery({
      contacts: [{ profile: { name: 'Mixed Bag' }, wa_id: phone }],
      messages: [
        {
          from: phone,
          id: `wamid.GOOD1-${Date.now()}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'text',
          text: { body: 'good one' },
        },
        { from: phone, timestamp: '1', type: 'text', text: { body: 'no id' } },
        {
          from: phone,
          id: `wamid.GOOD2-${Date.now()}`,
          timestamp: String(Math.floor(Date.now() / 1000)),
          type: 'text',
          text: { body: 'good two' },
        },
      ],
      statuses: [{ id: 'wamid.x', status: 'exploded', timestamp: '1', recipient_id: phone }],
    });
    expect((await postWebhook(world.server, body)).status).toBe(200);
    expect((await bodies(phone)).slice(1)).toEqual(['good one', 'good two']);
  });
});
