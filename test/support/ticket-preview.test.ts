// What the ticket list reads from the API: a ticket's preview of the conversation between the person and the agents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  databases,
  inboundText,
  openFromWhatsapp,
  postWebhook,
  startServer,
  type TestServer,
} from '../helpers/harness.js';
import { WEBHOOK_SECRET } from '../helpers/cloud-api-stand-in.js';

const PREVIEW = `query($id: ID!) { ticket(id: $id) {
  lastMessage { body senderType }
  preview { body senderType internal author { name } }
} }`;
const SEND = 'mutation($id: ID!, $body: String!) { sendMessage(ticketId: $id, body: $body) { id } }';
const NOTE = 'mutation($id: ID!, $body: String!) { addNote(ticketId: $id, body: $body) { id } }';

describe.each(databases)('the ticket preview on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(kind, { WHATSAPP_APP_SECRET: WEBHOOK_SECRET });
  });
  afterAll(() => server.close());

  const previewOf = async (id: string) => (await server.ok(PREVIEW, { id })).ticket;

  it("previews the person's message, not the bot's confirmation that came after it", async () => {
    const { id } = await openFromWhatsapp(server, 0);
    const ticket = await previewOf(id);
    expect(ticket.lastMessage.senderType).toBe('BOT');
    expect(ticket.preview).toMatchObject({ body: 'My grades are missing', senderType: 'USER', author: null });
  });

  it("leaves internal notes out of the preview, and shows an agent's reply as the agent's", async () => {
    const { id, phone } = await openFromWhatsapp(server, 0);
    await server.ok(NOTE, { id, body: 'Ask the registry' });
    const afterNote = await previewOf(id);
    expect(afterNote.lastMessage.body).toBe('Ask the registry');
    expect(afterNote.preview.body).toBe('My grades are missing');

    await server.ok(SEND, { id, body: 'They are back now' });
    expect((await previewOf(id)).preview).toMatchObject({
      body: 'They are back now',
      senderType: 'ADMIN',
      internal: false,
      author: { name: 'Admin' },
    });

    expect((await postWebhook(server, inboundText(phone, 'Thank you').body)).status).toBe(200);
    expect((await previewOf(id)).preview).toMatchObject({ body: 'Thank you', senderType: 'USER' });
  });
});
