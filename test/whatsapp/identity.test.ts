// Who a person is on WhatsApp: people who share no number (a username, and a business-scoped user id) reach the
// desk like anyone else and are answered by that id; a delivery naming both the number and the id is one person;
// a number change moves the person, and an identity change shows a security notice.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  databases,
  delivery,
  eventually,
  postWebhook,
  receipt,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import type { CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import { openTicketOnWhatsapp } from '../helpers/whatsapp-person.js';
import { templatePayload } from '../../src/whatsapp/cloud-api.payloads.js';
import { parseDelivery } from '../../src/whatsapp/webhook.parse.js';

let counter = 0;
const wamid = () => `wamid.IDENTITY${process.pid}x${++counter}x${randomBytes(4).toString('hex')}`;
const now = () => String(Math.floor(Date.now() / 1000));
/** A business-scoped user id no other test uses: two letters, a dot, digits. */
const uniqueUserId = () => `US.${Date.now()}${process.pid}${++counter}`;

/** A text from a person WhatsApp names only by their business-scoped user id (they set a username). */
function fromUserIdOnly(userId: string, text: string, username = 'jo.learns') {
  return delivery({
    contacts: [{ profile: { name: 'Jo', username }, user_id: userId }],
    messages: [{ from_user_id: userId, id: wamid(), timestamp: now(), type: 'text', text: { body: text } }],
  });
}

/** A text that names both: the number in `from` and `contacts[].wa_id`, the id in `from_user_id` and `contacts[].user_id`. */
function fromBoth(phone: string, userId: string, text: string) {
  return delivery({
    contacts: [{ profile: { name: 'Jo', username: 'jo.learns' }, wa_id: phone, user_id: userId }],
    messages: [
      { from: phone, from_user_id: userId, id: wamid(), timestamp: now(), type: 'text', text: { body: text } },
    ],
  });
}

function systemMessage(from: string, system: Record<string, unknown>) {
  return delivery({ messages: [{ from, id: wamid(), timestamp: now(), type: 'system', system }] });
}

const TICKET_OF = `query($p: String!) { tickets(first: 5, filter: { phoneNumber: $p }) { totalCount edges { node {
  id phoneNumber whatsappUserId username status senderName
  messages(last: 20) { edges { node { id senderType body deliveryStatus } } } } } } }`;
const CONTACT = `query($p: String!) { contact(phoneNumber: $p) { phoneNumber whatsappUserId username name tickets { totalCount } } }`;
const REPLY = 'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }';

async function ticketOf(server: TestServer, address: string) {
  const data = await server.ok(TICKET_OF, { p: address });
  return data.tickets.edges[0]?.node as
    | {
        id: string;
        phoneNumber: string;
        whatsappUserId: string | null;
        username: string | null;
        status: string;
        messages: {
          edges: { node: { id: string; senderType: string; body: string; deliveryStatus: string | null } }[];
        };
      }
    | undefined;
}

const bodies = (ticket: { messages: { edges: { node: { senderType: string; body: string } }[] } }) =>
  ticket.messages.edges.map((edge) => `${edge.node.senderType}: ${edge.node.body}`);

/** "hi", "1", the issue: the bot's way to a ticket, for a person known only by their user id. */
async function openTicketByUserId(
  server: TestServer,
  standIn: CloudApiStandIn,
  userId: string,
  issue = 'my certificate never arrived',
) {
  for (const text of ['hi', '1', issue])
    expect((await postWebhook(server, fromUserIdOnly(userId, text))).status).toBe(200);
  await standIn.waitFor(() => standIn.messagesTo(userId).length === 3);
  return (await ticketOf(server, userId))!;
}

describe.each(databases)('people without a phone number, on %s', (kind) => {
  const world = useServerWithCloudApi(kind);

  it('a person known only by a business-scoped user id opens a ticket through the bot, and every reply is addressed to that id', async () => {
    const { server, standIn } = world;
    const userId = uniqueUserId();
    const ticket = await openTicketByUserId(server, standIn, userId);
    expect(ticket).toMatchObject({
      phoneNumber: userId,
      whatsappUserId: userId,
      username: 'jo.learns',
      status: 'OPEN',
    });
    expect(bodies(ticket)).toEqual([
      'USER: my certificate never arrived',
      expect.stringMatching(/^BOT: ✅ Thank you! Your support ticket #\d+ is open/),
    ]);
    // The menu, the prompt and "ticket open": each names the person in `recipient`, never in `to`.
    for (const sent of standIn.messagesTo(userId)) {
      expect(sent.body).toMatchObject({
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        recipient: userId,
      });
      expect(sent.body).not.toHaveProperty('to');
    }

    await server.ok(REPLY, { id: ticket.id, body: 'We are sending it again today.' });
    await standIn.waitFor(() => standIn.messagesTo(userId).length === 4);
    const reply = standIn.messagesTo(userId)[3]!;
    expect(reply.body).toMatchObject({
      recipient: userId,
      type: 'text',
      text: { body: 'We are sending it again today.' },
    });

    // Receipts for them carry `recipient_user_id` and no number; the reply's status moves all the same.
    const delivered = JSON.parse(receipt(reply.answeredId!, 'delivered', userId));
    const status = delivered.entry[0].changes[0].value.statuses[0];
    delete status.recipient_id;
    status.recipient_user_id = userId;
    expect((await postWebhook(server, JSON.stringify(delivered))).status).toBe(200);
    await eventually(
      async () => {
        const thread = (await ticketOf(server, userId))!.messages.edges.map((edge) => edge.node);
        return thread.find((message) => message.body === 'We are sending it again today.')?.deliveryStatus ===
          'DELIVERED'
          ? true
          : undefined;
      },
      10_000,
      'the reply to be DELIVERED',
    );

    // The contact is found by the id; templates are addressed the same way.
    expect((await server.ok(CONTACT, { p: userId })).contact).toEqual({
      phoneNumber: userId,
      whatsappUserId: userId,
      username: 'jo.learns',
      name: 'Jo',
      tickets: { totalCount: 1 },
    });
    expect(templatePayload(userId, { name: 'follow_up', languageCode: 'en', parameters: [] })).toMatchObject({
      recipient: userId,
      type: 'template',
    });
  });

  it('a later delivery that names both the number and the user id is the same person: one contact, the same open ticket, replies by number', async () => {
    const { server, standIn } = world;
    const userId = uniqueUserId();
    const phone = uniquePhone();
    const opened = await openTicketByUserId(server, standIn, userId);

    expect((await postWebhook(server, fromBoth(phone, userId, 'here is my student number: 12345'))).status).toBe(200);
    const ticket = (await ticketOf(server, phone))!;
    expect(ticket).toMatchObject({ id: opened.id, phoneNumber: phone, whatsappUserId: userId, status: 'OPEN' });
    expect(bodies(ticket)).toContain('USER: here is my student number: 12345');
    expect((await server.ok(TICKET_OF, { p: userId })).tickets.totalCount).toBe(0);
    expect((await server.ok(CONTACT, { p: phone })).contact).toMatchObject({
      phoneNumber: phone,
      whatsappUserId: userId,
      username: 'jo.learns',
      tickets: { totalCount: 1 },
    });
    // Looked up, or edited, by the id, it is still them.
    expect((await server.ok(CONTACT, { p: userId })).contact).toMatchObject({ phoneNumber: phone });
    const edited = await server.ok(
      'mutation($p: String!) { updateContact(phoneNumber: $p, input: { studentId: "S-9001" }) { phoneNumber studentId } }',
      { p: userId },
    );
    expect(edited.updateContact).toEqual({ phoneNumber: phone, studentId: 'S-9001' });

    await server.ok(REPLY, { id: ticket.id, body: 'Thanks, found you.' });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 1);
    expect(standIn.messagesTo(phone)[0]!.body).toMatchObject({ to: phone, text: { body: 'Thanks, found you.' } });
  });

  it('a person known by number and, apart, by user id becomes one contact with both tickets when a delivery names both', async () => {
    const { server, standIn } = world;
    const userId = uniqueUserId();
    const phone = uniquePhone();
    await openTicketOnWhatsapp(server, standIn, phone, { issue: 'first question, by number' });
    await server.ok('mutation($id: ID!) { closeTicket(ticketId: $id) { id } }', {
      id: (await ticketOf(server, phone))!.id,
    });
    await openTicketByUserId(server, standIn, userId, 'second question, by username');

    expect((await postWebhook(server, fromBoth(phone, userId, 'it is me again'))).status).toBe(200);
    const contact = (await server.ok(CONTACT, { p: phone })).contact;
    expect(contact).toMatchObject({ phoneNumber: phone, whatsappUserId: userId, tickets: { totalCount: 2 } });
    const open = (
      await server.ok(
        `query($p: String!) { tickets(first: 5, filter: { phoneNumber: $p, status: [OPEN] }) { edges { node { issueDescription messages { edges { node { body } } } } } } }`,
        { p: phone },
      )
    ).tickets.edges;
    expect(open).toHaveLength(1);
    expect(open[0].node.issueDescription).toBe('second question, by username');
    expect(open[0].node.messages.edges.map((edge: { node: { body: string } }) => edge.node.body)).toContain(
      'it is me again',
    );
  });

  it('a number change moves the person: a notice in the thread, and messages from the new number join the same open ticket', async () => {
    const { server, standIn } = world;
    const oldPhone = uniquePhone();
    const newPhone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(server, standIn, oldPhone, { name: 'Sam' });

    const change = systemMessage(oldPhone, {
      body: `User Sam changed from ${oldPhone} to ${newPhone}`,
      wa_id: newPhone,
      type: 'user_changed_number',
    });
    expect((await postWebhook(server, change)).status).toBe(200);
    expect((await postWebhook(server, change)).status).toBe(200); // a repeated delivery adds nothing
    expect(
      (
        await postWebhook(
          server,
          delivery({
            contacts: [{ profile: { name: 'Sam' }, wa_id: newPhone }],
            messages: [
              {
                from: newPhone,
                id: wamid(),
                timestamp: now(),
                type: 'text',
                text: { body: 'writing from my new phone' },
              },
            ],
          }),
        )
      ).status,
    ).toBe(200);

    const ticket = (await ticketOf(server, newPhone))!;
    expect(ticket.id).toBe(id);
    expect(ticket.status).toBe('OPEN');
    const thread = bodies(ticket);
    expect(thread.filter((line) => line.startsWith('SYSTEM: 📱'))).toEqual([
      `SYSTEM: 📱 User Sam changed from ${oldPhone} to ${newPhone} Replies now go to +${newPhone}.`,
    ]);
    expect(thread.at(-1)).toBe('USER: writing from my new phone');
    expect((await server.ok(TICKET_OF, { p: oldPhone })).tickets.totalCount).toBe(0);
    expect((await server.ok(CONTACT, { p: oldPhone })).contact).toBeNull();
    expect((await server.ok(CONTACT, { p: newPhone })).contact).toMatchObject({
      phoneNumber: newPhone,
      name: 'Sam',
      tickets: { totalCount: 1 },
    });

    await server.ok(REPLY, { id, body: 'Got it, new number noted.' });
    await standIn.waitFor(() => standIn.messagesTo(newPhone).length === 1);
    expect(standIn.messagesTo(newPhone)[0]!.body.text.body).toBe('Got it, new number noted.');
  });

  it('an identity change shows a security notice in the thread; other system messages read as notices, never dropped', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    await openTicketOnWhatsapp(server, standIn, phone);
    const identity = systemMessage(phone, {
      body: 'Your security code with Sam changed',
      identity: 'b2a7…',
      type: 'customer_identity_changed',
      customer: phone,
    });
    expect((await postWebhook(server, identity)).status).toBe(200);
    expect(
      (
        await postWebhook(
          server,
          systemMessage(phone, { body: 'Something new happened', type: 'brand_new_system_kind' }),
        )
      ).status,
    ).toBe(200);

    const thread = bodies((await ticketOf(server, phone))!);
    expect(thread).toContainEqual(
      expect.stringMatching(
        /^SYSTEM: 🔐 Security notice: this person's WhatsApp security code changed \(Your security code with Sam changed\)/,
      ),
    );
    expect(thread.at(-1)).toBe('SYSTEM: ℹ️ WhatsApp system message (brand_new_system_kind): Something new happened');
    // Nothing was sent to the person about it.
    expect(standIn.messagesTo(phone)).toHaveLength(3);
  });
});

describe('reading who sent a delivery', () => {
  it('reads the older number-change shape (customer_changed_number, new_wa_id) and a sender named only in from_user_id', () => {
    const older = parseDelivery(
      JSON.parse(
        systemMessage('447700900001', {
          body: 'User A changed from 447700900001 to 447700900002',
          new_wa_id: '447700900002',
          type: 'customer_changed_number',
          customer: '447700900001',
        }),
      ),
    );
    expect(older.events[0]).toMatchObject({
      kind: 'message',
      from: '447700900001',
      content: { type: 'system', change: 'number', newPhoneNumber: '447700900002' },
    });
    const byId = parseDelivery(JSON.parse(fromUserIdOnly('BR.1502576394655843', 'olá')));
    expect(byId.elements.filter((element) => element.refusal)).toEqual([]);
    expect(byId.events[0]).toMatchObject({
      from: 'BR.1502576394655843',
      phoneNumber: null,
      userId: 'BR.1502576394655843',
      username: 'jo.learns',
      profileName: 'Jo',
    });
  });
});
