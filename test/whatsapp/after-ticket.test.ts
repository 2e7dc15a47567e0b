// A person's messages after their ticket ended: soon after the resolution (REOPEN_WITHIN_HOURS) one reopens the
// ticket with its assignee and the desk is told live; later, or after CLOSED, the bot greets them as usual and the
// message is kept in the ticket's thread, found by search and in the contact's history. Survey taps only rate.
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  databases,
  delivery,
  inboundText,
  postWebhook,
  uniquePhone,
  useServerWithCloudApi,
  type TestServer,
} from '../helpers/harness.js';
import type { CloudApiStandIn } from '../helpers/cloud-api-stand-in.js';
import { subscribe } from '../helpers/subscriptions.js';
import { openTicketOnWhatsapp } from '../helpers/whatsapp-person.js';

const CLOSE = 'mutation($id: ID!) { closeTicket(ticketId: $id) { status } }';
const STATUS =
  'mutation($id: ID!, $status: TicketStatus!) { setTicketStatus(ticketId: $id, status: $status) { status } }';
const ASSIGN = 'mutation($id: ID!, $agent: ID) { assignTicket(ticketId: $id, adminId: $agent) { id } }';
const TICKET = `query($id: ID!) { ticket(id: $id) { id status resolvedAt assignee { id } satisfaction { rating comment }
  messages(last: 10) { edges { node { senderType body } } } } }`;
const SEARCH =
  'query($q: String!) { tickets(first: 5, filter: { search: $q, status: [OPEN, IN_PROGRESS, RESOLVED, CLOSED] }) { edges { node { id status } } } }';
const HISTORY = `query($p: String!) { contact(phoneNumber: $p) { tickets { edges { node { id status messages(last: 5) { edges { node { senderType body } } } } } } } }`;
const AUDIT = 'query($id: ID!) { auditLog(ticketId: $id) { action actorLabel before after } }';

const thread = async (server: TestServer, id: string) =>
  ((await server.ok(TICKET, { id })).ticket.messages.edges as { node: { senderType: string; body: string } }[]).map(
    (edge) => `${edge.node.senderType}: ${edge.node.body}`,
  );

/** A survey button tap from `phone`, as WhatsApp delivers a button_reply. */
const tap = (phone: string, id: string) =>
  delivery({
    contacts: [{ profile: { name: 'Test Person' }, wa_id: phone }],
    messages: [
      {
        from: phone,
        id: `wamid.TAP${Date.now()}${Math.random().toString(16).slice(2)}`,
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id, title: '😊 Good' } },
      },
    ],
  });

/** The bot's menu went out to them: a list message, `count` sends in all. */
async function greetedWithMenu(standIn: CloudApiStandIn, phone: string, count: number) {
  await standIn.waitFor(() => standIn.messagesTo(phone).length === count);
  expect(standIn.messagesTo(phone).at(-1)!.body.interactive.type).toBe('list');
}

async function foundEverywhere(server: TestServer, phone: string, id: string, text: string) {
  expect(
    (await server.ok(SEARCH, { q: text })).tickets.edges.map((edge: { node: { id: string } }) => edge.node.id),
  ).toEqual([id]);
  const history = (await server.ok(HISTORY, { p: phone })).contact.tickets.edges;
  expect(history.flatMap((edge: any) => edge.node.messages.edges.map((message: any) => message.node.body))).toContain(
    text,
  );
}

