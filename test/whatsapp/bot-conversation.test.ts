// The conversation with the bot before a ticket (hi, the menu, the tap on Chat Support) goes with the ticket,
// apart from its messages; a later tap on the bot's menu is a line from the desk, not something the person wrote.
import { describe, expect, it } from 'vitest';
import {
  databases,
  eventually,
  inboundMessage,
  inboundText,
  postWebhook,
  uniquePhone,
  useServerWithCloudApi,
} from '../helpers/harness.js';

const PROMPT = '📞 Live Chat Support. You can now chat with our support team. Please describe your issue';
const TICKET = `query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { edges { node {
  id status messageCount unreadCount lastMessageAt sla { firstResponseDueAt resolutionDueAt }
  preview { body senderType }
  botConversation { from text at }
  messages(last: 20) { edges { node { body senderType } } } } } } }`;

const tap = (phone: string) =>
  inboundMessage(phone, {
    type: 'interactive',
    interactive: { type: 'list_reply', list_reply: { id: 'chat_support', title: '💬 Chat Support' } },
  });

describe.each(databases)('the conversation with the bot on %s', (kind) => {
  const world = useServerWithCloudApi(kind);
  const deliver = async (body: string) => expect((await postWebhook(world.server, body)).status).toBe(200);
  const ticketOf = async (phone: string) =>
    eventually(async () => (await world.server.ok(TICKET, { phone })).tickets.edges[0]?.node);

  async function openTicket(phone: string) {
    await deliver(inboundText(phone, 'hi', { name: 'Amaka Obi' }).body);
    await deliver(tap(phone).body);
    await deliver(inboundText(phone, 'My fees are not showing', { name: 'Amaka Obi' }).body);
    return ticketOf(phone);
  }

  it('the ticket carries the conversation that led to it, as the bot’s, apart from its messages', async () => {
    const phone = uniquePhone();
    const ticket = await openTicket(phone);
    expect(ticket.botConversation.map(({ from, text }: { from: string; text: string }) => ({ from, text }))).toEqual([
      { from: 'PERSON', text: 'hi' },
      { from: 'BOT', text: expect.stringContaining('1. 💬 Chat Support') },
      { from: 'PERSON', text: '💬 Chat Support' },
      { from: 'BOT', text: PROMPT },
    ]);
    expect(ticket.messages.edges.map((edge: { node: { body: string } }) => edge.node.body)[0]).toBe(
      'My fees are not showing',
    );
    expect(ticket.messageCount).toBe(2); // the issue and the bot's confirmation, as before
    // The next ticket of the same person starts its own conversation.
    await world.server.ok('mutation($id: ID!) { closeTicket(ticketId: $id) { id } }', { id: ticket.id });
    await deliver(tap(phone).body);
    await deliver(inboundText(phone, 'Another question', { name: 'Amaka Obi' }).body);
    const next = await eventually(async () => {
      const node = await ticketOf(phone);
      return node.id !== ticket.id ? node : undefined;
    });
    expect(next.botConversation.map((line: { text: string }) => line.text)).toEqual(['💬 Chat Support', PROMPT]);
  });

  it('a tap on the bot’s menu while the ticket is open is a line from the desk: not unread, not the preview, no SLA', async () => {
    const phone = uniquePhone();
    const before = await openTicket(phone);
    await deliver(tap(phone).body);
    const after = await eventually(async () => {
      const node = await ticketOf(phone);
      return node.messages.edges.length > before.messages.edges.length ? node : undefined;
    });
    expect(after.messages.edges.at(-1).node).toEqual({
      body: "Tapped 💬 Chat Support in the bot's menu",
      senderType: 'SYSTEM',
    });
    expect(
      after.messages.edges.filter((edge: { node: { senderType: string } }) => edge.node.senderType === 'USER'),
    ).toHaveLength(1);
    expect(after.unreadCount).toBe(before.unreadCount);
    expect(after.preview).toEqual(before.preview);
    expect(after.preview.body).toBe('My fees are not showing');
    expect(after.status).toBe(before.status);
    expect(after.sla).toEqual(before.sla);
    expect(after.lastMessageAt).toBe(before.lastMessageAt);
    expect(after.botConversation).toEqual(before.botConversation);
  });
});
