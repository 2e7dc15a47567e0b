// The webhook as the WhatsApp Cloud API meets it: the handshake, signatures, bad bodies, every fixture
// posted with its exact bytes, repeated deliveries, batches, receipts in any order, and hostile text.
import { describe, expect, it } from 'vitest';
import { VERIFY_TOKEN, WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';
import {
  databases,
  delivery,
  eventually,
  fixture,
  inboundMessage,
  inboundText,
  postWebhook,
  receipt,
  sign,
  useServerWithCloudApi,
} from '../helpers/harness.js';

type World = ReturnType<typeof useServerWithCloudApi>;
interface Node {
  body: string;
  senderType: string;
  deliveryStatus: string | null;
  deliveryError: string | null;
}

const FIXTURE_PHONE = '2348123456789';
const OTHER_BATCH_PHONE = '447700900123';
const PROMPT = '📞 Live Chat Support. You can now chat with our support team. Please describe your issue';
const TICKETS = `query($phone: String!) { tickets(first: 5, filter: { phoneNumber: $phone }) { totalCount edges { node {
  id senderName issueDescription status messages(last: 50) { edges { node { body senderType deliveryStatus deliveryError } } } } } } }`;
const CREATE = 'mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }';
const SEND = 'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }';
const MESSAGE_FIXTURES = [
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
const STATUS_FIXTURES = ['status-sent', 'status-delivered', 'status-read', 'status-failed-window'];

const post = async (world: World, body: Buffer | string, options?: Parameters<typeof postWebhook>[2]) =>
  (await postWebhook(world.server, body, options)).status;
const ticketsOf = async (world: World, phone: string) => (await world.server.ok(TICKETS, { phone })).tickets;
const threadOf = async (world: World, phone: string): Promise<Node[]> =>
  (await ticketsOf(world, phone)).edges[0]?.node.messages.edges.map((edge: { node: Node }) => edge.node) ?? [];
const openTicket = async (world: World, phoneNumber: string): Promise<string> =>
  (await world.server.ok(CREATE, { i: { phoneNumber, issueDescription: 'Opened by an agent' } })).createTicket.id;
/** What the Cloud API was asked to send to a number: text bodies, or the list's button for a menu. */
const sentTo = (world: World, phone: string) =>
  world.standIn
    .messagesTo(phone)
    .map((request) => request.body.text?.body ?? `[list ${request.body.interactive?.action?.button}]`);

/** An agent's reply on a fresh ticket, once the Cloud API has accepted it: its WhatsApp id for receipts. */
async function sentReply(world: World, phone: string, body: string): Promise<string> {
  await world.server.ok(SEND, { id: await openTicket(world, phone), body });
  await world.standIn.waitFor(() =>
    world.standIn.messagesTo(phone).some((request) => request.body.text?.body === body),
  );
  await eventually(async () => ((await replyState(world, phone, body))?.deliveryStatus === 'SENT' ? true : undefined));
  return world.standIn.messagesTo(phone).find((request) => request.body.text?.body === body)!.answeredId!;
}
const MARKER = 'An agent here: anything queued before this reached you first';
/** Replies to the person and waits until it is sent: the outbox keeps one person's sends in order, so whatever was queued before has gone too. */
async function agentMarker(world: World, ticketId: string, phone: string): Promise<void> {
  await world.server.ok(SEND, { id: ticketId, body: MARKER });
  await world.standIn.waitFor(() => sentTo(world, phone).includes(MARKER));
  // The stand-in has it before the dispatcher records it SENT: wait for that too, so snapshots of the thread
  // taken after this do not see the reply move from PENDING to SENT under them.
  await expect
    .poll(async () => (await replyState(world, phone, MARKER))?.deliveryStatus, { timeout: 10_000 })
    .not.toBe('PENDING');
}
const replyState = async (world: World, phone: string, body: string) =>
  (await threadOf(world, phone)).find((node) => node.body === body && node.senderType === 'ADMIN');
/** A status fixture's exact shape, re-addressed to one of our replies. */
const statusFixtureFor = (name: string, wamid: string, phone: string) =>
  fixture(name)
    .toString('utf8')
    .replace(/"id": "wamid\.[^"]+"/, `"id": "${wamid}"`)
    .replaceAll(FIXTURE_PHONE, phone);

describe.each(databases)('the WhatsApp webhook on %s', (kind) => {
  describe('each test with its own number', () => {
    const world = useServerWithCloudApi(kind);

    it('answers the subscription handshake with the challenge only for the right verify token', async () => {
      const verify = (mode: string, token: string) =>
        fetch(
          `${world.server.url}/webhooks/whatsapp?hub.mode=${mode}&hub.verify_token=${encodeURIComponent(token)}&hub.challenge=1158201444`,
        );
      const accepted = await verify('subscribe', VERIFY_TOKEN);
      expect(accepted.status).toBe(200);
      expect(await accepted.text()).toBe('1158201444');
      const refused = await verify('subscribe', 'not-the-token');
      expect(refused.status).toBe(403);
      expect(await refused.text()).not.toContain('1158201444');
      expect((await verify('unsubscribe', VERIFY_TOKEN)).status).toBe(403);
    });

    it('refuses a missing or forged signature with 401 and writes nothing; the genuine delivery still lands', async () => {
      const phone = '2348100000301';
      expect(await post(world, inboundText(phone, 'chat support', { name: 'Ada Eze' }).body)).toBe(200);
      await world.standIn.waitFor(() => sentTo(world, phone).includes(PROMPT));

      const issue = inboundText(phone, 'My exam results are missing', { name: 'Ada Eze' });
      const rightHex = sign(WEBHOOK_SECRET, issue.body).slice('sha256='.length);
      const forged: Parameters<typeof postWebhook>[2][] = [
        { signature: null },
        { secret: 'not-the-app-secret' },
        { signature: 'sha256=deadbeef' },
        { signature: `sha1=${rightHex}` },
        { signature: rightHex },
        { signature: sign(WEBHOOK_SECRET, issue.body.replace('missing', 'missinG')) },
      ];
      for (const options of forged) expect(await post(world, issue.body, options)).toBe(401);
      const tampered = issue.body.replace('missing', 'missinG');
      expect(await post(world, tampered, { signature: sign(WEBHOOK_SECRET, issue.body) })).toBe(401);
      expect((await ticketsOf(world, phone)).totalCount).toBe(0);

      // The forged copies did not use up the message id: the genuine one opens the ticket.
      expect(await post(world, issue.body)).toBe(200);
      const tickets = await ticketsOf(world, phone);
      expect(tickets.totalCount).toBe(1);
      expect(tickets.edges[0].node).toMatchObject({
        issueDescription: 'My exam results are missing',
        senderName: 'Ada Eze',
      });
      await world.standIn.waitFor(() => sentTo(world, phone).length === 2);
      expect(sentTo(world, phone)[1]).toMatch(/^✅ Thank you! Your support ticket #\d+ is open\./);
    });

    it('answers 400 to a body that is not JSON or not a WhatsApp payload', async () => {
      for (const body of ['not json at all', '{"object": "whatsapp_business_account", "entry": [', ''])
        expect(await post(world, body), body).toBe(400);
      const notWhatsapp = [
        { object: 'page', entry: [] },
        { object: 'whatsapp_business_account' },
        { object: 'whatsapp_business_account', entry: {} },
        [1, 2],
        null,
        'whatsapp',
      ];
      for (const value of notWhatsapp)
        expect(await post(world, JSON.stringify(value)), JSON.stringify(value)).toBe(400);
    });

    it('answers 413 to a body over 3 MiB, and accepts one of exactly 3 MiB', async () => {
      const empty = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
      const padded = (bytes: number) => `${empty.slice(0, -1)},"padding":"${'x'.repeat(bytes - empty.length - 13)}"}`;
      expect(Buffer.byteLength(padded(3 * 1024 * 1024))).toBe(3 * 1024 * 1024);
      expect(await post(world, padded(3 * 1024 * 1024))).toBe(200);
      expect(await post(world, padded(3 * 1024 * 1024 + 1))).toBe(413);
    });

    it('stores emoji, right-to-left script, markup and SQL-looking text exactly as sent', async () => {
      const phone = '2348100000302';
      await openTicket(world, phone);
      const tricky = [
        'مرحبا، لا أستطيع الدخول إلى البوابة 🙏',
        'שלום, יש לי בעיה',
        '<script>alert("x")</script><b>bold</b> &amp; *stars* _under_',
        "'; DROP TABLE support_tickets; --",
        'Robert\'); DELETE FROM support_messages WHERE 1=1; -- \\ " `',
        '👩🏽‍💻 🇳🇬 e\u0301 ₦20,000 \u200f\u202e',
        'line one\nline two\ttabbed',
        '😀'.repeat(2000),
      ];
      for (const text of tricky)
        expect(await post(world, inboundText(phone, text, { name: 'أحمد 🌟' }).body)).toBe(200);
      expect((await threadOf(world, phone)).slice(1).map((node) => node.body)).toEqual(tricky);
      expect((await ticketsOf(world, phone)).edges[0].node.senderName).toBe('أحمد 🌟');
    });

    it('never cuts an over-long message inside a character', async () => {
      const phone = '2348100000303';
      await openTicket(world, phone);
      const text = '😀'.repeat(2100);
      expect(await post(world, inboundText(phone, text).body)).toBe(200);
      const stored = (await threadOf(world, phone)).at(-1)!.body;
      const brokenCharacter = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\uFFFD/;
      expect(brokenCharacter.test(stored), `stored text ends ${JSON.stringify([...stored].slice(-2).join(''))}`).toBe(
        false,
      );
      expect(text.startsWith(stored.replace(/…$/, ''))).toBe(true);
    });

    it('stores the same delivery arriving several times at once only once', async () => {
      const phone = '2348100000304';
      await openTicket(world, phone);
      const { body } = inboundText(phone, 'sent once, delivered four times');
      const statuses = await Promise.all([1, 2, 3, 4].map(() => post(world, body)));
      expect(
        statuses.every((status) => status === 200 || status === 503),
        String(statuses),
      ).toBe(true);
      expect(await post(world, body)).toBe(200);
      expect(
        (await threadOf(world, phone)).filter((node) => node.body === 'sent once, delivered four times'),
      ).toHaveLength(1);
    });

    it('moves a reply’s delivery status forward only, whatever order receipts arrive in', async () => {
      const phone = '2348100000305';
      const early = await sentReply(world, phone, 'Read before delivered');
      for (const name of ['status-read', 'status-delivered', 'status-sent']) {
        expect(await post(world, statusFixtureFor(name, early, phone))).toBe(200);
        expect((await replyState(world, phone, 'Read before delivered'))!.deliveryStatus, `after ${name}`).toBe('READ');
      }

      const other = '2348100000306';
      const inOrder = await sentReply(world, other, 'Step by step');
      const steps: [Parameters<typeof receipt>[1], string][] = [
        ['delivered', 'DELIVERED'],
        ['sent', 'DELIVERED'],
        ['read', 'READ'],
        ['delivered', 'READ'],
      ];
      for (const [status, expected] of steps) {
        expect(await post(world, receipt(inOrder, status, other))).toBe(200);
        expect((await replyState(world, other, 'Step by step'))!.deliveryStatus, `after ${status}`).toBe(expected);
      }
    });

    it('thirty new people writing at the same moment are all answered 200 and each gets the menu once', async () => {
      const phones = Array.from({ length: 30 }, (_, index) => `23481000005${String(index).padStart(2, '0')}`);
      const statuses = await Promise.all(phones.map((phone) => post(world, inboundText(phone, 'Hello').body)));
      expect(
        statuses.filter((status) => status !== 200),
        String(statuses),
      ).toEqual([]);
      await world.standIn.waitFor(() => phones.every((phone) => sentTo(world, phone).length >= 1));
      for (const phone of phones) expect(sentTo(world, phone)).toEqual(['[list Menu]']);
    });

    it('receipts for one reply arriving at the same moment never move it back: read stays read', async () => {
      const phones = Array.from({ length: 8 }, (_, index) => `23481000004${String(index).padStart(2, '0')}`);
      const replies = await Promise.all(
        phones.map(async (phone) => ({ phone, wamid: await sentReply(world, phone, 'Raced receipts') })),
      );
      // Each reply's "delivered" and "read" in flight together, several times over.
      const posts = replies.flatMap(({ phone, wamid }) =>
        [1, 2, 3].flatMap(() => [
          post(world, receipt(wamid, 'delivered', phone)),
          post(world, receipt(wamid, 'read', phone)),
        ]),
      );
      expect((await Promise.all(posts)).every((status) => status === 200)).toBe(true);
      for (const { phone } of replies)
        expect((await replyState(world, phone, 'Raced receipts'))!.deliveryStatus, phone).toBe('READ');
    });

    it('a failed receipt for a closed 24-hour window marks the reply FAILED with the reason, for good', async () => {
      const phone = '2348100000307';
      const wamid = await sentReply(world, phone, 'Sorry for the wait');
      expect(await post(world, statusFixtureFor('status-failed-window', wamid, phone))).toBe(200);
      const failed = (await replyState(world, phone, 'Sorry for the wait'))!;
      expect(failed.deliveryStatus).toBe('FAILED');
      expect(failed.deliveryError).toContain('131047');
      expect(await post(world, receipt(wamid, 'delivered', phone))).toBe(200);
      expect((await replyState(world, phone, 'Sorry for the wait'))!.deliveryStatus).toBe('FAILED');
    });

    it('accepts receipts for messages it never sent and changes nothing', async () => {
      const phone = '2348100000308';
      await sentReply(world, phone, 'Untouched by strangers’ receipts');
      const before = await threadOf(world, phone);
      for (const name of STATUS_FIXTURES) expect(await post(world, fixture(name)), name).toBe(200);
      expect(await post(world, receipt('wamid.NEVER-SENT-BY-US', 'read', phone))).toBe(200);
      expect(
        await post(
          world,
          receipt('wamid.NEVER-SENT-EITHER', 'failed', phone, { code: 131026, title: 'Message undeliverable' }),
        ),
      ).toBe(200);
      expect(await threadOf(world, phone)).toEqual(before);
    });

    it('keeps the good elements of a delivery when others are malformed', async () => {
      const phone = '2348100000309';
      const wamid = await sentReply(world, phone, 'Please confirm');
      const now = String(Math.floor(Date.now() / 1000));
      const text = (id: string | undefined, body: unknown) => ({
        from: phone,
        ...(id ? { id } : {}),
        timestamp: now,
        type: 'text',
        text: { body },
      });
      const first = JSON.parse(
        delivery({
          contacts: [{ profile: { name: 'Mixed Bag' }, wa_id: phone }],
          messages: [
            text(`wamid.GOOD1-${now}`, 'good one'),
            text(undefined, 'no id'),
            null,
            'junk',
            text(`wamid.NOBODY-${now}`, null),
            text(`wamid.GOOD2-${now}`, 'good two'),
          ],
          statuses: [
            { id: wamid, status: 'exploded', timestamp: now, recipient_id: phone },
            { status: 'read', timestamp: now },
            { id: wamid, status: 'delivered', timestamp: now, recipient_id: phone },
          ],
        }),
      );
      const second = JSON.parse(inboundText(phone, 'good three in another entry').body).entry[0];
      const body = JSON.stringify({ ...first, entry: [...first.entry, 'not an entry', { changes: 'nope' }, second] });
      expect(await post(world, body)).toBe(200);
      const fromPerson = (await threadOf(world, phone))
        .filter((node) => node.senderType === 'USER')
        .map((node) => node.body);
      expect(fromPerson.slice(1)).toEqual(['good one', 'good two', 'good three in another entry']);
      expect((await replyState(world, phone, 'Please confirm'))!.deliveryStatus).toBe('DELIVERED');
    });

    it('does not let a message that cannot open a ticket (only spaces) block the rest of its delivery', async () => {
      const phone = '2348100000310';
      expect(await post(world, inboundText(phone, 'chat support').body)).toBe(200);
      const now = String(Math.floor(Date.now() / 1000));
      const body = delivery({
        contacts: [{ profile: { name: 'Blank Start' }, wa_id: phone }],
        messages: [
          { from: phone, id: `wamid.BLANK-${now}`, timestamp: now, type: 'text', text: { body: '   ' } },
          {
            from: phone,
            id: `wamid.REAL-${now}`,
            timestamp: now,
            type: 'text',
            text: { body: 'My fees receipt is wrong' },
          },
        ],
      });
      expect(await post(world, body)).toBe(200);
      const tickets = await ticketsOf(world, phone);
      expect(tickets.totalCount).toBe(1);
      expect(tickets.edges[0].node.messages.edges.map((edge: { node: Node }) => edge.node.body)).toContain(
        'My fees receipt is wrong',
      );
    });
  });

  describe('fixtures from a person with an open ticket', () => {
    const world = useServerWithCloudApi(kind);
    const readable: Record<string, string[]> = {
      text: ['Hi'],
      'interactive-list-reply': ['Tapped 💬 Chat Support'],
      'interactive-button-reply': ['Tapped', 'Chat Support'],
      'template-button': ['Yes, I still need help'],
      image: ['📷 Photo — This is the error I get'],
      document: ['📄 Document: homework.pdf — My homework'],
      audio: ['🎤 Voice message'],
      video: ['🎬 Video — screen recording'],
      sticker: ['🏷️ Sticker'],
      location: ['📍 Location: Lagos Campus, 12 Broad St, Lagos (6.5244, 3.3792)'],
      contacts: ['👤 Contact card: Mary Teacher', '+234 803 555 0199'],
      reaction: ['Reacted 👍'],
      unsupported: ['⚠️ Unsupported message', 'Message type unknown'],
    };

    /** The fixtures that are taps on the bot's own menu (its Chat Support item). */
    const MENU_TAPS = new Set(['interactive-list-reply', 'interactive-button-reply']);

    it('stores every message fixture readably in the ticket, as the person’s message (menu taps as taps)', async () => {
      const ticketId = await openTicket(world, FIXTURE_PHONE);
      for (const name of MESSAGE_FIXTURES) {
        expect(await post(world, fixture(name)), name).toBe(200);
        const last = (await threadOf(world, FIXTURE_PHONE)).at(-1)!;
        // A tap on the bot's own menu while the ticket is open is marked as a tap, not as the person's words.
        expect(last.senderType, name).toBe(MENU_TAPS.has(name) ? 'SYSTEM' : 'USER');
        for (const part of readable[name]!) expect(last.body, name).toContain(part);
        expect(last.body, name).not.toMatch(/media id/);
      }
      expect(await threadOf(world, FIXTURE_PHONE)).toHaveLength(1 + MESSAGE_FIXTURES.length);
      expect((await ticketsOf(world, FIXTURE_PHONE)).edges[0].node.senderName).toBe('John Doe');
      // Nothing but an agent's reply reaches the person: no menu, no bot prompt while the ticket is open.
      await agentMarker(world, ticketId, FIXTURE_PHONE);
      expect(sentTo(world, FIXTURE_PHONE)).toEqual([MARKER]);
    });

    it('adds nothing when any fixture is delivered again', async () => {
      const before = await threadOf(world, FIXTURE_PHONE);
      for (const name of [...MESSAGE_FIXTURES, ...STATUS_FIXTURES])
        expect(await post(world, fixture(name)), name).toBe(200);
      expect(await threadOf(world, FIXTURE_PHONE)).toEqual(before);
      expect((await ticketsOf(world, FIXTURE_PHONE)).totalCount).toBe(1);
    });

    it('adds each message of a two-entry batch to its own person’s ticket', async () => {
      await openTicket(world, OTHER_BATCH_PHONE);
      const before = (await threadOf(world, FIXTURE_PHONE)).length;
      expect(await post(world, fixture('batch-multiple'))).toBe(200);
      expect((await threadOf(world, FIXTURE_PHONE)).at(-1)).toMatchObject({
        body: 'Still waiting',
        senderType: 'USER',
      });
      expect((await threadOf(world, OTHER_BATCH_PHONE)).at(-1)).toMatchObject({ body: 'Hello', senderType: 'USER' });
      expect((await ticketsOf(world, OTHER_BATCH_PHONE)).edges[0].node.senderName).toBe('Jane Smith');
      expect(await post(world, fixture('batch-multiple'))).toBe(200);
      expect(await threadOf(world, FIXTURE_PHONE)).toHaveLength(before + 1);
      expect(await threadOf(world, OTHER_BATCH_PHONE)).toHaveLength(2);
    });
  });

  describe('fixtures from a person the bot is talking to', () => {
    const world = useServerWithCloudApi(kind);

    it('answers a first message with the menu, ignores a reaction, and prompts after the Chat Support choice', async () => {
      expect(await post(world, fixture('text'))).toBe(200);
      await world.standIn.waitFor(() => sentTo(world, FIXTURE_PHONE).length === 1);
      const menu = world.standIn.messagesTo(FIXTURE_PHONE)[0]!.body;
      expect(menu).toMatchObject({
        to: FIXTURE_PHONE,
        type: 'interactive',
        interactive: { type: 'list', action: { button: 'Menu' } },
      });
      expect(menu.interactive.action.sections.flatMap((section: { rows: unknown[] }) => section.rows)).toContainEqual(
        expect.objectContaining({ id: 'chat_support', title: '💬 Chat Support' }),
      );

      expect(await post(world, fixture('reaction'))).toBe(200);
      expect(await post(world, fixture('interactive-list-reply'))).toBe(200);
      await world.standIn.waitFor(() => sentTo(world, FIXTURE_PHONE).length >= 2);
      expect(sentTo(world, FIXTURE_PHONE)).toEqual(['[list Menu]', PROMPT]);
      expect((await ticketsOf(world, FIXTURE_PHONE)).totalCount).toBe(0);
    });

    it('opens a ticket from the next message (an image), named after the profile, and confirms it', async () => {
      expect(await post(world, fixture('image'))).toBe(200);
      const tickets = await ticketsOf(world, FIXTURE_PHONE);
      expect(tickets.totalCount).toBe(1);
      const ticket = tickets.edges[0].node;
      expect(ticket.senderName).toBe('John Doe');
      expect(ticket.issueDescription).toBe('📷 Photo — This is the error I get');
      const confirmation = `✅ Thank you! Your support ticket #${ticket.id} is open.`;
      expect(
        (await threadOf(world, FIXTURE_PHONE)).some(
          (node) => node.senderType === 'BOT' && node.body.startsWith(confirmation),
        ),
      ).toBe(true);
      await world.standIn.waitFor(() => sentTo(world, FIXTURE_PHONE).length === 3);
      expect(sentTo(world, FIXTURE_PHONE)[2]).toContain(confirmation);
    });

    it('a repeated choice or issue neither prompts again nor opens a second ticket', async () => {
      for (const name of ['text', 'reaction', 'interactive-list-reply', 'image'])
        expect(await post(world, fixture(name)), name).toBe(200);
      expect((await ticketsOf(world, FIXTURE_PHONE)).totalCount).toBe(1);
      expect(await post(world, fixture('document'))).toBe(200);
      expect((await threadOf(world, FIXTURE_PHONE)).at(-1)!.body).toContain('homework.pdf');
      // The fixtures are old, so the reply window opens only when the person writes now.
      expect(await post(world, inboundText(FIXTURE_PHONE, 'Are you there?', { name: 'John Doe' }).body)).toBe(200);
      await agentMarker(world, (await ticketsOf(world, FIXTURE_PHONE)).edges[0].node.id, FIXTURE_PHONE);
      expect(sentTo(world, FIXTURE_PHONE).slice(1)).toEqual([PROMPT, expect.stringMatching(/^✅ Thank you!/), MARKER]);
    });

    it('handles both people of a batch: one joins their ticket, the other gets the menu', async () => {
      expect(await post(world, fixture('batch-multiple'))).toBe(200);
      expect((await threadOf(world, FIXTURE_PHONE)).at(-1)).toMatchObject({
        body: 'Still waiting',
        senderType: 'USER',
      });
      await world.standIn.waitFor(() => sentTo(world, OTHER_BATCH_PHONE).length === 1);
      expect(sentTo(world, OTHER_BATCH_PHONE)).toEqual(['[list Menu]']);
      expect((await ticketsOf(world, OTHER_BATCH_PHONE)).totalCount).toBe(0);
    });

    it('ignores a reaction from someone with no ticket: no menu, no ticket', async () => {
      const phone = '2348100000311';
      const reaction = inboundMessage(phone, {
        type: 'reaction',
        reaction: { message_id: 'wamid.SOMETHING', emoji: '❤️' },
      });
      expect(await post(world, reaction.body)).toBe(200);
      expect(await post(world, inboundText(phone, '1').body)).toBe(200);
      await world.standIn.waitFor(() => sentTo(world, phone).length >= 1);
      expect(sentTo(world, phone)).toEqual([PROMPT]);
      expect((await ticketsOf(world, phone)).totalCount).toBe(0);
    });
  });
});