describe.each(databases)('messages after a ticket ends, on %s', (kind) => {
  const world = useServerWithCloudApi(kind, { CSAT_SURVEY: 'on' });

  it('a message soon after the resolution reopens the ticket with its assignee; agents see it live; nothing goes to the person', async () => {
    const { server, standIn } = world;
    const agent = await server.createAgent('Ada Agent');
    const phone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(server, standIn, phone);
    await server.ok(ASSIGN, { id, agent: agent.id });
    await server.ok(CLOSE, { id });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 5); // the bot's three, the closing message, the survey

    const updates = await subscribe(
      server,
      agent.token,
      'subscription($id: ID) { ticketUpdated(id: $id) { id status assignee { id } } }',
      { id },
    );
    const added = await subscribe(
      server,
      agent.token,
      'subscription($id: ID) { messageAdded(ticketId: $id) { senderType body } }',
      { id },
    );
    const counts = await subscribe(server, agent.token, 'subscription { notificationsChanged { openTickets } }');
    const before = (await server.ok('{ notifications { openTickets } }', {}, agent.token)).notifications.openTickets;

    expect((await postWebhook(server, inboundText(phone, 'Thanks! Actually one more question…').body)).status).toBe(
      200,
    );
    expect(await added.next()).toEqual({
      senderType: 'SYSTEM',
      body: '↩️ Reopened: the person wrote again after this ticket was resolved.',
    });
    expect(await added.next()).toEqual({ senderType: 'USER', body: 'Thanks! Actually one more question…' });
    let update = await updates.next();
    while (update.status !== 'OPEN') update = await updates.next();
    expect(update).toEqual({ id, status: 'OPEN', assignee: { id: agent.id } });
    let count = await counts.next();
    while (count.openTickets !== before + 1) count = await counts.next();
    for (const feed of [updates, added, counts]) feed.stop();

    const ticket = (await server.ok(TICKET, { id })).ticket;
    expect(ticket).toMatchObject({ status: 'OPEN', resolvedAt: null, assignee: { id: agent.id } });
    expect((await thread(server, id)).slice(-2)).toEqual([
      'SYSTEM: ↩️ Reopened: the person wrote again after this ticket was resolved.',
      'USER: Thanks! Actually one more question…',
    ]);
    const audit = (await server.ok(AUDIT, { id })).auditLog;
    expect(audit[0]).toMatchObject({
      action: 'ticket.reopened',
      actorLabel: 'system',
      before: { status: 'RESOLVED' },
      after: { status: 'OPEN' },
    });
    await sleep(300);
    expect(standIn.messagesTo(phone)).toHaveLength(5);
  });

  it('a survey tap after the resolution rates and the comment is a comment: neither reopens; a message after them does', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(server, standIn, phone);
    await server.ok(CLOSE, { id });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 5);

    expect((await postWebhook(server, tap(phone, `csat:${id}:good`))).status).toBe(200);
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 6); // "anything to add?"
    expect((await postWebhook(server, inboundText(phone, 'All good, thanks').body)).status).toBe(200);
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 7); // "thank you for your feedback"
    expect((await server.ok(TICKET, { id })).ticket).toMatchObject({
      status: 'RESOLVED',
      satisfaction: { rating: 'GOOD', comment: 'All good, thanks' },
    });

    expect((await postWebhook(server, inboundText(phone, 'oh, and one more thing').body)).status).toBe(200);
    expect((await server.ok(TICKET, { id })).ticket.status).toBe('OPEN');
    expect((await thread(server, id)).at(-1)).toBe('USER: oh, and one more thing');
  });

  it('after CLOSED the bot greets them as usual, and the message is kept on the ticket: found by search and in the contact history', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(server, standIn, phone);
    await server.ok(STATUS, { id, status: 'CLOSED' });

    const text = `are you still there ${phone}?`;
    expect((await postWebhook(server, inboundText(phone, text).body)).status).toBe(200);
    await greetedWithMenu(standIn, phone, 4);
    expect((await server.ok(TICKET, { id })).ticket.status).toBe('CLOSED');
    expect((await thread(server, id)).slice(-2)).toEqual([
      'SYSTEM: 📥 The person wrote after this ticket was closed. The bot answered them; the ticket stays CLOSED. Reopen it to answer here.',
      `USER: ${text}`,
    ]);
    await foundEverywhere(server, phone, id, text);
  });
});

describe.each(databases)('messages after REOPEN_WITHIN_HOURS, on %s', (kind) => {
  // 0.0003 hours: a little over a second.
  const world = useServerWithCloudApi(kind, { REOPEN_WITHIN_HOURS: '0.0003' });

  it('a message after the reopening time is greeted by the bot and kept on the resolved ticket, once noted', async () => {
    const { server, standIn } = world;
    const phone = uniquePhone();
    const { id } = await openTicketOnWhatsapp(server, standIn, phone);
    await server.ok(CLOSE, { id });
    await standIn.waitFor(() => standIn.messagesTo(phone).length === 4);
    // WhatsApp's timestamps are whole seconds: the message may read up to a second older than it is.
    await sleep(2500);

    const text = `Thanks! Actually one more question ${phone}`;
    expect((await postWebhook(server, inboundText(phone, text).body)).status).toBe(200);
    await greetedWithMenu(standIn, phone, 5);
    expect((await postWebhook(server, inboundText(phone, 'hello?').body)).status).toBe(200);
    await greetedWithMenu(standIn, phone, 6);

    expect((await server.ok(TICKET, { id })).ticket.status).toBe('RESOLVED');
    expect((await thread(server, id)).slice(-3)).toEqual([
      'SYSTEM: 📥 The person wrote after this ticket was resolved. The bot answered them; the ticket stays RESOLVED. Reopen it to answer here.',
      `USER: ${text}`,
      'USER: hello?',
    ]);
    await foundEverywhere(server, phone, id, text);
  });
});
