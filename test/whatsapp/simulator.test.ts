// The built-in simulator: with no WhatsApp credentials, anyone can play the person on WhatsApp, and the
// real webhook, bot, outbox and receipts run end to end inside the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases, eventually, startServer, type TestServer } from '../helpers/harness.js';

const PHONE = `query($phone: String!) { simulatorPhone(phoneNumber: $phone) { name messages { fromPerson text choices { id title } button status } } }`;
const SEND = `mutation($phone: String!, $name: String, $text: String, $choiceId: String, $choiceTitle: String) {
  simulatorSend(phoneNumber: $phone, name: $name, text: $text, choiceId: $choiceId, choiceTitle: $choiceTitle) { id fromPerson text } }`;

describe.each(databases)('the WhatsApp simulator on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { WHATSAPP_SIMULATOR: 'on', OUTBOX_POLL_MS: '20' });
  });
  afterAll(() => server.close());

  const phoneView = async (phone: string) => (await server.ok(PHONE, { phone })).simulatorPhone;
  const waitForMessages = (phone: string, count: number) =>
    eventually(
      async () => {
        const view = await phoneView(phone);
        return view && view.messages.length >= count ? view : undefined;
      },
      10_000,
      `${count} messages on the simulated phone`,
    );

  it('plays a whole support conversation: menu, Chat Support, ticket, agent reply with read ticks', async () => {
    const phone = '447700900777';
    await server.ok(SEND, { phone, name: 'Sim Sam', text: 'Hi' });
    const withMenu = await waitForMessages(phone, 2);
    expect(withMenu.name).toBe('Sim Sam');
    expect(withMenu.messages[1]).toMatchObject({ fromPerson: false, button: 'Menu' });
    expect(withMenu.messages[1].choices[0]).toEqual({ id: 'chat_support', title: '💬 Chat Support' });

    await server.ok(SEND, { phone, choiceId: 'chat_support', choiceTitle: '💬 Chat Support' });
    await waitForMessages(phone, 4);
    await server.ok(SEND, { phone, text: 'The library app logs me out' });
    const opened = await waitForMessages(phone, 6);
    expect(opened.messages[5].text).toMatch(/^✅ Thank you! Your support ticket #\d+ is open/);

    const { tickets } = await server.ok(
      'query($p: String!) { tickets(first: 1, filter: { phoneNumber: $p }) { edges { node { id senderName issueDescription } } } }',
      { p: phone },
    );
    expect(tickets.edges[0].node).toMatchObject({
      senderName: 'Sim Sam',
      issueDescription: 'The library app logs me out',
    });
    const ticketId = tickets.edges[0].node.id;

    await server.ok('mutation($id: ID!) { sendMessage(ticketId: $id, body: "Try updating the app, please") { id } }', {
      id: ticketId,
    });
    const replied = await waitForMessages(phone, 7);
    expect(replied.messages[6]).toMatchObject({ fromPerson: false, text: 'Try updating the app, please' });

    // The person has looked at the phone (the query above): WhatsApp reports it read, and the agent sees it.
    const status = await eventually(
      async () => {
        await phoneView(phone); // the person keeps looking at the phone
        const { ticket } = await server.ok('query($id: ID!) { ticket(id: $id) { lastMessage { deliveryStatus } } }', {
          id: ticketId,
        });
        return ticket.lastMessage.deliveryStatus === 'READ' ? 'READ' : undefined;
      },
      20_000,
      'the reply to be read',
    );
    expect(status).toBe('READ');
  });

  it('needs a token like the rest of the API', async () => {
    const result = await server.gql(PHONE, { phone: '447700900778' }, null);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a message with neither text nor a choice', async () => {
    const result = await server.gql(SEND, { phone: '447700900779' }, server.adminToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the simulator switched off', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer('sqlite', { WHATSAPP_SIMULATOR: 'off' });
  });
  afterAll(() => server.close());

  it('answers FORBIDDEN and explains why', async () => {
    const result = await server.gql(PHONE, { phone: '447700900780' }, server.adminToken);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/simulator is off/);
  });
});
