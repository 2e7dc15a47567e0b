// A person going through the bot on WhatsApp ("hi", "1", their issue) until a ticket is open, for tests that
// need one, and sending a photo on it.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { CloudApiStandIn } from './cloud-api-stand-in.js';
import { eventually, fixture, inboundMessage, inboundText, postWebhook, type TestServer } from './harness.js';

export interface PersonOptions {
  issue?: string;
  name?: string;
  /** When the person wrote: 25 hours ago makes a ticket whose reply window has closed. */
  sentAt?: Date;
}

const OPEN_TICKET_OF =
  'query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone, status: [OPEN] }) { edges { node { id replyWindowClosesAt } } } }';

/** Returns the new ticket's id and when its reply window closes, once the bot's three answers went out. */
export async function openTicketOnWhatsapp(
  server: TestServer,
  standIn: CloudApiStandIn,
  phone: string,
  options: PersonOptions = {},
) {
  const before = standIn.messagesTo(phone).length;
  for (const text of ['hi', '1', options.issue ?? 'my exam results are missing']) {
    expect(
      (await postWebhook(server, inboundText(phone, text, { sentAt: options.sentAt, name: options.name }).body)).status,
    ).toBe(200);
  }
  await standIn.waitFor(() => standIn.messagesTo(phone).length === before + 3); // the menu, the prompt, "ticket open"
  const found = await server.ok(OPEN_TICKET_OF, { phone });
  const ticket = found.tickets.edges[0].node as { id: string; replyWindowClosesAt: string | null };
  return { id: ticket.id, replyWindowClosesAt: ticket.replyWindowClosesAt };
}

export const dayAndAnHourAgo = () => new Date(Date.now() - 25 * 3600_000);

const LAST_ATTACHMENT_OF = `query($phone: String!) { tickets(first: 1, filter: { phoneNumber: $phone }) { edges { node {
  messages(last: 1) { edges { node { attachment { id kind status mimeType sizeBytes error url } } } } } } } }`;

/** The person (whose ticket is open) sends this photo; resolves to its attachment once the desk stored it or gave up. */
export async function sendPhotoOnWhatsapp(server: TestServer, standIn: CloudApiStandIn, phone: string, png: Buffer) {
  const mediaId = `photo${randomBytes(6).toString('hex')}`;
  standIn.addMedia(mediaId, { bytes: png, mimeType: 'image/png' });
  expect(
    (
      await postWebhook(
        server,
        inboundMessage(phone, { type: 'image', image: { id: mediaId, mime_type: 'image/png' } }).body,
      )
    ).status,
  ).toBe(200);
  return eventually(
    async () => {
      const data = await server.ok(LAST_ATTACHMENT_OF, { phone });
      const attachment = data.tickets.edges[0]?.node.messages.edges[0]?.node.attachment;
      return attachment && attachment.status !== 'PENDING'
        ? (attachment as { id: string; status: string; sizeBytes: number; error: string | null; url: string })
        : undefined;
    },
    10_000,
    'the photo to be stored or to fail',
  );
}

/** A button_reply delivery, shaped like the shared fixture, from `phone` with the button `id`. */
export function surveyTap(phone: string, id: string, title = 'Good', wamid?: string) {
  const body = JSON.parse(fixture('interactive-button-reply').toString('utf8'));
  const value = body.entry[0].changes[0].value;
  value.contacts[0].wa_id = phone;
  const message = value.messages[0];
  message.from = phone;
  message.id = wamid ?? `wamid.CSAT${Date.now()}${Math.random().toString(16).slice(2)}`;
  message.timestamp = String(Math.floor(Date.now() / 1000));
  message.interactive.button_reply = { id, title };
  return JSON.stringify(body);
}
